namespace Reclaim.Tests.Support;

/// <summary>A container with any number of reference slots.</summary>
internal sealed class Holder : RcObject
{
    public RcField<RcObject>[] Items;

    public Holder()
        : this(4)
    {
    }

    public Holder(int slots)
    {
        Items = new RcField<RcObject>[slots];
    }

    protected internal override void Traverse(ref Visitor visitor) => visitor.Visit<RcObject>(Items);

    protected internal override void Clear()
    {
        for (int i = 0; i < Items.Length; i++)
        {
            Items[i].Clear();
        }
    }
}
