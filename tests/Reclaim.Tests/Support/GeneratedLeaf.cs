namespace Reclaim.Tests.Support;

/// <summary>An [RcType] class without reference members: nothing is generated, so it stays an untracked leaf.</summary>
[RcType]
internal sealed partial class GeneratedLeaf : RcObject
{
    public int Value { get; set; }
}
