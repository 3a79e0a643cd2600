namespace Reclaim.Tests.Support;

/// <summary>A node of the randomized graph tests and the model-based suite: four reference slots and an id; no finalizer. Its traversal is generated.</summary>
[RcType]
internal partial class ModelNode : RcObject
{
    public const int SlotCount = 4;

    public readonly RcField<RcObject>[] Slots = new RcField<RcObject>[SlotCount];

    public ModelNode(int id)
    {
        Id = id;
    }

    public int Id { get; }

    public int FreeCount { get; private set; }

    /// <summary>Runs from <see cref="OnFree"/>, after the count of frees was taken.</summary>
    public Action<ModelNode>? FreeHook { get; set; }

    protected internal override void OnFree()
    {
        FreeCount++;
        FreeHook?.Invoke(this);
    }
}
