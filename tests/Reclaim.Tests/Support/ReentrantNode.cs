namespace Reclaim.Tests.Support;

/// <summary>
/// A node of the re-entrancy stress test: three reference slots, a finalizer and an <see cref="RcObject.OnFree"/>
/// hook that each run whatever code the test attaches. The hooks are where user code re-enters the runtime from
/// inside a death or a collection. Its traversal is generated.
/// </summary>
[RcType]
internal sealed partial class ReentrantNode : RcObject
{
    public const int SlotCount = 3;

    public readonly RcField<RcObject>[] Slots = new RcField<RcObject>[SlotCount];

    /// <summary>How many times the finalizer ran (at most once for a correct runtime).</summary>
    public int FinalizeCount { get; private set; }

    /// <summary>Runs from <see cref="OnFinalize"/>, with the node still intact.</summary>
    public Action<ReentrantNode>? FinalizeHook { get; set; }

    /// <summary>Runs from <see cref="OnFree"/>, after the node's slots were released.</summary>
    public Action<ReentrantNode>? FreeHook { get; set; }

    protected internal override void OnFinalize()
    {
        FinalizeCount++;
        FinalizeHook?.Invoke(this);
    }

    protected internal override void OnFree() => FreeHook?.Invoke(this);
}
