namespace Reclaim;

/// <summary>A dictionary watcher was registered while every one of the runtime's watcher slots was taken.</summary>
public sealed class DictWatcherLimitException : ReclaimException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="capacity">How many watchers the runtime allows.</param>
    public DictWatcherLimitException(int capacity)
        : base($"AddDictWatcher: all {capacity} dictionary watcher slots of the runtime are in use; clear one with ClearDictWatcher before adding another.")
    {
        Capacity = capacity;
    }

    /// <summary>How many watchers the runtime allows.</summary>
    public int Capacity { get; }
}
