namespace Reclaim.Tests.Support;

/// <summary>An [RcType] class without reference members: no hooks are generated (only its constructor registration), so it stays an untracked leaf.</summary>
[RcType]
internal sealed partial class GeneratedLeaf : RcObject
{
    public int Value { get; set; }
}
