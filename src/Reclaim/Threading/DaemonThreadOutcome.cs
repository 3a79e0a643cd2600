namespace Reclaim;

/// <summary>
/// What happens to a thread that tries to enter the runtime (attach, or reacquire the lock after detaching) once
/// shutdown has begun — including a thread that was already waiting for the lock when it began.
/// </summary>
public enum DaemonThreadOutcome
{
    /// <summary>
    /// The thread blocks for ever, touching nothing (CPython 3.14's behaviour for daemon threads). The process can
    /// still exit: threads started by the runtime as daemons are background threads.
    /// </summary>
    Park,

    /// <summary>The thread gets a <see cref="RuntimeShutDownException"/> and can unwind its own stack.</summary>
    Throw,
}
