namespace Reclaim;

/// <summary>Base of every exception Reclaim throws for misuse of the runtime or of its objects.</summary>
public abstract class ReclaimException : InvalidOperationException
{
    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong, naming the object's type and the operation.</param>
    protected ReclaimException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    protected ReclaimException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
