namespace Reclaim;

/// <summary>An object was used after it was freed (use after free).</summary>
public class ObjectFreedException : ObjectLifetimeException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="objectType">The freed object's type.</param>
    /// <param name="operation">The operation attempted.</param>
    public ObjectFreedException(Type objectType, string operation)
        : this(objectType, operation, $"{operation} on a freed object of type '{objectType.Name}': it is used after its last reference was released.")
    {
    }

    /// <summary>Creates the exception with a specific message.</summary>
    /// <param name="objectType">The freed object's type.</param>
    /// <param name="operation">The operation attempted.</param>
    /// <param name="message">The message.</param>
    protected ObjectFreedException(Type objectType, string operation, string message)
        : base(objectType, operation, message)
    {
    }
}
