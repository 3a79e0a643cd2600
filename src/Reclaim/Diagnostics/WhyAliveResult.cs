using System.Text;

namespace Reclaim;

/// <summary>
/// Why an object is still in the heap (<see cref="HeapSnapshot.WhyAlive(int)"/>): the shortest chain of strong
/// references from a root to it, or, for garbage, from the cycle that holds it; and the cycle it is part of.
/// </summary>
public sealed class WhyAliveResult
{
    internal WhyAliveResult(SnapshotObject target, bool reachable, IReadOnlyList<SnapshotObject> chain, IReadOnlyList<SnapshotObject> cycle)
    {
        Object = target;
        IsReachableFromRoot = reachable;
        Chain = chain;
        Cycle = cycle;
    }

    /// <summary>The object asked about.</summary>
    public SnapshotObject Object { get; }

    /// <summary>
    /// Whether a root reaches the object. When <see langword="false"/> the object is cyclic garbage: the next full
    /// collection finds it (or one already did, and <see cref="Gc.Garbage"/> keeps it).
    /// </summary>
    public bool IsReachableFromRoot { get; }

    /// <summary>
    /// The shortest chain of strong references ending at the object, each element referring to the next. It starts
    /// at a root when <see cref="IsReachableFromRoot"/>; otherwise at a member of the garbage cycle (or the
    /// <see cref="Gc.Garbage"/> entry) that holds the object. A root's chain is the object alone.
    /// </summary>
    public IReadOnlyList<SnapshotObject> Chain { get; }

    /// <summary>The chain's first object: the root (or garbage cycle member) everything hangs from.</summary>
    public SnapshotObject Start => Chain[0];

    /// <summary>
    /// The strongly connected component the object belongs to, in id order, when it is a cycle (several objects
    /// that reach each other, or one that refers to itself); empty otherwise.
    /// </summary>
    public IReadOnlyList<SnapshotObject> Cycle { get; }

    /// <summary>A few lines in plain words: the chain, what holds its start, and the cycle.</summary>
    public override string ToString()
    {
        StringBuilder text = new();
        SnapshotObject start = Start;
        if (!IsReachableFromRoot)
        {
            text.Append(Object.DisplayName).Append(" is garbage: no root reaches it; ");
            text.Append(start.GarbageListEntries > 0 ? "Gc.Garbage keeps " : "the next full collection frees the cycle of ");
            text.Append(start.DisplayName).AppendLine(".");
        }
        else if (Chain.Count == 1)
        {
            text.Append(Object.DisplayName).Append(" is a root: ").Append(DescribeRoot(start)).AppendLine(".");
        }
        else
        {
            text.Append(Object.DisplayName).Append(" is alive because root ").Append(start.DisplayName)
                .Append(" (").Append(DescribeRoot(start)).AppendLine(") reaches it.");
        }

        text.Append("chain: ").AppendJoin(" -> ", Chain.Select(o => o.DisplayName)).AppendLine();
        if (Cycle.Count > 0)
        {
            text.Append("cycle of ").Append(Cycle.Count).Append(": ").AppendJoin(", ", Cycle.Select(o => o.DisplayName)).AppendLine();
        }
        else
        {
            text.AppendLine("not part of a cycle");
        }

        return text.ToString();
    }

    private static string DescribeRoot(SnapshotObject root) =>
        root.Generation == SnapshotGeneration.Permanent && root.ExternalReferences == 0
            ? "frozen in the permanent generation"
            : $"{root.ExternalReferences} reference(s) from outside the heap";
}
