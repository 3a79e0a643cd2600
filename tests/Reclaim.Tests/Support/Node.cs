namespace Reclaim.Tests.Support;

/// <summary>A container with two reference slots and an optional native-resource counter.</summary>
internal sealed class Node : RcObject
{
    public RcField<RcObject> Next;
    public RcField<RcObject> Other;

    public string Name { get; set; } = "";

    public int FreeCount { get; private set; }

    public Action<Node>? OnFreeAction { get; set; }

    protected internal override void Traverse(ref Visitor visitor)
    {
        visitor.Visit(Next);
        visitor.Visit(Other);
    }

    protected internal override void Clear()
    {
        Next.Clear();
        Other.Clear();
    }

    protected internal override void OnFree()
    {
        FreeCount++;
        OnFreeAction?.Invoke(this);
    }
}
