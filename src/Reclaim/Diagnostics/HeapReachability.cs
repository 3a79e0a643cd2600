namespace Reclaim;

/// <summary>
/// Breadth-first searches over a snapshot's strong edges: from the roots (what keeps objects alive), and among
/// the garbage from the cycles that hold it. Each records, per object, the object it was first reached from,
/// which gives the shortest chain back to where the search started.
/// </summary>
internal sealed class HeapReachability
{
    /// <summary>Parent of an object no search reached.</summary>
    public const int NotReached = -1;

    private HeapReachability(int[] fromRoot)
    {
        FromRoot = fromRoot;
    }

    /// <summary>
    /// For each id: the object it was first reached from on the way out of the roots; a root is its own parent;
    /// <see cref="NotReached"/> for garbage.
    /// </summary>
    public int[] FromRoot { get; }

    public bool IsReachable(int id) => FromRoot[id] != NotReached;

    /// <summary>Searches from every root at once, in id order, so the chains found are shortest and deterministic.</summary>
    public static HeapReachability Compute(HeapSnapshotData data) =>
        new(Search(data, data.IsRoot, _ => true));

    /// <summary>
    /// Among the objects no root reaches: the chain from a garbage cycle (or an entry of <see cref="Gc.Garbage"/>),
    /// since every such object is held, through other garbage, by one or the other.
    /// </summary>
    public int[] ComputeFromGarbageCycles(HeapSnapshotData data, StronglyConnectedComponents components) =>
        Search(
            data,
            id => !IsReachable(id) && (components.IsCycle(components.ComponentOf[id]) || data.GarbageEntries.ContainsKey(id)),
            id => !IsReachable(id));

    /// <summary>Breadth-first from every start at once (each its own parent), entering only admitted objects.</summary>
    private static int[] Search(HeapSnapshotData data, Func<int, bool> isStart, Func<int, bool> admits)
    {
        int n = data.Count;
        int[] parent = new int[n];
        Array.Fill(parent, NotReached);
        int[] queue = new int[n];
        int tail = 0;
        for (int id = 0; id < n; id++)
        {
            if (isStart(id))
            {
                parent[id] = id;
                queue[tail++] = id;
            }
        }

        for (int head = 0; head < tail; head++)
        {
            int node = queue[head];
            foreach (int target in data.TargetsOf(node))
            {
                if (parent[target] == NotReached && admits(target))
                {
                    parent[target] = node;
                    queue[tail++] = target;
                }
            }
        }

        return parent;
    }

    /// <summary>The chain from the start of a search to <paramref name="id"/>, start first; empty when no search reached it.</summary>
    public static int[] ChainTo(int[] parent, int id)
    {
        if (parent[id] == NotReached)
        {
            return [];
        }

        int length = 1;
        for (int node = id; parent[node] != node; node = parent[node])
        {
            length++;
        }

        int[] chain = new int[length];
        int position = length;
        for (int node = id; ; node = parent[node])
        {
            chain[--position] = node;
            if (parent[node] == node)
            {
                return chain;
            }
        }
    }
}
