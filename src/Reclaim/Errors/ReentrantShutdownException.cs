namespace Reclaim;

/// <summary>
/// <see cref="Runtime.Dispose"/> was called from code the runtime itself is running — a finalizer, a weak-reference
/// or collection callback, <see cref="RcObject.ClearReferences"/> or <see cref="RcObject.OnFree"/> — while a death or a
/// collection is in progress. Shutting down there would pull the runtime out from under the operation that called
/// the code; shut it down from outside instead.
/// </summary>
public sealed class ReentrantShutdownException : ReclaimException
{
    /// <summary>Creates the exception.</summary>
    public ReentrantShutdownException()
        : base("Runtime.Dispose called from a finalizer, callback, Clear or OnFree while the runtime is freeing objects or collecting; dispose the runtime from outside that code.")
    {
    }
}
