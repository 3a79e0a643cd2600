namespace Reclaim.Tests.Support;

/// <summary>A broken container (invariant I2): its <see cref="TraverseReferences"/> never reports <see cref="Hidden"/>.</summary>
internal sealed class MissingTraverseNode : RcObject
{
    public RcField<RcObject> Visible;
    public RcField<RcObject> Hidden;

#pragma warning disable RCL0001 // The missing visit is the point: checked mode must catch it at run time.
    protected internal override void TraverseReferences(ref Visitor visitor) => visitor.Visit(Visible);
#pragma warning restore RCL0001

    protected internal override void ClearReferences()
    {
        Visible.Clear();
        Hidden.Clear();
    }
}
