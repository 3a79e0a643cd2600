namespace Reclaim;

/// <summary>Settings fixed when a <see cref="Runtime"/> is created.</summary>
public sealed class RuntimeOptions
{
    /// <summary>
    /// Checked mode: the collector verifies that every traversal reports exactly the references its object
    /// holds (invariant I2) and that no object is over-reported, and refuses a collection that would rely on a
    /// broken traversal. Costs time on every collection; meant for tests and debugging. The lifetime checks
    /// (use after free, double release, underflow, use of cleared objects, traversal purity) are always on.
    /// </summary>
    public bool Checked { get; init; }

    /// <summary>
    /// Receives exceptions thrown by finalizers, callbacks and other user code the runtime calls where no caller
    /// can catch them. The default writes a line to standard error. Replace at any time with <see cref="Runtime.UnraisableHook"/>.
    /// </summary>
    public Action<UnraisableInfo>? UnraisableHook { get; init; }

    /// <summary>
    /// Native bytes (declared with <see cref="Gc.AddMemoryPressure"/>) that may be added since the last full
    /// collection before one is scheduled regardless of object counts; the budget grows with the native bytes the
    /// last full collection left alive. Default 64 MiB.
    /// </summary>
    public long MemoryPressureBudget { get; init; } = 64L * 1024 * 1024;

    /// <summary>
    /// Whether <see cref="Runtime.Create"/> attaches the creating thread as the main thread, holding the runtime lock
    /// (as the main thread holds the GIL after <c>Py_Initialize</c>). Default true. When false, every thread,
    /// the creating one included, must <see cref="Runtime.Attach"/> before it touches the runtime.
    /// </summary>
    public bool AttachCreatingThread { get; init; } = true;

    /// <summary>
    /// What happens to a thread that tries to enter the runtime once shutdown has begun. Default
    /// <see cref="DaemonThreadOutcome.Park"/>, as CPython 3.14.
    /// </summary>
    public DaemonThreadOutcome DaemonThreads { get; init; } = DaemonThreadOutcome.Park;
}
