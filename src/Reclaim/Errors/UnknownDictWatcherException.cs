namespace Reclaim;

/// <summary>A dictionary watcher id that names no registered watcher (never returned by AddDictWatcher, or already cleared).</summary>
public sealed class UnknownDictWatcherException : ReclaimException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="watcherId">The id passed in.</param>
    /// <param name="operation">The operation attempted.</param>
    public UnknownDictWatcherException(int watcherId, string operation)
        : base($"{operation}: no dictionary watcher is registered with id {watcherId}.")
    {
        WatcherId = watcherId;
        Operation = operation;
    }

    /// <summary>The id passed in.</summary>
    public int WatcherId { get; }

    /// <summary>The operation attempted, for example <c>RcDict.Watch</c>.</summary>
    public string Operation { get; }
}
