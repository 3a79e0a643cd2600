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

    /// <summary>Creates the exception for a traversal that visits a reference more often than its fields hold it.</summary>
    /// <param name="objectType">The over-reported object's type.</param>
    /// <param name="referrerType">The type whose traversal visited it too often.</param>
    /// <param name="held">How many references the referrer's fields hold to it.</param>
    /// <param name="visited">How many times the referrer's traversal visited it.</param>
    public TraversalOvercountException(Type objectType, Type referrerType, int held, int visited)
        : base(objectType, "Collect", $"A '{referrerType.Name}' holds {held} reference(s) to an object of type '{objectType.Name}' in its fields but its TraverseReferences visited it {visited} times; a TraverseReferences visits a reference it does not own, and the collection was refused so that no live object is cleared.")
    {
        RefCount = held;
        Reported = visited;
    }

    /// <summary>The object's reference count (or, for a surplus visit, the references its referrer's fields hold).</summary>
    public int RefCount { get; }

    /// <summary>How many references traversal reported.</summary>
    public int Reported { get; }
}
