namespace Reclaim.Tests.Support;

/// <summary>A container with any number of reference slots (an array of fields); its traversal is generated.</summary>
[RcType]
internal sealed partial class Holder : RcObject
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
}
