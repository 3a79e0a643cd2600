namespace Reclaim;

/// <summary>An operation was attempted on an object that is not in a state that allows it.</summary>
public abstract class ObjectLifetimeException : ReclaimException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="objectType">The type of the object involved.</param>
    /// <param name="operation">The operation that was attempted.</param>
    /// <param name="message">The full message.</param>
    protected ObjectLifetimeException(Type objectType, string operation, string message)
        : base(message)
    {
        ObjectType = objectType;
        Operation = operation;
    }

    /// <summary>The type of the object the operation was attempted on.</summary>
    public Type ObjectType { get; }

    /// <summary>The operation that was attempted, for example <c>AddRef</c> or <c>Release</c>.</summary>
    public string Operation { get; }
}
