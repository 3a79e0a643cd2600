namespace Reclaim.Tests.Support;

/// <summary>A <see cref="ModelNode"/> with a finalizer whose action the test supplies.</summary>
internal sealed class FinalizingModelNode(int id) : ModelNode(id)
{
    public int FinalizeCount { get; private set; }

    public Action<FinalizingModelNode>? FinalizeHook { get; set; }

    protected internal override void OnFinalize()
    {
        FinalizeCount++;
        FinalizeHook?.Invoke(this);
    }
}
