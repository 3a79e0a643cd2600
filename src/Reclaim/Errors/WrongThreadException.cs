namespace Reclaim;

/// <summary>
/// A thread-state operation was used out of order: detaching a thread that does not hold the runtime, disposing a
/// handle on a thread other than the one it belongs to, or ending scopes in the wrong order.
/// </summary>
public sealed class WrongThreadException : ReclaimException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was wrong.</param>
    public WrongThreadException(string message)
        : base(message)
    {
    }
}
