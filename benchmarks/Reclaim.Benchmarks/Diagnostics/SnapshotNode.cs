namespace Reclaim.Benchmarks.Diagnostics;

/// <summary>A ring member for the snapshot benchmark: one counted reference, as in the CPython ring shape.</summary>
internal sealed class SnapshotNode : RcObject
{
    public RcField<RcObject> Next;

    protected override void TraverseReferences(ref Visitor visitor) => visitor.Visit(Next);

    protected override void ClearReferences() => Next.Clear();
}
