namespace Reclaim;

/// <summary>A collection was requested from code that a running collection called (collections never nest).</summary>
public sealed class CollectionInProgressException : ReclaimException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="operation">The operation attempted.</param>
    public CollectionInProgressException(string operation)
        : base($"{operation} called while a collection is running (from a finalizer, weak-reference callback or gc callback); collections never nest.")
    {
    }
}
