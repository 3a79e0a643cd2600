namespace Reclaim;

/// <summary>
/// What happens to a thread that tries to enter the runtime (attach, or reacquire the lock after detaching) once
/// shutdown has begun — including a thread that was already waiting for the lock when it began.
/// </summary>
public enum DaemonThreadOutcome
{
    /// <summary>
    /// A daemon thread that is a .NET background thread blocks for ever, touching nothing (CPython 3.14's behaviour
    /// for daemon threads); the process can still exit. Every other thread — the main thread, non-daemon runtime
    /// threads, foreground threads, a second concurrent shutdown — gets <see cref="RuntimeShutDownException"/>, since
    /// parking it would keep the process alive for ever.
    /// </summary>
    Park,

    /// <summary>The thread gets a <see cref="RuntimeShutDownException"/> and can unwind its own stack.</summary>
    Throw,
}
