namespace Reclaim.Tests.Support;

/// <summary>A broken container (invariant I2): its <see cref="Traverse"/> never reports <see cref="Hidden"/>.</summary>
internal sealed class MissingTraverseNode : RcObject
{
    public RcField<RcObject> Visible;
    public RcField<RcObject> Hidden;

    protected internal override void Traverse(ref Visitor visitor) => visitor.Visit(Visible);

    protected internal override void Clear()
    {
        Visible.Clear();
        Hidden.Clear();
    }
}
