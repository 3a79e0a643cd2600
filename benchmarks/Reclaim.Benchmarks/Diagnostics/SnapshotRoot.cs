namespace Reclaim.Benchmarks.Diagnostics;

/// <summary>The one object the benchmark holds from outside: it refers to the first node of every ring (a module's globals).</summary>
internal sealed class SnapshotRoot(int slots) : RcObject
{
    public RcField<RcObject>[] Slots { get; } = new RcField<RcObject>[slots];

    protected override void Traverse(ref Visitor visitor) => visitor.Visit<RcObject>(Slots);

    protected override void Clear()
    {
        for (int i = 0; i < Slots.Length; i++)
        {
            Slots[i].Clear();
        }
    }
}
