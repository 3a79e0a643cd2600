namespace Reclaim;

/// <summary>
/// <see cref="Runtime.Shutdown"/> or <see cref="Runtime.Dispose"/> was called from code the runtime itself is
/// running — a finalizer, a weak-reference or collection callback, <see cref="RcObject.ClearReferences"/> or
/// <see cref="RcObject.OnFree"/>, an at-exit callback — while a death, a collection or the shutdown itself is in
/// progress. Shutting down there would pull the runtime out from under the operation that called the code; shut it
/// down from outside instead.
/// </summary>
public sealed class ReentrantShutdownException : ReclaimException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="operation">The call that was refused: "Shutdown" or "Dispose".</param>
    public ReentrantShutdownException(string operation)
        : base($"Runtime.{operation} called from a finalizer, callback, ClearReferences, OnFree or at-exit callback while the runtime is freeing objects, collecting or shutting down; call it from outside that code.")
    {
        Operation = operation;
    }

    /// <summary>The call that was refused: "Shutdown" or "Dispose".</summary>
    public string Operation { get; }
}
