namespace Reclaim.Tests.Support;

/// <summary>
/// A container whose <see cref="Clear"/> keeps its reference (a broken type). Used to leave an object in the
/// <see cref="RcObjectState.Cleared"/> state while something still counts it.
/// </summary>
internal sealed class StubbornNode : RcObject
{
    public RcField<RcObject> Next;

    protected internal override void TraverseReferences(ref Visitor visitor) => visitor.Visit(Next);

    protected internal override void ClearReferences()
    {
    }
}
