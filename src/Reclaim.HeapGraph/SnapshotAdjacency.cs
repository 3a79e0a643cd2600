namespace Reclaim.HeapGraph;

/// <summary>
/// The references of a <see cref="HeapSnapshot"/> arranged for drawing, built once from its public
/// <see cref="HeapSnapshot.GetEdges"/>: strong references by holder and by target (compressed, an offset array and a
/// target array each, because a list per object would cost far more than the snapshot itself), weak ones in order.
/// </summary>
internal sealed class SnapshotAdjacency
{
    private readonly int[] _outStart;
    private readonly int[] _outTargets;
    private int[]? _inStart;
    private int[]? _inSources;

    private SnapshotAdjacency(int count, int[] outStart, int[] outTargets, List<SnapshotEdge> weak)
    {
        Count = count;
        _outStart = outStart;
        _outTargets = outTargets;
        WeakEdges = weak;
    }

    /// <summary>How many objects the snapshot holds.</summary>
    public int Count { get; }

    /// <summary>The weak references, in the snapshot's order.</summary>
    public IReadOnlyList<SnapshotEdge> WeakEdges { get; }

    /// <summary>Arranges <paramref name="snapshot"/>'s references.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <returns>The arrangement.</returns>
    public static SnapshotAdjacency Of(HeapSnapshot snapshot)
    {
        // GetEdges lists strong references grouped by holder in id order, each holder's in traversal order, then the
        // weak ones: the strong part is already in compressed order and only needs its offsets.
        IReadOnlyList<SnapshotEdge> edges = snapshot.GetEdges();
        int count = snapshot.Count;
        int[] outStart = new int[count + 1];
        int[] outTargets = new int[snapshot.StrongEdgeCount];
        List<SnapshotEdge> weak = new(snapshot.WeakEdgeCount);
        int strong = 0;
        foreach (SnapshotEdge edge in edges)
        {
            if (edge.Kind == SnapshotEdgeKind.Weak)
            {
                weak.Add(edge);
                continue;
            }

            outStart[edge.From + 1]++;
            outTargets[strong++] = edge.To;
        }

        for (int i = 0; i < count; i++)
        {
            outStart[i + 1] += outStart[i];
        }

        return new SnapshotAdjacency(count, outStart, outTargets, weak);
    }

    /// <summary>The strong references <paramref name="id"/> holds, in traversal order.</summary>
    /// <param name="id">The holder.</param>
    /// <returns>The targets' ids.</returns>
    public ReadOnlySpan<int> TargetsOf(int id) => _outTargets.AsSpan(_outStart[id], _outStart[id + 1] - _outStart[id]);

    /// <summary>The holders of strong references to <paramref name="id"/> (computed on the first call).</summary>
    /// <param name="id">The target.</param>
    /// <returns>The holders' ids, one per reference.</returns>
    public ReadOnlySpan<int> SourcesOf(int id)
    {
        if (_inStart is null)
        {
            ComputeIncoming();
        }

        return _inSources.AsSpan(_inStart![id], _inStart[id + 1] - _inStart[id]);
    }

    private void ComputeIncoming()
    {
        int[] inStart = new int[Count + 1];
        foreach (int target in _outTargets)
        {
            inStart[target + 1]++;
        }

        for (int i = 0; i < Count; i++)
        {
            inStart[i + 1] += inStart[i];
        }

        int[] inSources = new int[_outTargets.Length];
        int[] next = inStart[..Count];
        for (int id = 0; id < Count; id++)
        {
            foreach (int target in TargetsOf(id))
            {
                inSources[next[target]++] = id;
            }
        }

        (_inStart, _inSources) = (inStart, inSources);
    }
}
