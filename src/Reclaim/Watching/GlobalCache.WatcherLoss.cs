namespace Reclaim;

/// <summary>
/// What the cache does when someone else takes its watch away (issue 12, finding 2): a cell is only right while every
/// change of its dictionaries reaches the cache, so cells that could miss a change are invalidated at once — never
/// left to return a value their dictionary has since released.
/// </summary>
public sealed partial class GlobalCache
{
    // Set when the cache's watcher id was cleared by someone else: the id may already be another watcher's.
    private bool _watcherLost;

    // Set while the cache clears or unwatches on its own behalf, when the notification tells it nothing new.
    private bool _clearingOwnWatcher;
    private int _unwatchingItself;

    /// <summary>The watcher was cleared with <see cref="Runtime.ClearDictWatcher"/>: every cell is invalidated and the cache is disposed.</summary>
    void IDictWatcherOwner.OnWatcherCleared()
    {
        if (_clearingOwnWatcher)
        {
            return;
        }

        // The dictionaries' watch bits for the old id are inert (the slot's generation moved on): leave them be.
        _watcherLost = true;
        InvalidateAll("the GlobalCache's dictionary watcher was cleared with ClearDictWatcher");
        Dispose();
    }

    /// <summary>A dictionary was unwatched by someone else: its cells stop being trusted and the cache forgets it.</summary>
    void IDictWatcherOwner.OnUnwatched(RcDict dictionary)
    {
        if (_unwatchingItself > 0 || _disposed || !_dictionaries.TryGetValue(dictionary.Identity, out CachedDictionary? record))
        {
            return;
        }

        RemoveDictionary(record);
    }

    private void InvalidateAll(string reason)
    {
        foreach (CachedDictionary dictionary in _dictionaries.Values)
        {
            foreach (GlobalCacheCell head in dictionary.Heads(CellRole.Globals))
            {
                for (GlobalCacheCell? cell = head; cell is not null; cell = cell.Next(CellRole.Globals))
                {
                    cell.Invalidate(reason);
                }
            }
        }
    }
}
