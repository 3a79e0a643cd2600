namespace Reclaim;

/// <summary>An <see cref="RcDict"/> gained or lost keys while it was being enumerated (Python's "dictionary changed size during iteration").</summary>
public sealed class DictChangedDuringEnumerationException : ReclaimException
{
    /// <summary>Creates the exception.</summary>
    public DictChangedDuringEnumerationException()
        : base("RcDict enumeration: the dictionary gained or lost keys while it was being enumerated; enumerate a copy to change it in the loop.")
    {
    }
}
