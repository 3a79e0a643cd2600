namespace Reclaim;

/// <summary>
/// The arrays behind a <see cref="HeapSnapshot"/>, one entry per object id (arrays may be longer than
/// <see cref="Count"/>). Strong edges are stored compressed: the targets of object <c>i</c> are
/// <c>EdgeTargets[EdgeStart[i] .. EdgeStart[i + 1]]</c>.
/// </summary>
internal sealed record HeapSnapshotData(
    int Count,
    RcObject[] Objects,
    Type[] Types,
    int[] TypeOf,
    string?[]? Labels,
    int[] RefCounts,
    int[] External,
    byte[] Generations,
    byte[] States,
    byte[] Flags,
    Dictionary<int, int> GarbageEntries,
    Dictionary<int, int> WeakCounts,
    int[] EdgeStart,
    int[] EdgeTargets,
    int EdgeCount,
    (int From, int To)[] WeakEdges)
{
    public ReadOnlySpan<int> TargetsOf(int id) => EdgeTargets.AsSpan(EdgeStart[id], EdgeStart[id + 1] - EdgeStart[id]);

    public bool IsRoot(int id) => External[id] != 0 || Generations[id] == (byte)SnapshotGeneration.Permanent;
}
