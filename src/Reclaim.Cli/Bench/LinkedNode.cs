namespace Reclaim.Cli.Bench;

/// <summary>
/// A benchmark node: one counted reference to the next node, the Reclaim equivalent of the CPython side's
/// <c>class Node: __slots__ = ("next",)</c>.
/// </summary>
public abstract class LinkedNode : RcObject
{
    /// <summary>The next node in the ring or chain.</summary>
    public RcField<LinkedNode> Next;

    /// <inheritdoc/>
    protected override void TraverseReferences(ref Visitor visitor) => visitor.Visit(Next);

    /// <inheritdoc/>
    protected override void ClearReferences() => Next.Clear();
}
