namespace Reclaim.Tests.Support;

/// <summary>A container with a finalizer whose behaviour the test chooses; its traversal is generated.</summary>
[RcType]
internal sealed partial class FinalizableNode : RcObject
{
    public RcField<RcObject> Next;

    public int FinalizeCount { get; private set; }

    public int FreeCount { get; private set; }

    public Action<FinalizableNode>? OnFinalizeAction { get; set; }

    protected internal override void OnFinalize()
    {
        FinalizeCount++;
        OnFinalizeAction?.Invoke(this);
    }

    protected internal override void OnFree() => FreeCount++;
}
