namespace Reclaim;

/// <summary>The runtime was shut down; no operation on it or its objects is possible any more.</summary>
public sealed class RuntimeShutDownException : ReclaimException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="operation">The operation attempted.</param>
    public RuntimeShutDownException(string operation)
        : base($"{operation} on a runtime that has been shut down.")
    {
    }
}
