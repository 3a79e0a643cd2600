namespace Reclaim;

/// <summary>
/// Checked mode found a reference an object holds but its <see cref="RcObject.TraverseReferences"/> does not report
/// (invariant I2). Hidden references turn a leak into a crash in other runtimes; Reclaim refuses the collection.
/// </summary>
public sealed class TraversalIncompleteException : ObjectLifetimeException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="objectType">The type whose traversal is incomplete.</param>
    /// <param name="memberName">The field holding the unreported reference.</param>
    /// <param name="referentType">The type of the unreported referent.</param>
    public TraversalIncompleteException(Type objectType, string memberName, Type referentType)
        : base(objectType, "TraverseReferences", $"TraverseReferences of type '{objectType.Name}' does not report the reference in '{memberName}' (to a '{referentType.Name}'): every counted reference must be visited.")
    {
        MemberName = memberName;
        ReferentType = referentType;
    }

    /// <summary>The field holding the reference that traversal missed.</summary>
    public string MemberName { get; }

    /// <summary>The type of the object referred to.</summary>
    public Type ReferentType { get; }
}
