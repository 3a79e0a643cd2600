namespace Reclaim.HeapGraph.Tests.Support;

/// <summary>A named container with one counted reference; its traversal is generated.</summary>
[RcType]
internal sealed partial class Node : RcObject
{
    public RcField<RcObject> Next;

    public string Name { get; set; } = "";
}
