namespace Reclaim.Tests.Support;

/// <summary>A broken container (invariant I2): its <see cref="TraverseReferences"/> reports <see cref="Target"/> twice though it holds one reference.</summary>
internal sealed class DoubleVisitNode : RcObject
{
    public RcField<RcObject> Target;

    protected internal override void TraverseReferences(ref Visitor visitor)
    {
        visitor.Visit(Target);
        visitor.Visit(Target);
    }

    protected internal override void ClearReferences() => Target.Clear();
}
