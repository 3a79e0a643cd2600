namespace Reclaim;

/// <summary>A release would take a reference count below zero: the object is already dying.</summary>
public sealed class RefCountUnderflowException : ObjectLifetimeException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="objectType">The object's type.</param>
    public RefCountUnderflowException(Type objectType)
        : base(objectType, "Release", $"Release on an object of type '{objectType.Name}' whose reference count is already zero (reference count underflow): more references were released than were taken.")
    {
    }
}
