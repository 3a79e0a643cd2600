namespace Reclaim.Adversarial.Host;

/// <summary>A plain two-field container, written by hand as a newcomer would.</summary>
public sealed class Node : RcObject
{
    public RcField<RcObject> Next;

    public RcField<RcObject> Other;

    public Action<Node>? OnFreeAction { get; set; }

    public Action<Node>? OnFinalizeAction { get; set; }

    protected override void TraverseReferences(ref Visitor visitor)
    {
        visitor.Visit(Next);
        visitor.Visit(Other);
    }

    protected override void ClearReferences()
    {
        Next.Clear();
        Other.Clear();
    }

    protected override void OnFree() => OnFreeAction?.Invoke(this);

    protected override void OnFinalize() => OnFinalizeAction?.Invoke(this);
}

/// <summary>A broken type: its traversal visits its one field twice.</summary>
public sealed class DoubleVisit : RcObject
{
    public RcField<RcObject> Target;

    protected override void TraverseReferences(ref Visitor visitor)
    {
        visitor.Visit(Target);
        visitor.Visit(Target);
    }

    protected override void ClearReferences() => Target.Clear();
}

/// <summary>A collector-time clear that keeps one reference until the object really dies (CPython's partial tp_clear).</summary>
public sealed class PartialClear : RcObject
{
    public RcField<RcObject> Cycle;

    public RcField<RcObject> Kept;

    protected override void TraverseReferences(ref Visitor visitor)
    {
        visitor.Visit(Cycle);
        visitor.Visit(Kept);
    }

    protected override void ClearReferences()
    {
        Cycle.Clear();
        if (RefCount == 0)
        {
            Kept.Clear();
        }
    }
}

/// <summary>A traversal that calls back into the runtime (forbidden).</summary>
public sealed class ImpureTraverse : RcObject
{
    public RcField<RcObject> Next;

    public Action? DuringTraverse { get; set; }

    protected override void TraverseReferences(ref Visitor visitor)
    {
        DuringTraverse?.Invoke();
        visitor.Visit(Next);
    }

    protected override void ClearReferences() => Next.Clear();
}
