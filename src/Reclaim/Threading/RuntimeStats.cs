namespace Reclaim;

/// <summary>A snapshot of a runtime's thread and queue figures (see <see cref="Runtime.GetStats"/>).</summary>
/// <param name="State">Where the runtime is in its life.</param>
/// <param name="TrackedObjects">Objects the cycle collector tracks (generations 0–2 and permanent).</param>
/// <param name="PendingReleases">Releases queued by other threads, not applied yet.</param>
/// <param name="PendingReleasesApplied">Queued releases applied so far.</param>
/// <param name="LateReleases">Queued releases dropped because they arrived after the runtime ended.</param>
/// <param name="DeferredWork">Actions queued with <see cref="Runtime.Defer"/>, not run yet.</param>
/// <param name="AttachedThreads">Threads with a thread state (holding the lock or detached from it).</param>
/// <param name="WaitingThreads">Threads queued for the runtime lock.</param>
/// <param name="RuntimeThreads">Threads started with <see cref="Runtime.StartThread"/> and still running.</param>
/// <param name="RefusedThreads">Threads turned away by shutdown (parked or given <see cref="RuntimeShutDownException"/>).</param>
public sealed record RuntimeStats(
    RuntimeState State,
    int TrackedObjects,
    int PendingReleases,
    long PendingReleasesApplied,
    long LateReleases,
    int DeferredWork,
    int AttachedThreads,
    int WaitingThreads,
    int RuntimeThreads,
    int RefusedThreads);
