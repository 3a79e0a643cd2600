namespace Reclaim;

/// <summary>
/// The runtime's own users of a dictionary watcher (<see cref="GlobalCache"/>) keep derived state — cached values —
/// that is only right while every change reaches them. A user's <see cref="Runtime.ClearDictWatcher"/> or
/// <see cref="RcDict.Unwatch"/> on their watcher id stops those changes; the owner is told, so that it stops
/// trusting what it cached instead of handing out a value its dictionary has since released (seed 000's class).
/// </summary>
internal interface IDictWatcherOwner
{
    /// <summary>The watcher was cleared; its id may already belong to someone else.</summary>
    void OnWatcherCleared();

    /// <summary><paramref name="dictionary"/> stopped being watched by the owner's watcher.</summary>
    void OnUnwatched(RcDict dictionary);
}
