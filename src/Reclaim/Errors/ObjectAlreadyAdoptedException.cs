namespace Reclaim;

/// <summary>An object was passed to <see cref="Runtime.Adopt{T}(T)"/> although a runtime already owns it.</summary>
public sealed class ObjectAlreadyAdoptedException : ObjectLifetimeException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="objectType">The object's type.</param>
    public ObjectAlreadyAdoptedException(Type objectType)
        : base(objectType, "Adopt", $"Adopt of an object of type '{objectType.Name}' that a runtime already owns; take another reference with AddRef instead.")
    {
    }
}
