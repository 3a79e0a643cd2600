namespace Reclaim.Tests.Support;

/// <summary>A broken container (invariant I2): its <see cref="Traverse"/> never reports <see cref="Hidden"/>.</summary>
internal sealed class MissingTraverseNode : RcObject
{
    public RcField<RcObject> Visible;
    public RcField<RcObject> Hidden;

#pragma warning disable RCL0001 // The missing visit is the point: checked mode must catch it at run time.
    protected internal override void Traverse(ref Visitor visitor) => visitor.Visit(Visible);
#pragma warning restore RCL0001

    protected internal override void Clear()
    {
        Visible.Clear();
        Hidden.Clear();
    }
}
