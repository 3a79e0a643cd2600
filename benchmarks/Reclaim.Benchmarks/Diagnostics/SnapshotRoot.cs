namespace Reclaim.Benchmarks.Diagnostics;

/// <summary>The one object the benchmark holds from outside: it refers to the first node of every ring (a module's globals).</summary>
internal sealed class SnapshotRoot(int slots) : RcObject
{
    public RcField<RcObject>[] Slots { get; } = new RcField<RcObject>[slots];

    protected override void TraverseReferences(ref Visitor visitor) => visitor.Visit<RcObject>(Slots);

    protected override void ClearReferences()
    {
        for (int i = 0; i < Slots.Length; i++)
        {
            Slots[i].Clear();
        }
    }
}
