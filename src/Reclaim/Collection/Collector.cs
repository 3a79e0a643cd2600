using System.Runtime.CompilerServices;
using System.Diagnostics;

namespace Reclaim;

/// <summary>
/// The generational cycle collector of one runtime: the lists, thresholds and counters, and the order of a
/// collection. The passes themselves are in <c>Collector.Reachability.cs</c> and <c>Collector.Garbage.cs</c>.
/// </summary>
internal sealed partial class Collector
{
    /// <summary>Marker stored in <see cref="RcObject._gcSlot"/> (gc_refs during a collection) once an object is known reachable.</summary>
    internal const int Reachable = int.MinValue;

    internal const int GenerationCount = 3;

    private readonly Runtime _runtime;
    private readonly GcList[] _lists;

    // Generation 0's list, also in _lists: every allocation and most deaths touch it, and a field read is one load
    // less than an array element read with its bounds check.
    private readonly GcList _generation0;
    private readonly int[] _thresholds = [700, 10, 10];
    // Inline, not an array: the allocation and death paths touch generation 0's count with no bounds check or extra load.
    private GenerationCounts _counts;
    private readonly long[] _statCollections = new long[GenerationCount];
    private readonly long[] _statCollected = new long[GenerationCount];
    private readonly long[] _statUncollectable = new long[GenerationCount];
    private readonly List<RcObject> _garbage = [];
    private readonly List<Action<GcCallbackPhase, GcCallbackInfo>> _callbacks = [];
    private readonly bool _checked;

    private RcObject[] _markStack = new RcObject[256];
    private int _markCount;

    // How many objects the last reachability pass marked: every marked object is pushed exactly once.
    private int _markedTotal;
    private List<RcObject>? _referentSink;

    // CPython's rule for full collections: only when the objects that survived a generation-1 collection
    // since the last full collection exceed a quarter of those the last full collection left behind.
    private long _longLivedTotal;
    private long _longLivedPending;

    public Collector(Runtime runtime, bool checkedMode)
    {
        _runtime = runtime;
        _checked = checkedMode;
        _lists = new GcList[GcTag.ListCount];
        for (byte tag = 0; tag < GcTag.ListCount; tag++)
        {
            _lists[tag] = new GcList(tag, keepCapacity: tag == GcTag.Unreachable);
        }

        _generation0 = _lists[GcTag.Generation0];
        MemoryPressure = new MemoryPressureTracker();
        RuntimeRegistry.Register(runtime);
    }

    public bool Enabled
    {
        get => _enabled;
        set
        {
            _enabled = value;
            UpdateGeneration0Trigger();
        }
    }

    private bool _enabled = true;

    /// <summary>
    /// The generation-0 count above which <see cref="OnAllocate"/> must look closer: the threshold while automatic
    /// collection is on, <see cref="int.MinValue"/> while a collection is scheduled, never otherwise. One compare on
    /// the allocation path stands for the threshold, the switch and the schedule.
    /// </summary>
    private int _generation0Trigger = 700;

    /// <summary>True from the start callbacks of a collection to its stop callbacks.</summary>
    public bool Collecting { get; private set; }

    /// <summary>A collection was asked for (by declared native memory) and waits for the next safe point.</summary>
    public bool CollectionScheduled
    {
        get => _collectionScheduled;
        private set
        {
            _collectionScheduled = value;
            UpdateGeneration0Trigger();
        }
    }

    private bool _collectionScheduled;

    public GcDebugFlags Debug { get; set; }

    public List<RcObject> Garbage => _garbage;

    public MemoryPressureTracker MemoryPressure { get; }

    public long TotalCollections { get; private set; }

    public TimeSpan TotalPause { get; private set; }

    internal GcList List(int tag) => _lists[tag];

    public int GetThreshold(int generation) => _thresholds[generation];

    public void SetThreshold(int generation, int value)
    {
        _thresholds[generation] = value;
        UpdateGeneration0Trigger();
    }

    private void UpdateGeneration0Trigger() =>
        _generation0Trigger = _collectionScheduled ? int.MinValue : _enabled && _thresholds[0] != 0 ? _thresholds[0] : int.MaxValue;

    public int GetCount(int generation) => _counts[generation];

    public GenerationStats GetStats(int generation) =>
        new(generation, _statCollections[generation], _statCollected[generation], _statUncollectable[generation]);

    public void AddCallback(Action<GcCallbackPhase, GcCallbackInfo> callback) => _callbacks.Add(callback);

    public bool RemoveCallback(Action<GcCallbackPhase, GcCallbackInfo> callback) => _callbacks.Remove(callback);

    public int TrackedCount
    {
        get
        {
            int total = 0;
            for (int i = 0; i <= GcTag.Permanent; i++)
            {
                total += _lists[i].Live;
            }

            return total;
        }
    }

    /// <summary>
    /// Counts an allocation of a container and, as CPython 3.11 does in its allocator, collects at once when
    /// generation 0's count passes its threshold. The new object is not tracked yet, so it cannot be collected.
    /// </summary>
    /// <returns>Whether it looked closer (a collection may have run, and user code with it).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool OnAllocate()
    {
        if (++_counts[0] > _generation0Trigger)
        {
            OnAllocationDue();
            return true;
        }

        return false;
    }

    /// <summary>
    /// <see cref="OnAllocate"/>'s common case for the inlined adoption: counts the allocation if that makes no
    /// collection due, and otherwise changes nothing, so that the adoption's general path counts it and collects.
    /// </summary>
    /// <returns>Whether the allocation was counted.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool CountAllocationUnlessDue()
    {
        int count = _counts[0] + 1;
        if (count > _generation0Trigger)
        {
            return false;
        }

        _counts[0] = count;
        return true;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void OnAllocationDue()
    {
        if (Enabled && !Collecting)
        {
            CollectScheduled();
        }
    }

    /// <summary>Starts tracking a newly adopted container in generation 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Track(RcObject obj) => _generation0.Add(obj);

    /// <summary>
    /// Takes a dying object out of its list: from the moment its count reaches zero until it is freed, no
    /// collection may see it (it would find a count of zero where every tracked object has at least one).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Untrack(RcObject obj) => (obj._gcTag == GcTag.Generation0 ? _generation0 : _lists[obj._gcTag]).Remove(obj);

    /// <summary><see cref="Untrack"/> for an object known to be in generation 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void UntrackYoung(RcObject obj) => _generation0.Remove(obj);

    /// <summary>A container was freed: generation 0's count goes down, as CPython's does on deallocation.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void OnContainerFreed()
    {
        if (_counts[0] > 0)
        {
            _counts[0]--;
        }
    }

    /// <summary>Asks for a collection at the next safe point (declared native memory crossed its budget).</summary>
    public void Schedule() => CollectionScheduled = true;

    /// <summary>Runs whatever collection is due: the oldest generation whose count passed its threshold.</summary>
    public void CollectScheduled()
    {
        if (Collecting || !Enabled)
        {
            // Not now: a collection asked for by native memory stays scheduled for a later safe point.
            return;
        }

        bool pressure = CollectionScheduled;
        CollectionScheduled = false;
        if (pressure && MemoryPressure.ShouldCollectFully())
        {
            CollectAutomatically(GenerationCount - 1, CollectionReason.MemoryPressure);
            return;
        }

        if (_thresholds[0] == 0)
        {
            // CPython: a generation-0 threshold of zero turns automatic collection off.
            return;
        }

        for (int generation = GenerationCount - 1; generation >= 0; generation--)
        {
            if (_counts[generation] > _thresholds[generation])
            {
                if (generation == GenerationCount - 1 && _longLivedPending < _longLivedTotal / 4)
                {
                    continue;
                }

                CollectAutomatically(generation, CollectionReason.Threshold);
                return;
            }
        }
    }

    /// <summary>
    /// An automatic collection happens inside an unrelated allocation, so a refused collection (a broken
    /// traversal) is reported to the unraisable hook instead of failing that allocation. Nothing was freed.
    /// </summary>
    private void CollectAutomatically(int generation, CollectionReason reason)
    {
        try
        {
            Collect(generation, reason);
        }
        catch (Exception exception)
        {
            _runtime.ReportUnraisable(exception, UnraisablePhase.Collection, null);
        }
    }

    /// <summary>One collection of <paramref name="generation"/> with its callbacks.</summary>
    public CollectionResult Collect(int generation, CollectionReason reason)
    {
        if (Collecting)
        {
            throw new CollectionInProgressException("Collect");
        }

        Collecting = true;
        RuntimeMetrics.CollectionStarted(generation, reason);
        bool outerDrain = false;
        try
        {
            outerDrain = _runtime.BeginCollectionDeaths();
            InvokeCallbacks(GcCallbackPhase.Start, new GcCallbackInfo(generation, 0, 0));
            CollectionResult result;
            try
            {
                result = CollectGeneration(generation);
            }
            catch
            {
                // A refused collection freed nothing; callbacks still see a stop for every start.
                InvokeCallbacks(GcCallbackPhase.Stop, new GcCallbackInfo(generation, 0, 0));
                RuntimeMetrics.CollectionRefused(generation);
                throw;
            }

            InvokeCallbacks(GcCallbackPhase.Stop, new GcCallbackInfo(generation, result.Collected, result.Uncollectable));
            RuntimeMetrics.CollectionFinished(result);
            if (reason == CollectionReason.MemoryPressure)
            {
                MemoryPressure.OnPressureCollection();
            }

            return result;
        }
        finally
        {
            _runtime.EndCollectionDeaths(outerDrain);
            Collecting = false;
        }
    }

    /// <summary>Moves every tracked object into the permanent generation (<c>gc.freeze</c>).</summary>
    public void Freeze()
    {
        GcList permanent = _lists[GcTag.Permanent];
        for (int generation = 0; generation < GenerationCount; generation++)
        {
            permanent.TakeAll(_lists[generation]);
            _counts[generation] = 0;
        }
    }

    /// <summary>Moves the permanent generation back into the oldest generation (<c>gc.unfreeze</c>).</summary>
    public void Unfreeze() => _lists[GenerationCount - 1].TakeAll(_lists[GcTag.Permanent]);

    private CollectionResult CollectGeneration(int generation)
    {
        long started = Stopwatch.GetTimestamp();
        _runtime.ApplySafePointWork();
        if (_checked)
        {
            AssertInvariants("before", generation);
        }

        if (generation + 1 < GenerationCount)
        {
            _counts[generation + 1]++;
        }

        for (int i = 0; i <= generation; i++)
        {
            _counts[i] = 0;
        }

        GcList young = _lists[generation];
        for (int i = 0; i < generation; i++)
        {
            young.TakeAll(_lists[i]);
        }

        GcList old = generation + 1 < GenerationCount ? _lists[generation + 1] : young;
        GcList unreachable = _lists[GcTag.Unreachable];

        DeduceUnreachable(young);
        int survivors = SeparateUnreachable(young, old, unreachable, young.Live - _markedTotal, out ObjectFlags garbageFlags);
        if (generation == GenerationCount - 2)
        {
            _longLivedPending += survivors;
        }
        else if (generation == GenerationCount - 1)
        {
            _longLivedPending = 0;
            _longLivedTotal = survivors;
        }

        _userCodeRan = false;

        // From here on user code runs (weak-reference callbacks, finalizers); it may allocate, link and
        // release freely. Nothing has been cleared yet, so whatever it reaches is intact (invariant I1).
        // Each phase is a pass over all the garbage; the flags gathered by the separation tell which have work.
        if ((garbageFlags & (ObjectFlags.HasWeakRefs | ObjectFlags.IsWeakRef)) != 0)
        {
            HandleWeakReferences(unreachable);
        }

        if ((garbageFlags & ObjectFlags.HasFinalizer) != 0)
        {
            FinalizeGarbage(unreachable);
        }

        MoveResurrected(unreachable, old);

        int found = unreachable.Live;
        int uncollectable = (Debug & GcDebugFlags.SaveAll) != 0
            ? SaveGarbage(unreachable, old)
            : DeleteGarbage(unreachable, old);
        int collected = found - uncollectable;

        if (generation == GenerationCount - 1)
        {
            MemoryPressure.OnFullCollection();
            CollectionScheduled = false;
        }

        TimeSpan elapsed = Stopwatch.GetElapsedTime(started);
        if (_checked)
        {
            AssertInvariants("after", generation);
        }

        _statCollections[generation]++;
        _statCollected[generation] += collected;
        _statUncollectable[generation] += uncollectable;
        TotalCollections++;
        TotalPause += elapsed;
        return new CollectionResult(generation, collected, uncollectable, elapsed);
    }

    private void InvokeCallbacks(GcCallbackPhase phase, GcCallbackInfo info)
    {
        if (_callbacks.Count == 0)
        {
            return;
        }

        // A copy, so that a callback may unregister itself or others while the list is walked.
        Action<GcCallbackPhase, GcCallbackInfo>[] callbacks = [.. _callbacks];
        foreach (Action<GcCallbackPhase, GcCallbackInfo> callback in callbacks)
        {
            try
            {
                callback(phase, info);
            }
            catch (Exception exception)
            {
                _runtime.ReportUnraisable(exception, UnraisablePhase.GcCallback, null);
            }
        }
    }
}
