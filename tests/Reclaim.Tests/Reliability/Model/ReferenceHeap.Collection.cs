namespace Reclaim.Tests.Reliability.Model;

/// <summary>
/// Collections in the model. Garbage is decided by plain reachability: an object of the collected generations is
/// garbage unless something outside them (a program root, the anchor handle, gc.garbage, a registration, or any live
/// object in another generation, frozen ones included) reaches it. Then, in the documented order: weak references to
/// garbage are cleared (those that are garbage themselves never call back), callbacks run, finalizers run,
/// reachability is decided again (resurrection), and what is left is cleared with its deaths deferred, or saved to
/// gc.garbage under SaveAll.
/// </summary>
internal sealed partial class ReferenceHeap
{
    private int _collections;

    public List<int> Unreachable { get; } = [];

    /// <summary>Collects <paramref name="generation"/>; returns the number of objects collected.</summary>
    public int Collect(int generation)
    {
        int ordinal = ++_collections;
        CollectionCallback("start", ordinal, null);
        List<int> young = Generations[generation];
        for (int i = 0; i < generation; i++)
        {
            MoveAll(Generations[i], young, _objects);
        }

        List<int> old = generation + 1 < Generations.Length ? Generations[generation + 1] : young;
        HashSet<int> reached = ReachFromOutside(young);
        int[] collected = [.. young];
        young.Clear();
        foreach (int id in collected)
        {
            (reached.Contains(id) ? old : Unreachable).Add(id);
            this[id].List = reached.Contains(id) ? old : Unreachable;
        }

        bool userCodeRan = HandleWeakReferences();
        userCodeRan |= FinalizeGarbage();
        if (userCodeRan)
        {
            MoveResurrected(old);
        }

        int found = Unreachable.Count;
        int uncollectable = SaveAll ? SaveGarbage(old) : DeleteGarbage(old);
        CollectionCallback("stop", ordinal, $" collected={found - uncollectable} uncollectable={uncollectable}");
        return found - uncollectable;
    }

    public void Freeze()
    {
        foreach (List<int> generation in Generations)
        {
            MoveAll(generation, Permanent, _objects);
        }
    }

    public void Unfreeze() => MoveAll(Permanent, Generations[^1], _objects);

    /// <summary>
    /// The objects that were garbage when shutdown's final collections began: they must all be freed. (Garbage that
    /// user code run by those collections keeps creating is only bounded: shutdown stops after five rounds.)
    /// </summary>
    public HashSet<int> GarbageAtFinalCollection { get; } = [];

    /// <summary>
    /// Shutdown: the registrations still alive when their turn comes run, newest first; then full collections until
    /// one frees nothing (at most five); then, after the runtime's roots are released (the model registers none), one more.
    /// </summary>
    public void Shutdown()
    {
        foreach (Registration registration in _registrations.Where(r => r.Alive).Reverse().ToList())
        {
            // An earlier one may have released the last reference to this one's target, which ran it already.
            if (registration.Alive)
            {
                RunRegistration(registration);
            }
        }

        HashSet<int> held = ReachFrom(ProgramRoots());
        GarbageAtFinalCollection.UnionWith(_objects.Where(o => o.State != RcObjectState.Freed && !held.Contains(o.Id)).Select(o => o.Id));
        const int MaxFinalCollections = 5;
        for (int round = 1; round <= MaxFinalCollections; round++)
        {
            if (Collect(Generations.Length - 1) == 0)
            {
                break;
            }
        }

        Collect(Generations.Length - 1);
    }

    /// <summary>The members of <paramref name="set"/> that something outside it reaches.</summary>
    private HashSet<int> ReachFromOutside(IReadOnlyCollection<int> set)
    {
        HashSet<int> inside = [.. set];
        IEnumerable<int> outside = _objects
            .Where(o => o.State != RcObjectState.Freed && !inside.Contains(o.Id))
            .Select(o => o.Id);
        HashSet<int> reached = ReachFrom(ProgramRoots().Concat(outside));
        reached.IntersectWith(inside);
        return reached;
    }

    private bool HandleWeakReferences()
    {
        List<ModelObject> toCall = [];
        foreach (int id in Unreachable)
        {
            ModelObject obj = this[id];
            if (obj.Kind == ObjectKind.WeakRef)
            {
                // A weak reference that is garbage itself is cleared without calling back (bpo-38006).
                DetachFromTarget(obj);
            }

            int[] references = [.. obj.WeakRefs];
            obj.WeakRefs.Clear();
            for (int i = references.Length - 1; i >= 0; i--)
            {
                ModelObject reference = this[references[i]];
                reference.Target = null;
                if (reference.List != Unreachable && reference.HasCallback && reference.Count > 0)
                {
                    reference.Count++;
                    toCall.Add(reference);
                }
            }
        }

        foreach (ModelObject reference in toCall)
        {
            InvokeCallback(reference);
            Release(reference.Id);
        }

        return toCall.Count > 0;
    }

    private bool FinalizeGarbage()
    {
        bool ran = false;
        foreach (int id in Unreachable.ToList())
        {
            ModelObject obj = this[id];
            if (obj.List != Unreachable || obj.Finalizer == FinalizerKind.None || obj.FinalizerRan)
            {
                continue;
            }

            ran = true;
            obj.Count++;
            RunFinalizer(obj);
            Release(id);
        }

        return ran;
    }

    private void MoveResurrected(List<int> old)
    {
        HashSet<int> resurrected = ReachFromOutside(Unreachable);
        foreach (int id in Unreachable.Where(resurrected.Contains).ToList())
        {
            Unreachable.Remove(id);
            old.Add(id);
            this[id].List = old;
        }
    }

    private int SaveGarbage(List<int> old)
    {
        foreach (int id in Unreachable)
        {
            this[id].Count++;
            Garbage.Add(id);
        }

        MoveAll(Unreachable, old, _objects);
        return 0;
    }

    private int DeleteGarbage(List<int> old)
    {
        if (_deferDepth++ == 0)
        {
            _deferBase = _pendingDeaths.Count;
        }

        foreach (int id in Unreachable.ToList())
        {
            ModelObject obj = this[id];
            if (obj.List != Unreachable || obj.Count == 0 || !obj.IsAlive)
            {
                continue;
            }

            obj.Count++;
            ClearReferences(obj);
            obj.State = RcObjectState.Cleared;
            if (--obj.Count == 0)
            {
                Deallocate(obj);
            }
        }

        if (--_deferDepth == 0)
        {
            // Deferred deaths run in the order they were queued.
            _pendingDeaths.Reverse(_deferBase, _pendingDeaths.Count - _deferBase);
            if (!_draining)
            {
                Drain(null);
            }
        }

        int uncollectable = Unreachable.Count;
        foreach (int id in Unreachable)
        {
            this[id].Count++;
            Garbage.Add(id);
        }

        MoveAll(Unreachable, old, _objects);
        return uncollectable;
    }

    private void CollectionCallback(string phase, int ordinal, string? numbers)
    {
        Events.Add($"gc-{phase} #{ordinal}{numbers}");
        if (_faults.ShouldThrow($"gc-{phase}", ordinal))
        {
            Events.Add($"unraisable {UnraisablePhase.GcCallback} gc-{phase} #{ordinal}");
        }
    }
}
