namespace Reclaim;

/// <summary>
/// A dictionary watcher's own work changed a watched dictionary, whose watcher changed one again, and so on, deeper
/// than the runtime allows (CPython raises <c>RecursionError</c> here). The change that would have gone one level
/// deeper is refused before it happens; the exception goes to the watcher that attempted it, and, if that watcher lets
/// it escape, to <see cref="RuntimeOptions.UnraisableHook"/>.
/// </summary>
public sealed class DictWatcherRecursionException : ReclaimException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="maxDepth">How deeply watcher deliveries may nest.</param>
    /// <param name="refusedEvent">The event of the refused change.</param>
    public DictWatcherRecursionException(int maxDepth, DictWatcherEvent refusedEvent)
        : base($"Dictionary watchers re-entered more than {maxDepth} levels deep (a watcher changes a watched dictionary on every event); the {refusedEvent} change was refused.")
    {
        MaxDepth = maxDepth;
    }

    /// <summary>How deeply watcher deliveries may nest.</summary>
    public int MaxDepth { get; }
}
