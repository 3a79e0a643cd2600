namespace Reclaim;

/// <summary>An object of one runtime was handed to another runtime.</summary>
public sealed class WrongRuntimeException : ObjectLifetimeException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="objectType">The object's type.</param>
    /// <param name="operation">The operation attempted.</param>
    public WrongRuntimeException(Type objectType, string operation)
        : base(objectType, operation, $"{operation} was given an object of type '{objectType.Name}' that belongs to a different runtime.")
    {
    }
}
