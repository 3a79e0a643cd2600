namespace Reclaim;

/// <summary>An object was used before any runtime adopted it.</summary>
public sealed class ObjectNotAdoptedException : ObjectLifetimeException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="objectType">The object's type.</param>
    /// <param name="operation">The operation attempted.</param>
    public ObjectNotAdoptedException(Type objectType, string operation)
        : base(objectType, operation, $"{operation} on an object of type '{objectType.Name}' that no runtime has adopted; create it with Runtime.New or pass it to Runtime.Adopt first.")
    {
    }
}
