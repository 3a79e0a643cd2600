namespace Reclaim.Tests.Support;

/// <summary>
/// A type whose collector-time clear is partial, as CPython allows for <c>tp_clear</c>: it drops only the reference
/// that can be part of a cycle, and drops the rest when it really dies (count zero, <c>tp_dealloc</c>).
/// </summary>
internal sealed class PartialClearNode : RcObject
{
    public RcField<RcObject> Cycle;

    public RcField<RcObject> Kept;

    protected internal override void TraverseReferences(ref Visitor visitor)
    {
        visitor.Visit(Cycle);
        visitor.Visit(Kept);
    }

    protected internal override void ClearReferences()
    {
        Cycle.Clear();
        if (RefCount == 0)
        {
            Kept.Clear();
        }
    }
}
