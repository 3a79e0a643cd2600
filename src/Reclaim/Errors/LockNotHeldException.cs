namespace Reclaim;

/// <summary>
/// An operation that needs the runtime lock (an increment, an allocation, a field store, a collection) was called
/// from a thread that does not hold it. Attach the thread first with <see cref="Runtime.Attach"/>.
/// </summary>
/// <remarks>
/// Verified on every call, in every mode (releases from such a thread are queued instead; see
/// <see cref="RcObject.Release"/>). Increments are never deferred the way releases are: a queued increment would leave
/// a window in which the lock holder drops the last counted reference and frees the object while the late increment is
/// still in flight, so the increment would land on freed state. Refusing it loudly is the only sound choice.
/// </remarks>
public sealed class LockNotHeldException : ReclaimException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="operation">The operation attempted, including the object's type when there is one.</param>
    /// <param name="callingThreadId">The managed id of the thread that attempted it.</param>
    /// <param name="ownerThreadId">The managed id of the thread holding the lock, or 0 when nobody holds it.</param>
    public LockNotHeldException(string operation, int callingThreadId, int ownerThreadId)
        : base($"{operation} from thread {callingThreadId}, which does not hold the runtime lock ("
            + (ownerThreadId == 0 ? "nobody holds it" : $"thread {ownerThreadId} holds it")
            + "). Attach the thread with Runtime.Attach() first.")
    {
        Operation = operation;
        CallingThreadId = callingThreadId;
        OwnerThreadId = ownerThreadId;
    }

    /// <summary>The operation attempted.</summary>
    public string Operation { get; }

    /// <summary>The managed id of the thread that attempted it.</summary>
    public int CallingThreadId { get; }

    /// <summary>The managed id of the lock holder at the time, or 0 when nobody held it.</summary>
    public int OwnerThreadId { get; }
}
