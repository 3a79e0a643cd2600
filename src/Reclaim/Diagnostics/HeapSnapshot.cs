namespace Reclaim;

/// <summary>
/// A consistent copy of a runtime's tracked heap: every object in a generation (and the untracked objects they
/// refer to) with its type, generation, count, state and finalizer status, and every reference between them.
/// Answers "why is this alive?" (<see cref="WhyAlive(int)"/>) and feeds pictures (the Reclaim.HeapGraph package).
/// </summary>
/// <remarks>
/// <para>
/// Taking a snapshot changes no count, header or list and runs no user code except <see cref="RcObject.TraverseReferences"/>
/// (and <see cref="HeapSnapshotOptions.Describe"/>), under the same guard as a collection: a count change there throws.
/// It is refused while a collection runs, from traversal code, and after shutdown.
/// </para>
/// <para>
/// Roots are found the collector's way: an object is a root when its count is not explained by the strong
/// references the snapshot's tracked objects hold (and those <see cref="Gc.Garbage"/> holds), or when it is in the
/// permanent generation, which is never collected. Everything no root reaches is garbage a full collection would find.
/// </para>
/// <para>
/// The snapshot keeps .NET references to the objects it lists (so <see cref="TryGetId"/> can find them) but no
/// counted ones: it never keeps an object alive in the runtime. Ids belong to one snapshot.
/// </para>
/// </remarks>
public sealed class HeapSnapshot
{
    private readonly HeapSnapshotData _data;
    private HeapReachability? _reachability;
    private StronglyConnectedComponents? _components;
    private int[]? _fromGarbageCycles;

    internal HeapSnapshot(HeapSnapshotData data)
    {
        _data = data;
        Objects = new SnapshotObjectList(this);
    }

    /// <summary>Takes a snapshot of <paramref name="runtime"/>'s heap.</summary>
    /// <param name="runtime">The runtime.</param>
    /// <param name="options">How to label objects; <see langword="null"/> for no labels.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="CollectionInProgressException">Called from code a running collection called (a finalizer, a callback).</exception>
    /// <exception cref="TraversalViolationException">Called from traversal code, or <see cref="HeapSnapshotOptions.Describe"/> changed a count.</exception>
    /// <exception cref="RuntimeShutDownException">The runtime was shut down.</exception>
    public static HeapSnapshot Take(Runtime runtime, HeapSnapshotOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        runtime.ThrowIfShutDown("HeapSnapshot.Take");
        runtime.ThrowIfLockNotHeld("HeapSnapshot.Take");
        runtime.ThrowIfTraversing(null, "HeapSnapshot.Take");
        if (runtime.Collector.Collecting)
        {
            // Mid-collection the lists are being rewritten and scratch counts are in use: no consistent heap to copy.
            throw new CollectionInProgressException("HeapSnapshot.Take");
        }

        return new HeapSnapshotBuilder(runtime, options).Build();
    }

    /// <summary>How many objects the snapshot holds; ids run from 0 to <c>Count - 1</c>.</summary>
    public int Count => _data.Count;

    /// <summary>How many strong references (from traversals) the snapshot holds.</summary>
    public int StrongEdgeCount => _data.EdgeCount;

    /// <summary>How many weak references (a weak reference to its referent) the snapshot holds.</summary>
    public int WeakEdgeCount => _data.WeakEdges.Length;

    /// <summary>Every object, by id.</summary>
    public IReadOnlyList<SnapshotObject> Objects { get; }

    /// <summary>One object.</summary>
    /// <param name="id">Its id.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="id"/> is not an id of this snapshot.</exception>
    public SnapshotObject this[int id]
    {
        get
        {
            CheckId(id);
            return Describe(id);
        }
    }

    /// <summary>Every reference, strong ones first (grouped by holder, in traversal order), then weak ones.</summary>
    /// <returns>A new list.</returns>
    public IReadOnlyList<SnapshotEdge> GetEdges()
    {
        List<SnapshotEdge> edges = new(_data.EdgeCount + _data.WeakEdges.Length);
        for (int id = 0; id < _data.Count; id++)
        {
            foreach (int target in _data.TargetsOf(id))
            {
                edges.Add(new SnapshotEdge(id, target, SnapshotEdgeKind.Strong));
            }
        }

        foreach ((int from, int to) in _data.WeakEdges)
        {
            edges.Add(new SnapshotEdge(from, to, SnapshotEdgeKind.Weak));
        }

        return edges;
    }

    /// <summary>The references one object holds: its traversal's, in order (a reference held twice appears twice), then its weak one.</summary>
    /// <param name="id">The holder's id.</param>
    /// <returns>A new list.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="id"/> is not an id of this snapshot.</exception>
    public IReadOnlyList<SnapshotEdge> GetReferences(int id)
    {
        CheckId(id);
        List<SnapshotEdge> edges = [];
        foreach (int target in _data.TargetsOf(id))
        {
            edges.Add(new SnapshotEdge(id, target, SnapshotEdgeKind.Strong));
        }

        if ((((ObjectFlags)_data.Flags[id]) & ObjectFlags.IsWeakRef) != 0)
        {
            foreach ((int from, int to) in _data.WeakEdges)
            {
                if (from == id)
                {
                    edges.Add(new SnapshotEdge(id, to, SnapshotEdgeKind.Weak));
                }
            }
        }

        return edges;
    }

    /// <summary>Finds the id of <paramref name="obj"/> in this snapshot.</summary>
    /// <param name="obj">The object.</param>
    /// <param name="id">Its id, or −1.</param>
    /// <returns>Whether the snapshot holds the object.</returns>
    public bool TryGetId(RcObject obj, out int id)
    {
        ArgumentNullException.ThrowIfNull(obj);
        RcObject[] objects = _data.Objects;
        for (int i = 0; i < _data.Count; i++)
        {
            // Reference identity only: Equals is user code.
            if (ReferenceEquals(objects[i], obj))
            {
                id = i;
                return true;
            }
        }

        id = -1;
        return false;
    }

    /// <summary>Why <paramref name="id"/> is still in the heap: the shortest chain from a root and its cycle.</summary>
    /// <param name="id">The object's id.</param>
    /// <returns>The explanation.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="id"/> is not an id of this snapshot.</exception>
    public WhyAliveResult WhyAlive(int id)
    {
        CheckId(id);
        HeapReachability reachability = Reachability;
        bool reachable = reachability.IsReachable(id);
        int[] chain = HeapReachability.ChainTo(reachable ? reachability.FromRoot : FromGarbageCycles, id);
        return new WhyAliveResult(
            Describe(id),
            reachable,
            new SnapshotObjectList(this, chain.Length == 0 ? [id] : chain),
            new SnapshotObjectList(this, CycleIds(id)));
    }

    /// <summary>Why <paramref name="obj"/> is still in the heap: the shortest chain from a root and its cycle.</summary>
    /// <param name="obj">An object of the snapshot's runtime.</param>
    /// <returns>The explanation.</returns>
    /// <exception cref="ObjectFreedException"><paramref name="obj"/> was freed: it is not alive at all.</exception>
    /// <exception cref="ArgumentException">The snapshot does not hold <paramref name="obj"/> (an untracked object no tracked one refers to, or one created after the snapshot).</exception>
    public WhyAliveResult WhyAlive(RcObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        if (!TryGetId(obj, out int id))
        {
            if (obj._state == RcObjectState.Freed)
            {
                throw ThrowHelper.Freed(obj, "HeapSnapshot.WhyAlive");
            }

            throw new ArgumentException(
                $"The snapshot does not hold this '{obj.GetType().Name}': it is untracked and no tracked object refers to it, belongs to another runtime, or was created after the snapshot.",
                nameof(obj));
        }

        return WhyAlive(id);
    }

    /// <summary>The ids of the cycle <paramref name="id"/> belongs to, ascending; empty when it is in none.</summary>
    /// <param name="id">The object's id.</param>
    /// <returns>The members, <paramref name="id"/> included.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="id"/> is not an id of this snapshot.</exception>
    public IReadOnlyList<int> CycleOf(int id)
    {
        CheckId(id);
        return CycleIds(id);
    }

    private int[] CycleIds(int id)
    {
        int component = Components.ComponentOf[id];
        return Components.IsCycle(component) ? Components.Members(component).ToArray() : [];
    }

    internal HeapSnapshotData Data => _data;

    internal HeapReachability Reachability => _reachability ??= HeapReachability.Compute(_data);

    internal StronglyConnectedComponents Components => _components ??= StronglyConnectedComponents.Compute(_data);

    private int[] FromGarbageCycles => _fromGarbageCycles ??= Reachability.ComputeFromGarbageCycles(_data, Components);

    internal SnapshotObject Describe(int id)
    {
        HeapSnapshotData data = _data;
        ObjectFlags flags = (ObjectFlags)data.Flags[id];
        RcObjectState state = (RcObjectState)data.States[id];
        FinalizerStatus finalizer = (flags & ObjectFlags.FinalizerRan) != 0 ? FinalizerStatus.Ran
            : (flags & ObjectFlags.HasFinalizer) != 0 ? FinalizerStatus.Pending
            : FinalizerStatus.None;
        int garbageEntries = data.GarbageEntries.GetValueOrDefault(id);
        bool reachable = Reachability.IsReachable(id);
        return new SnapshotObject(
            id,
            data.Types[data.TypeOf[id]],
            data.Labels?[id],
            (SnapshotGeneration)data.Generations[id],
            data.RefCounts[id],
            data.External[id],
            garbageEntries,
            state,
            finalizer,
            data.WeakCounts.GetValueOrDefault(id),
            data.IsRoot(id),
            ConditionOf(state, finalizer, reachable && garbageEntries == 0));
    }

    private static SnapshotCondition ConditionOf(RcObjectState state, FinalizerStatus finalizer, bool alive) => state switch
    {
        RcObjectState.Cleared => SnapshotCondition.Cleared,
        _ when alive => finalizer == FinalizerStatus.Ran ? SnapshotCondition.Resurrected : SnapshotCondition.Alive,
        _ => finalizer == FinalizerStatus.Ran ? SnapshotCondition.Finalized : SnapshotCondition.Garbage,
    };

    private void CheckId(int id)
    {
        if ((uint)id >= (uint)_data.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(id), id, $"Not an id of this snapshot: ids run from 0 to {_data.Count - 1}.");
        }
    }
}
