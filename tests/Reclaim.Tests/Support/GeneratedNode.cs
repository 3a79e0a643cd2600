namespace Reclaim.Tests.Support;

/// <summary>
/// A container whose traversal is generated, with one member of every supported kind: a field, an array of fields
/// and a list (an auto-property, reached through the property).
/// </summary>
[RcType]
internal partial class GeneratedNode : RcObject
{
    public const int SlotCount = 2;

    public RcField<RcObject> Field;

    public RcField<RcObject>[] Slots = new RcField<RcObject>[SlotCount];

    public RcList<RcObject> Items { get; } = new();

    /// <summary>Runs when the node is freed, after its references were dropped.</summary>
    public Action<GeneratedNode>? OnFreeAction { get; set; }

    protected internal override void OnFree() => OnFreeAction?.Invoke(this);
}
