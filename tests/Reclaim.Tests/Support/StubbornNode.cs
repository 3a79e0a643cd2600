namespace Reclaim.Tests.Support;

/// <summary>A container whose <see cref="Clear"/> forgets its reference: cycles through it survive clearing.</summary>
internal sealed class StubbornNode : RcObject
{
    public RcField<RcObject> Next;

    protected internal override void Traverse(ref Visitor visitor) => visitor.Visit(Next);

    protected internal override void Clear()
    {
        // Deliberately incomplete: the bug under test. OnFree-time release happens in the test by hand.
    }
}
