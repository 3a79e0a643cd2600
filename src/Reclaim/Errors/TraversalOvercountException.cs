namespace Reclaim;

/// <summary>
/// Checked mode found an object whose incoming traversed references exceed its reference count (negative
/// <c>gc_refs</c>): some <see cref="RcObject.TraverseReferences"/> reports a reference it does not own (invariant I2).
/// </summary>
public sealed class TraversalOvercountException : ObjectLifetimeException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="objectType">The over-reported object's type.</param>
    /// <param name="refCount">Its reference count.</param>
    /// <param name="reported">How many references traversal reported to it.</param>
    /// <param name="referrerTypes">The types of the objects whose traversal reported it.</param>
    public TraversalOvercountException(Type objectType, int refCount, int reported, string referrerTypes)
        : base(objectType, "Collect", $"An object of type '{objectType.Name}' has reference count {refCount} but traversal reported {reported} references to it (from: {referrerTypes}); a TraverseReferences visits a reference it does not own.")
    {
        RefCount = refCount;
        Reported = reported;
    }

    /// <summary>The object's reference count.</summary>
    public int RefCount { get; }

    /// <summary>How many references traversal reported.</summary>
    public int Reported { get; }
}
