namespace Reclaim;

/// <summary>
/// A store into an <see cref="RcField{T}"/> or <see cref="RcList{T}"/> of an object that already died: its
/// <see cref="RcObject.ClearReferences"/> ran (it was freed, or cleared by the collector), which closed its slots.
/// Nothing would ever release the stored reference, so the store is refused and every count stays as it was.
/// </summary>
public sealed class OwnerNotAliveException : ObjectLifetimeException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="valueType">The type of the value that was to be stored.</param>
    /// <param name="operation">The store attempted.</param>
    public OwnerNotAliveException(Type valueType, string operation)
        : base(valueType, operation, $"{operation} of a '{valueType.Name}' into an object that already died (its references were "
            + "dropped): nothing would ever release the stored reference.")
    {
    }
}
