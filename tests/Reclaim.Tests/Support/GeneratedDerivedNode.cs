namespace Reclaim.Tests.Support;

/// <summary>A generated container deriving from another: its traversal must chain to <see cref="GeneratedNode"/>'s.</summary>
[RcType]
internal sealed partial class GeneratedDerivedNode : GeneratedNode
{
    public RcField<RcObject> Extra;
}
