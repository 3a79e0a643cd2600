namespace Reclaim;

/// <summary>Where a runtime is in its life: it only ever moves forward.</summary>
public enum RuntimeState
{
    /// <summary>Normal operation.</summary>
    Running,

    /// <summary>
    /// Shutdown has begun: at-exit work is done, daemon threads can no longer get in, watchers are suppressed and
    /// the final collections run. Objects can still be released; nothing new should start.
    /// </summary>
    ShuttingDown,

    /// <summary>Shutdown is complete; every operation on the runtime or its objects throws <see cref="RuntimeShutDownException"/>.</summary>
    ShutDown,
}
