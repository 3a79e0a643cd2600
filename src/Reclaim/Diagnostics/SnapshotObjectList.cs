using System.Collections;

namespace Reclaim;

/// <summary>
/// Objects of a <see cref="HeapSnapshot"/> as a list (all of them, or those named by an array of ids), each built
/// when read: a chain or cycle a million objects long costs four bytes per object until someone looks at it.
/// </summary>
internal sealed class SnapshotObjectList(HeapSnapshot snapshot, int[]? ids = null) : IReadOnlyList<SnapshotObject>
{
    public SnapshotObject this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, $"The list has {Count} objects.");
            }

            return snapshot.Describe(ids is null ? index : ids[index]);
        }
    }

    public int Count => ids?.Length ?? snapshot.Count;

    public IEnumerator<SnapshotObject> GetEnumerator()
    {
        for (int i = 0; i < Count; i++)
        {
            yield return snapshot.Describe(ids is null ? i : ids[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
