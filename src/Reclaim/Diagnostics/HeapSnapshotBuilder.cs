namespace Reclaim;

/// <summary>
/// Copies a runtime's tracked heap into the flat arrays of a <see cref="HeapSnapshot"/>. Reads headers and calls
/// <see cref="RcObject.TraverseReferences"/> under the traversal guard; writes nothing into any object.
/// </summary>
/// <remarks>
/// Ids are dense: the tracked objects in list order (generation 0, 1, 2, then the permanent one), then the
/// untracked objects some traversal reported, in the order they were first met. A tracked target is resolved to
/// its id through its list tag and slot, so no dictionary over the whole heap is needed.
/// </remarks>
internal sealed class HeapSnapshotBuilder
{
    private readonly Runtime _runtime;
    private readonly Collector _collector;
    private readonly Func<RcObject, string?>? _describe;
    private readonly int[][] _slotToId = new int[GcTag.Permanent + 1][];
    private readonly Dictionary<RcObject, int> _untracked = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Type, int> _typeIds = [];
    private readonly List<Type> _types = [];
    private readonly List<RcObject> _sink = [];

    private RcObject[] _objects;
    private int[] _typeOf;
    private int[] _refCounts;
    private byte[] _generations;
    private byte[] _states;
    private byte[] _flags;
    private string?[]? _labels;
    private int _count;

    private int[] _edgeStart;
    private int[] _edgeTargets;
    private int _edgeCount;
    private readonly List<(int From, int To)> _weakEdges = [];

    private Type? _lastType;
    private int _lastTypeId;

    public HeapSnapshotBuilder(Runtime runtime, HeapSnapshotOptions? options)
    {
        _runtime = runtime;
        _collector = runtime.Collector;
        _describe = options?.Describe;

        int tracked = 0;
        for (int tag = 0; tag <= GcTag.Permanent; tag++)
        {
            tracked += _collector.List(tag).Live;
        }

        int capacity = tracked + 16;
        _objects = new RcObject[capacity];
        _typeOf = new int[capacity];
        _refCounts = new int[capacity];
        _generations = new byte[capacity];
        _states = new byte[capacity];
        _flags = new byte[capacity];
        _labels = _describe is null ? null : new string?[capacity];
        _edgeStart = new int[tracked + 1];
        _edgeTargets = new int[Math.Max(16, tracked * 2)];
    }

    public HeapSnapshot Build()
    {
        int tracked = AssignTrackedIds();
        _runtime.EnterTraversal();
        try
        {
            for (int id = 0; id < tracked; id++)
            {
                RecordEdges(id);
            }

            if (_describe is not null)
            {
                for (int id = 0; id < _count; id++)
                {
                    _labels![id] = _describe(_objects[id]);
                }
            }
        }
        finally
        {
            _runtime.ExitTraversal();
        }

        // Untracked objects hold no edges the snapshot knows of: their ranges are empty.
        if (_edgeStart.Length < _count + 1)
        {
            Array.Resize(ref _edgeStart, _count + 1);
        }

        _edgeStart.AsSpan(tracked + 1, _count - tracked).Fill(_edgeCount);

        Dictionary<int, int> garbageEntries = CountGarbageEntries();
        Dictionary<int, int> weakCounts = CountWeakReferences();

        // The arrays keep their spare capacity: trimming would copy them all and double the peak memory.
        return new HeapSnapshot(new HeapSnapshotData(
            _count,
            _objects,
            [.. _types],
            _typeOf,
            _labels,
            _refCounts,
            ComputeExternalReferences(garbageEntries),
            _generations,
            _states,
            _flags,
            garbageEntries,
            weakCounts,
            _edgeStart,
            _edgeTargets,
            _edgeCount,
            [.. _weakEdges]));
    }

    private int AssignTrackedIds()
    {
        for (byte tag = 0; tag <= GcTag.Permanent; tag++)
        {
            GcList list = _collector.List(tag);
            RcObject?[] items = list.Items;
            int[] ids = new int[list.Count];
            for (int slot = 0; slot < list.Count; slot++)
            {
                if (items[slot] is { } obj)
                {
                    ids[slot] = _count;
                    Add(obj, tag);
                }
            }

            _slotToId[tag] = ids;
        }

        return _count;
    }

    private int Add(RcObject obj, byte generation)
    {
        if (_count == _objects.Length)
        {
            Grow();
        }

        int id = _count++;
        _objects[id] = obj;
        _typeOf[id] = TypeId(obj.GetType());
        _refCounts[id] = obj._refCount;
        _generations[id] = generation;
        _states[id] = (byte)obj._state;
        _flags[id] = (byte)obj._flags;
        return id;
    }

    private void Grow()
    {
        int size = _objects.Length * 2;
        Array.Resize(ref _objects, size);
        Array.Resize(ref _typeOf, size);
        Array.Resize(ref _refCounts, size);
        Array.Resize(ref _generations, size);
        Array.Resize(ref _states, size);
        Array.Resize(ref _flags, size);
        if (_labels is not null)
        {
            Array.Resize(ref _labels, size);
        }
    }

    private int TypeId(Type type)
    {
        // Objects of one type tend to be allocated together, so the last type answers most lookups.
        if (ReferenceEquals(type, _lastType))
        {
            return _lastTypeId;
        }

        if (!_typeIds.TryGetValue(type, out int id))
        {
            id = _types.Count;
            _types.Add(type);
            _typeIds.Add(type, id);
        }

        _lastType = type;
        _lastTypeId = id;
        return id;
    }

    private void RecordEdges(int id)
    {
        RcObject obj = _objects[id];
        _sink.Clear();
        _collector.CollectReferents(obj, _sink);
        foreach (RcObject target in _sink)
        {
            if (_edgeCount == _edgeTargets.Length)
            {
                Array.Resize(ref _edgeTargets, _edgeTargets.Length * 2);
            }

            _edgeTargets[_edgeCount++] = Resolve(target);
        }

        _edgeStart[id + 1] = _edgeCount;
        if ((obj._flags & ObjectFlags.IsWeakRef) != 0 && ((WeakRef)obj)._referent is { } referent)
        {
            _weakEdges.Add((id, Resolve(referent)));
        }
    }

    /// <summary>The id of <paramref name="target"/>, adding it as an untracked object the first time it is met.</summary>
    private int Resolve(RcObject target)
    {
        byte tag = target._gcTag;
        if (tag <= GcTag.Permanent)
        {
            int slot = target._gcSlot;
            int[] ids = _slotToId[tag];
            GcList list = _collector.List(tag);

            // Verified against the list: an object of another runtime carries a tag and slot of its own lists.
            if ((uint)slot < (uint)ids.Length && ReferenceEquals(list.Items[slot], target))
            {
                return ids[slot];
            }
        }

        if (!_untracked.TryGetValue(target, out int id))
        {
            id = Add(target, (byte)SnapshotGeneration.Untracked);
            _untracked.Add(target, id);
        }

        return id;
    }

    private Dictionary<int, int> CountGarbageEntries()
    {
        Dictionary<int, int> entries = [];
        foreach (RcObject held in _collector.Garbage)
        {
            int id = ResolveExisting(held);
            if (id >= 0)
            {
                entries[id] = entries.GetValueOrDefault(id) + 1;
            }
        }

        return entries;
    }

    private Dictionary<int, int> CountWeakReferences()
    {
        Dictionary<int, int> counts = [];
        WeakRefTable table = _runtime.WeakRefs;
        for (int id = 0; id < _count; id++)
        {
            if ((((ObjectFlags)_flags[id]) & ObjectFlags.HasWeakRefs) != 0)
            {
                int count = table.CountFor(_objects[id]);
                if (count > 0)
                {
                    counts[id] = count;
                }
            }
        }

        return counts;
    }

    private int ResolveExisting(RcObject obj)
    {
        byte tag = obj._gcTag;
        if (tag <= GcTag.Permanent && (uint)obj._gcSlot < (uint)_slotToId[tag].Length
            && ReferenceEquals(_collector.List(tag).Items[obj._gcSlot], obj))
        {
            return _slotToId[tag][obj._gcSlot];
        }

        return _untracked.TryGetValue(obj, out int id) ? id : -1;
    }

    private int[] ComputeExternalReferences(Dictionary<int, int> garbageEntries)
    {
        int[] external = _refCounts.AsSpan(0, _count).ToArray();
        foreach (int target in _edgeTargets.AsSpan(0, _edgeCount))
        {
            external[target]--;
        }

        foreach ((int id, int entries) in garbageEntries)
        {
            external[id] -= entries;
        }

        return external;
    }
}
