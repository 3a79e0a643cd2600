namespace Reclaim;

/// <summary>
/// The cycle collector of a runtime, shaped like Python's <c>gc</c> module: collect, enable/disable,
/// thresholds and counts, freeze, <see cref="Garbage"/> with <see cref="GcDebugFlags.SaveAll"/>, callbacks,
/// referrers and referents, per-generation stats, plus native memory pressure.
/// </summary>
public sealed class Gc
{
    private readonly Runtime _runtime;
    private readonly Collector _collector;

    internal Gc(Runtime runtime, Collector collector)
    {
        _runtime = runtime;
        _collector = collector;
    }

    /// <summary>The number of generations a collection can target (0, 1 and 2).</summary>
    public const int GenerationCount = Collector.GenerationCount;

    /// <summary>Whether automatic collection is on (<c>gc.isenabled</c>).</summary>
    public bool IsEnabled => _collector.Enabled;

    /// <summary>Whether a collection is running right now (true inside finalizers and callbacks it runs).</summary>
    public bool IsCollecting => _collector.Collecting;

    /// <summary>Debugging switches (<c>gc.set_debug</c>/<c>gc.get_debug</c>).</summary>
    public GcDebugFlags Debug
    {
        get => _collector.Debug;
        set => _collector.Debug = value;
    }

    /// <summary>
    /// Garbage kept by <see cref="GcDebugFlags.SaveAll"/> (<c>gc.garbage</c>); each entry holds a reference.
    /// Release them with <see cref="ClearGarbage"/>.
    /// </summary>
    public IReadOnlyList<RcObject> Garbage => _collector.Garbage;

    /// <summary>Native bytes currently declared with <see cref="AddMemoryPressure"/>.</summary>
    public long MemoryPressure => _collector.MemoryPressure.Current;

    /// <summary>
    /// Collects <paramref name="generation"/> and every younger one now (<c>gc.collect</c>), running collection
    /// callbacks around it.
    /// </summary>
    /// <param name="generation">0, 1 or 2 (the default, a full collection).</param>
    /// <returns>What the collection found.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="generation"/> is not 0, 1 or 2.</exception>
    /// <exception cref="CollectionInProgressException">Called from code a running collection called.</exception>
    /// <exception cref="TraversalViolationException">Called from a <see cref="RcObject.TraverseReferences"/> implementation.</exception>
    /// <exception cref="TraversalIncompleteException">Checked mode: a traversal misses a reference; nothing was freed.</exception>
    /// <exception cref="TraversalOvercountException">Checked mode: a traversal over-reports; nothing was freed.</exception>
    public CollectionResult Collect(int generation = GenerationCount - 1)
    {
        if ((uint)generation >= GenerationCount)
        {
            throw new ArgumentOutOfRangeException(nameof(generation), generation, "The generation must be 0, 1 or 2.");
        }

        EnsureUsable("Gc.Collect");
        return _collector.Collect(generation, CollectionReason.Explicit);
    }

    /// <summary>Turns automatic collection on (<c>gc.enable</c>).</summary>
    /// <exception cref="LockNotHeldException">The calling thread does not hold the runtime lock.</exception>
    public void Enable()
    {
        _runtime.ThrowIfLockNotHeld("Gc.Enable");
        _collector.Enabled = true;
    }

    /// <summary>Turns automatic collection off (<c>gc.disable</c>); <see cref="Collect"/> still works.</summary>
    /// <exception cref="LockNotHeldException">The calling thread does not hold the runtime lock.</exception>
    public void Disable()
    {
        _runtime.ThrowIfLockNotHeld("Gc.Disable");
        _collector.Enabled = false;
    }

    /// <summary>The collection thresholds (<c>gc.get_threshold</c>); CPython's defaults are (700, 10, 10).</summary>
    /// <returns>Generation 0's allocation threshold and the collection-count thresholds of generations 1 and 2.</returns>
    public (int Threshold0, int Threshold1, int Threshold2) GetThreshold() =>
        (_collector.GetThreshold(0), _collector.GetThreshold(1), _collector.GetThreshold(2));

    /// <summary>Sets the collection thresholds (<c>gc.set_threshold</c>). A threshold 0 of zero turns automatic collection off.</summary>
    /// <param name="threshold0">Container allocations minus deallocations that trigger a generation-0 collection.</param>
    /// <param name="threshold1">Generation-0 collections that make generation 1 due; unchanged when <see langword="null"/>.</param>
    /// <param name="threshold2">Generation-1 collections that make generation 2 due; unchanged when <see langword="null"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A threshold is negative.</exception>
    /// <exception cref="LockNotHeldException">The calling thread does not hold the runtime lock.</exception>
    public void SetThreshold(int threshold0, int? threshold1 = null, int? threshold2 = null)
    {
        _runtime.ThrowIfLockNotHeld("Gc.SetThreshold");
        ArgumentOutOfRangeException.ThrowIfNegative(threshold0);
        if (threshold1 is { } t1)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(t1, nameof(threshold1));
        }

        if (threshold2 is { } t2)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(t2, nameof(threshold2));
        }

        _collector.SetThreshold(0, threshold0);
        if (threshold1 is { } first)
        {
            _collector.SetThreshold(1, first);
        }

        if (threshold2 is { } second)
        {
            _collector.SetThreshold(2, second);
        }
    }

    /// <summary>The current collection counts (<c>gc.get_count</c>).</summary>
    /// <returns>Container allocations minus deallocations since the last collection, and the number of collections of the next younger generation since each older one was collected.</returns>
    public (int Count0, int Count1, int Count2) GetCount() =>
        (_collector.GetCount(0), _collector.GetCount(1), _collector.GetCount(2));

    /// <summary>Moves every tracked object into the permanent generation, which is never collected (<c>gc.freeze</c>).</summary>
    public void Freeze()
    {
        EnsureUsable("Gc.Freeze");
        _collector.Freeze();
    }

    /// <summary>Moves the permanent generation back into the oldest generation (<c>gc.unfreeze</c>).</summary>
    public void Unfreeze()
    {
        EnsureUsable("Gc.Unfreeze");
        _collector.Unfreeze();
    }

    /// <summary>How many objects are in the permanent generation (<c>gc.get_freeze_count</c>).</summary>
    /// <returns>The count.</returns>
    public int GetFreezeCount() => _collector.List(GcTag.Permanent).Live;

    /// <summary>Releases every object kept in <see cref="Garbage"/> and empties it.</summary>
    public void ClearGarbage()
    {
        EnsureUsable("Gc.ClearGarbage");
        List<RcObject> garbage = _collector.Garbage;
        RcObject[] saved = [.. garbage];
        garbage.Clear();
        foreach (RcObject obj in saved)
        {
            obj.Release();
        }
    }

    /// <summary>Registers a collection callback (<c>gc.callbacks.append</c>), called at the start and stop of every collection.</summary>
    /// <param name="callback">The callback; exceptions go to the unraisable hook.</param>
    /// <exception cref="LockNotHeldException">The calling thread does not hold the runtime lock.</exception>
    public void AddCallback(Action<GcCallbackPhase, GcCallbackInfo> callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        _runtime.ThrowIfLockNotHeld("Gc.AddCallback");
        _collector.AddCallback(callback);
    }

    /// <summary>Unregisters a collection callback.</summary>
    /// <param name="callback">The callback passed to <see cref="AddCallback"/>.</param>
    /// <returns>Whether it was registered.</returns>
    /// <exception cref="LockNotHeldException">The calling thread does not hold the runtime lock.</exception>
    public bool RemoveCallback(Action<GcCallbackPhase, GcCallbackInfo> callback)
    {
        _runtime.ThrowIfLockNotHeld("Gc.RemoveCallback");
        return _collector.RemoveCallback(callback);
    }

    /// <summary>Whether the collector tracks <paramref name="obj"/> (<c>gc.is_tracked</c>); leaves never are.</summary>
    /// <param name="obj">The object.</param>
    /// <returns><see langword="true"/> when it is in a generation.</returns>
    public bool IsTracked(RcObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return obj._gcTag != GcTag.Untracked && ReferenceEquals(obj.OwnerRuntime, _runtime);
    }

    /// <summary>Whether <paramref name="obj"/>'s finalizer has run (<c>gc.is_finalized</c>).</summary>
    /// <param name="obj">The object.</param>
    /// <returns><see langword="true"/> once <see cref="RcObject.OnFinalize"/> was called.</returns>
    public bool IsFinalized(RcObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return (obj._flags & ObjectFlags.FinalizerRan) != 0;
    }

    /// <summary>The tracked objects of one generation, or of all three (<c>gc.get_objects</c>); the permanent generation is not included.</summary>
    /// <param name="generation">0, 1 or 2; <see langword="null"/> for every generation.</param>
    /// <returns>A snapshot list of borrowed references.</returns>
    /// <exception cref="LockNotHeldException">The calling thread does not hold the runtime lock.</exception>
    public IReadOnlyList<RcObject> GetObjects(int? generation = null)
    {
        if (generation is { } g && (uint)g >= GenerationCount)
        {
            throw new ArgumentOutOfRangeException(nameof(generation), g, "The generation must be 0, 1 or 2, or null for all.");
        }

        // The generation lists change under every allocation and collection: only the holder may walk them.
        _runtime.ThrowIfLockNotHeld("Gc.GetObjects");

        List<RcObject> result = [];
        for (int i = 0; i < GenerationCount; i++)
        {
            if (generation is null || generation == i)
            {
                AppendLive(_collector.List(i), result);
            }
        }

        return result;
    }

    /// <summary>The tracked objects whose traversal reports any of <paramref name="objects"/> (<c>gc.get_referrers</c>).</summary>
    /// <param name="objects">The objects to find referrers of.</param>
    /// <returns>A snapshot list of borrowed references, each referrer once.</returns>
    public IReadOnlyList<RcObject> GetReferrers(params RcObject[] objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        EnsureUsable("Gc.GetReferrers");
        HashSet<RcObject> targets = new(objects, ReferenceEqualityComparer.Instance);
        List<RcObject> result = [];
        List<RcObject> referents = [];
        foreach (RcObject candidate in GetObjects())
        {
            referents.Clear();
            _collector.CollectReferents(candidate, referents);
            foreach (RcObject referent in referents)
            {
                if (targets.Contains(referent))
                {
                    result.Add(candidate);
                    break;
                }
            }
        }

        return result;
    }

    /// <summary>Everything the traversals of <paramref name="objects"/> report (<c>gc.get_referents</c>).</summary>
    /// <param name="objects">The objects to traverse.</param>
    /// <returns>A snapshot list of borrowed references, in traversal order.</returns>
    public IReadOnlyList<RcObject> GetReferents(params RcObject[] objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        EnsureUsable("Gc.GetReferents");
        List<RcObject> result = [];
        foreach (RcObject obj in objects)
        {
            ArgumentNullException.ThrowIfNull(obj, nameof(objects));
            _runtime.CheckOwnership(obj, "Gc.GetReferents");
            if (obj.IsAlive)
            {
                _collector.CollectReferents(obj, result);
            }
        }

        return result;
    }

    /// <summary>Totals per generation since the runtime started (<c>gc.get_stats</c>).</summary>
    /// <returns>One entry per generation, youngest first.</returns>
    public IReadOnlyList<GenerationStats> GetStats() =>
        [_collector.GetStats(0), _collector.GetStats(1), _collector.GetStats(2)];

    /// <summary>
    /// Declares native memory owned by runtime objects (the analogue of <c>GC.AddMemoryPressure</c>). Small objects
    /// that own large native buffers do not move the allocation counts; declared bytes pace full collections
    /// on their own, so cyclic garbage holding native memory is found before the process runs out.
    /// </summary>
    /// <param name="bytes">Bytes newly owned; positive.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bytes"/> is not positive.</exception>
    public void AddMemoryPressure(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bytes);
        EnsureUsable("Gc.AddMemoryPressure");
        if (_collector.MemoryPressure.Add(bytes))
        {
            _collector.Schedule();
        }
    }

    /// <summary>Declares that native memory declared with <see cref="AddMemoryPressure"/> was freed (typically from <see cref="RcObject.OnFree"/>).</summary>
    /// <param name="bytes">Bytes released; positive and at most <see cref="MemoryPressure"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bytes"/> is not positive or exceeds what is declared.</exception>
    public void RemoveMemoryPressure(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bytes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bytes, _collector.MemoryPressure.Current);
        EnsureUsable("Gc.RemoveMemoryPressure");
        _collector.MemoryPressure.Remove(bytes);
    }

    /// <summary>How many collections native memory pressure triggered.</summary>
    public long MemoryPressureCollections => _collector.MemoryPressure.Collections;

    private static void AppendLive(GcList list, List<RcObject> result)
    {
        RcObject?[] items = list.Items;
        for (int i = 0; i < list.Count; i++)
        {
            if (items[i] is { } obj)
            {
                result.Add(obj);
            }
        }
    }

    private void EnsureUsable(string operation)
    {
        _runtime.ThrowIfShutDown(operation);
        _runtime.ThrowIfLockNotHeld(operation);
        _runtime.ThrowIfTraversing(null, operation);
    }
}
