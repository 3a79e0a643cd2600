namespace Reclaim.Tests.Support;

/// <summary>A container with two reference slots and an optional native-resource counter; its traversal is generated.</summary>
[RcType]
internal sealed partial class Node : RcObject
{
    public RcField<RcObject> Next;
    public RcField<RcObject> Other;

    public string Name { get; set; } = "";

    public int FreeCount { get; private set; }

    public Action<Node>? OnFreeAction { get; set; }

    protected internal override void OnFree()
    {
        FreeCount++;
        OnFreeAction?.Invoke(this);
    }
}
