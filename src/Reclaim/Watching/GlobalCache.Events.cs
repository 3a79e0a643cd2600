namespace Reclaim;

/// <summary>The cache's dictionary watcher, and the deferred removal of a dictionary that went away.</summary>
public sealed partial class GlobalCache
{
    /// <summary>
    /// The watcher callback. It reads dictionaries (only through validated handles) and writes only the cache's own
    /// cells; anything structural is deferred to a safe point.
    /// </summary>
    private void OnDictionaryEvent(DictWatcherEvent kind, RcDict dictionary, RcDictKey key, RcObject? newValue)
    {
        if (_disposed || !_dictionaries.TryGetValue(dictionary.Identity, out CachedDictionary? changed))
        {
            return;
        }

        switch (kind)
        {
            case DictWatcherEvent.Added or DictWatcherEvent.Modified when key.AsString is { } name:
                RefreshName(changed, name, newValue);
                break;
            case DictWatcherEvent.Deleted when key.AsString is { } name:
                RefreshName(changed, name, null);
                break;
            case DictWatcherEvent.Cleared:
                RefreshAll(changed, static (_, _) => null, null);
                break;
            case DictWatcherEvent.Cloned when newValue is RcDict source:
                RefreshAll(changed, static (source, name) => source!.TryGetValue(name, out RcObject? value) ? value : null, source);
                break;
            case DictWatcherEvent.Deallocated:
                // Not here: this may run inside a collection, next to a companion dictionary that is being torn down
                // in the same pass (CinderX's 2026-03-30 crash). The removal waits for the next safe point.
                Runtime.Defer(() => RemoveDictionary(changed));
                break;
        }
    }

    /// <summary>Recomputes the cells for <paramref name="name"/> that depend on <paramref name="changed"/>.</summary>
    /// <param name="changed">The dictionary about to change.</param>
    /// <param name="name">The name whose binding changes.</param>
    /// <param name="after">What <paramref name="changed"/> will bind <paramref name="name"/> to once the change takes effect.</param>
    private void RefreshName(CachedDictionary changed, string name, RcObject? after)
    {
        for (GlobalCacheCell? cell = changed.First(CellRole.Globals, name); cell is not null; cell = cell.Next(CellRole.Globals))
        {
            Refresh(cell, changed, after);
        }

        for (GlobalCacheCell? cell = changed.First(CellRole.Builtins, name); cell is not null; cell = cell.Next(CellRole.Builtins))
        {
            // A cell whose globals is this same dictionary was refreshed above.
            if (!ReferenceEquals(cell.Globals, changed))
            {
                Refresh(cell, changed, after);
            }
        }
    }

    /// <summary>Recomputes every cell that depends on <paramref name="changed"/> (Cleared, Cloned).</summary>
    private void RefreshAll(CachedDictionary changed, Func<RcDict?, string, RcObject?> after, RcDict? source)
    {
        foreach (CellRole role in (ReadOnlySpan<CellRole>)[CellRole.Globals, CellRole.Builtins])
        {
            foreach (GlobalCacheCell head in changed.Heads(role))
            {
                RcObject? value = after(source, head.Name);
                for (GlobalCacheCell? cell = head; cell is not null; cell = cell.Next(role))
                {
                    if (role == CellRole.Globals || !ReferenceEquals(cell.Globals, changed))
                    {
                        Refresh(cell, changed, value);
                    }
                }
            }
        }
    }

    /// <summary>
    /// Sets a cell to what a direct look-up will give once the change to <paramref name="changed"/> has taken effect.
    /// The event arrives before the change, so <paramref name="changed"/> itself is not read: its future binding is
    /// <paramref name="after"/>. The companion is read only if its handle is alive; if it is not, the cell already refuses
    /// reads and the companion's own deferred removal will drop it.
    /// </summary>
    private void Refresh(GlobalCacheCell cell, CachedDictionary changed, RcObject? after)
    {
        if (!cell.IsValid)
        {
            return;
        }

        RcObject? fromGlobals = ReferenceEquals(cell.Globals, changed) ? after : LookUpIn(cell.Globals, cell.Name);
        RcObject? value = fromGlobals ?? (ReferenceEquals(cell.Builtins, changed) ? after : LookUpIn(cell.Builtins, cell.Name));
        cell.SetValue(value);
        _refreshes++;
    }

    /// <summary>Removes <paramref name="dictionary"/>'s record if it is still the current one for its identity.</summary>
    private bool Unregister(CachedDictionary dictionary)
    {
        if (!IsCurrent(dictionary))
        {
            return false;
        }

        _dictionaries.Remove(dictionary.Identity);
        return true;
    }

    private static RcObject? LookUpIn(CachedDictionary dictionary, string name) =>
        dictionary.Target is { } target && target.TryGetValue(name, out RcObject? value) ? value : null;

    /// <summary>
    /// Drops every cell of a dictionary that went away, runs at a safe point (or earlier, from <see cref="GetCell"/>, when
    /// a resurrected dictionary is asked for again). Costs time linear in that dictionary's cells. It never reads the
    /// dead dictionary; a companion left without cells is unwatched through its handle, if it is still alive.
    /// </summary>
    private void RemoveDictionary(CachedDictionary gone)
    {
        // Already removed, or the record was replaced: a resurrected dictionary asked for again is tracked anew
        // under the same identity, and this removal belongs to its previous life.
        if (_disposed || !Unregister(gone))
        {
            return;
        }

        foreach (CellRole role in (ReadOnlySpan<CellRole>)[CellRole.Globals, CellRole.Builtins])
        {
            CellRole otherRole = role == CellRole.Globals ? CellRole.Builtins : CellRole.Globals;
            string reason = role == CellRole.Globals ? "its globals dictionary went away" : "its builtins dictionary went away";
            foreach (GlobalCacheCell head in gone.Heads(role))
            {
                for (GlobalCacheCell? cell = head; cell is not null; cell = cell.Next(role))
                {
                    if (cell.IsInvalidated)
                    {
                        continue;
                    }

                    cell.Invalidate(reason);
                    _liveCells--;

                    _invalidations++;
                    CachedDictionary companion = role == CellRole.Globals ? cell.Builtins : cell.Globals;
                    if (ReferenceEquals(companion, gone))
                    {
                        continue;
                    }

                    companion.Unlink(cell, otherRole);
                    if (companion.CellCount == 0 && Unregister(companion))
                    {
                        ForgetDictionary(companion);
                    }
                }
            }
        }

        gone.Handle.Release();
    }
}
