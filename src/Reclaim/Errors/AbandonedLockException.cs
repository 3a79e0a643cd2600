namespace Reclaim;

/// <summary>
/// The thread that held the runtime lock exited without giving it back (it attached and never disposed its
/// <see cref="ThreadAttachment"/>, or the thread that created the runtime ended). The waiting thread gets this
/// exception instead of waiting for ever; the lock has been taken from the dead thread, so the next attempt to
/// attach or reacquire goes ahead.
/// </summary>
public sealed class AbandonedLockException : ReclaimException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="threadId">Managed id of the thread that exited holding the lock.</param>
    /// <param name="threadName">Its .NET name, if it had one.</param>
    public AbandonedLockException(int threadId, string? threadName)
        : base($"Thread {threadId}{(threadName is null ? string.Empty : $" ('{threadName}')")} exited while holding the runtime lock "
            + "(an Attach whose ThreadAttachment was never disposed); the lock was taken back from it. Dispose every attachment on its own thread.")
    {
        AbandoningThreadId = threadId;
    }

    /// <summary>Managed id of the thread that exited holding the lock.</summary>
    public int AbandoningThreadId { get; }
}
