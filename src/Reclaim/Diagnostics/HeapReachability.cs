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
    public static HeapReachability Compute(HeapSnapshotData data)
    {
        int n = data.Count;
        int[] parent = new int[n];
        Array.Fill(parent, NotReached);
        int[] queue = new int[n];
        int tail = 0;
        for (int id = 0; id < n; id++)
        {
            if (data.IsRoot(id))
            {
                parent[id] = id;
                queue[tail++] = id;
            }
        }

        Search(data, parent, queue, tail, _ => true);
        return new HeapReachability(parent);
    }

    /// <summary>
    /// Among the objects no root reaches: the chain from a garbage cycle (or an entry of <see cref="Gc.Garbage"/>),
    /// since every such object is held, through other garbage, by one or the other.
    /// </summary>
    public int[] ComputeFromGarbageCycles(HeapSnapshotData data, StronglyConnectedComponents components)
    {
        int n = data.Count;
        int[] parent = new int[n];
        Array.Fill(parent, NotReached);
        int[] queue = new int[n];
        int tail = 0;
        for (int id = 0; id < n; id++)
        {
            if (!IsReachable(id) && (components.IsCycle(components.ComponentOf[id]) || data.GarbageEntries.ContainsKey(id)))
            {
                parent[id] = id;
                queue[tail++] = id;
            }
        }

        Search(data, parent, queue, tail, id => !IsReachable(id));
        return parent;
    }

    private static void Search(HeapSnapshotData data, int[] parent, int[] queue, int tail, Func<int, bool> admits)
    {
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
