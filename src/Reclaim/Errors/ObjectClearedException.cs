namespace Reclaim;

/// <summary>
/// An object was used after the cycle collector cleared it as garbage. Only code that holds a reference the
/// collector could not see (a broken <see cref="RcObject.TraverseReferences"/>) can reach such an object.
/// </summary>
public sealed class ObjectClearedException : ObjectLifetimeException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="objectType">The cleared object's type.</param>
    /// <param name="operation">The operation attempted.</param>
    public ObjectClearedException(Type objectType, string operation)
        : base(objectType, operation, $"{operation} on an object of type '{objectType.Name}' that the cycle collector cleared as garbage; its references are gone.")
    {
    }
}
