namespace Reclaim;

/// <summary>
/// Tarjan's strongly connected components over a snapshot's strong edges, with an explicit stack: a heap of a
/// million objects in one chain must not overflow the thread's stack.
/// </summary>
internal sealed class StronglyConnectedComponents
{
    private const int Unvisited = -1;

    private StronglyConnectedComponents(int[] componentOf, int[] memberStart, int[] members, bool[] isCycle)
    {
        ComponentOf = componentOf;
        _memberStart = memberStart;
        _members = members;
        _isCycle = isCycle;
    }

    private readonly int[] _memberStart;
    private readonly int[] _members;
    private readonly bool[] _isCycle;

    /// <summary>The component of each object id.</summary>
    public int[] ComponentOf { get; }

    /// <summary>How many components there are (every object is in exactly one).</summary>
    public int ComponentCount => _isCycle.Length;

    /// <summary>Whether a component is a cycle: more than one object, or one object that refers to itself.</summary>
    public bool IsCycle(int component) => _isCycle[component];

    /// <summary>The ids in a component, ascending.</summary>
    public ReadOnlySpan<int> Members(int component) =>
        _members.AsSpan(_memberStart[component], _memberStart[component + 1] - _memberStart[component]);

    public static StronglyConnectedComponents Compute(HeapSnapshotData data)
    {
        int n = data.Count;
        int[] index = new int[n];
        int[] low = new int[n];
        int[] componentOf = new int[n];
        bool[] onStack = new bool[n];
        int[] stack = new int[n];
        int stackTop = 0;

        // The explicit call stack: the node being explored and the position of its next edge to look at.
        int[] callNode = new int[n];
        int[] callEdge = new int[n];
        int[] edgeStart = data.EdgeStart;
        int[] edgeTargets = data.EdgeTargets;

        Array.Fill(index, Unvisited);
        List<bool> isCycle = [];
        int nextIndex = 0;

        for (int start = 0; start < n; start++)
        {
            if (index[start] != Unvisited)
            {
                continue;
            }

            int depth = 0;
            callNode[0] = start;
            callEdge[0] = edgeStart[start];
            index[start] = low[start] = nextIndex++;
            stack[stackTop++] = start;
            onStack[start] = true;

            while (depth >= 0)
            {
                int node = callNode[depth];
                int edge = callEdge[depth];
                if (edge < edgeStart[node + 1])
                {
                    callEdge[depth] = edge + 1;
                    int target = edgeTargets[edge];
                    if (index[target] == Unvisited)
                    {
                        index[target] = low[target] = nextIndex++;
                        stack[stackTop++] = target;
                        onStack[target] = true;
                        depth++;
                        callNode[depth] = target;
                        callEdge[depth] = edgeStart[target];
                    }
                    else if (onStack[target] && index[target] < low[node])
                    {
                        low[node] = index[target];
                    }

                    continue;
                }

                if (low[node] == index[node])
                {
                    int component = isCycle.Count;
                    int size = 0;
                    int member;
                    do
                    {
                        member = stack[--stackTop];
                        onStack[member] = false;
                        componentOf[member] = component;
                        size++;
                    }
                    while (member != node);

                    isCycle.Add(size > 1 || RefersToItself(data, node));
                }

                depth--;
                if (depth >= 0)
                {
                    int parent = callNode[depth];
                    if (low[node] < low[parent])
                    {
                        low[parent] = low[node];
                    }
                }
            }
        }

        (int[] memberStart, int[] members) = GroupMembers(componentOf, isCycle.Count);
        return new StronglyConnectedComponents(componentOf, memberStart, members, [.. isCycle]);
    }

    private static bool RefersToItself(HeapSnapshotData data, int id)
    {
        foreach (int target in data.TargetsOf(id))
        {
            if (target == id)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A counting sort of the ids by component, so each component's members are one ascending run.</summary>
    private static (int[] Start, int[] Members) GroupMembers(int[] componentOf, int componentCount)
    {
        int[] start = new int[componentCount + 1];
        foreach (int component in componentOf)
        {
            start[component + 1]++;
        }

        for (int c = 0; c < componentCount; c++)
        {
            start[c + 1] += start[c];
        }

        int[] next = start[..componentCount];
        int[] members = new int[componentOf.Length];
        for (int id = 0; id < componentOf.Length; id++)
        {
            members[next[componentOf[id]]++] = id;
        }

        return (start, members);
    }
}
