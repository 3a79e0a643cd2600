namespace Reclaim;

/// <summary>
/// What a collection does with the garbage it found, in the order invariant I1 fixes: weak references,
/// finalizers, resurrection check, and only then clearing.
/// </summary>
internal sealed partial class Collector
{
    /// <summary>The garbage flags that give a garbage phase work to do (see <see cref="SeparateUnreachable"/>).</summary>
    private const ObjectFlags GarbageFlagsOfInterest = ObjectFlags.HasWeakRefs | ObjectFlags.IsWeakRef | ObjectFlags.HasFinalizer;

    private readonly PendingWeakRefCallbacks _callbacksToRun = new();

    /// <summary>Whether any finalizer or weak-reference callback ran during the current collection.</summary>
    private bool _userCodeRan;

    /// <summary>
    /// Clears every weak reference to a garbage object, and every weak reference that is itself garbage.
    /// Callbacks run only for weak references that survive: a garbage weak reference (and with it its
    /// callback, which may already be half torn down by the time the referent dies) never fires (bpo-38006).
    /// </summary>
    private void HandleWeakReferences(GcList unreachable)
    {
        WeakRefTable table = _runtime.WeakRefs;
        RcObject?[] items = unreachable.Items;
        for (int i = 0; i < unreachable.Count; i++)
        {
            RcObject? obj = items[i];
            if (obj is null)
            {
                continue;
            }

            if ((obj._flags & ObjectFlags.IsWeakRef) != 0)
            {
                WeakRef garbageReference = (WeakRef)obj;
                table.Detach(garbageReference);
                (garbageReference.Callback as IWeakRefClearObserver)?.OnClearedWithoutCallback();
            }

            if ((obj._flags & ObjectFlags.HasWeakRefs) != 0 && table.TakeList(obj) is { } list)
            {
                for (int j = list.Count - 1; j >= 0; j--)
                {
                    WeakRef reference = list[j];
                    reference._referent = null;
                    if (reference._gcTag != GcTag.Unreachable && reference.HasCallback && reference._refCount > 0)
                    {
                        reference.AddRef();
                        _callbacksToRun.Add(reference);
                    }
                }
            }
        }

        if (_callbacksToRun.Count == 0)
        {
            return;
        }

        // Walked in place, not copied: collections never nest, so nothing else adds to the list while callbacks run.
        _userCodeRan = true;
        try
        {
            for (int i = 0; i < _callbacksToRun.Count; i++)
            {
                WeakRef reference = _callbacksToRun[i];
                _runtime.InvokeWeakRefCallback(reference);
                reference.Release();
            }
        }
        finally
        {
            _callbacksToRun.Clear();
        }
    }

    /// <summary>Runs the finalizer of every garbage object that has one and has not run it yet (PEP 442).</summary>
    private void FinalizeGarbage(GcList unreachable)
    {
        // Objects may die while finalizers run (their slots become holes) and new objects go to
        // generation 0, never to this list, so walking by index is safe and terminates.
        for (int i = 0; i < unreachable.Count; i++)
        {
            RcObject? obj = unreachable.Items[i];
            if (obj is null || (obj._flags & (ObjectFlags.HasFinalizer | ObjectFlags.FinalizerRan)) != ObjectFlags.HasFinalizer)
            {
                continue;
            }

            _userCodeRan = true;
            obj.AddRef();
            _runtime.RunFinalizer(obj);
            obj.Release();
        }
    }

    /// <summary>
    /// Finalizers may have made garbage reachable again. Recomputes reachability inside the garbage set and
    /// moves every resurrected object, with everything it reaches, to <paramref name="old"/>.
    /// </summary>
    private void MoveResurrected(GcList unreachable, GcList old)
    {
        if (!_userCodeRan)
        {
            // No finalizer or callback ran since reachability was computed, so nothing can have been
            // resurrected: the recomputation would find exactly the same set. Skipping it saves two
            // traversals of all the garbage in the common case of plain cycles.
            return;
        }

        try
        {
            DeduceUnreachable(unreachable);
        }
        catch
        {
            // A broken traversal: nothing may be cleared on the strength of it. Keep everything.
            old.TakeAll(unreachable);
            throw;
        }

        RcObject?[] items = unreachable.Items;
        int kept = 0;
        for (int i = 0; i < unreachable.Count; i++)
        {
            RcObject? obj = items[i];
            if (obj is null)
            {
                continue;
            }

            bool reachable = obj._gcSlot == Reachable;
            if (reachable)
            {
                old.Add(obj);
            }
            else
            {
                obj._gcSlot = kept;
                RcObjectArray.Store(items, kept++, obj);
            }
        }

        unreachable.Truncate(kept);
    }

    /// <summary>
    /// Breaks the garbage cycles by clearing every garbage object. Deaths caused by clearing are queued and
    /// run only after every object was cleared, so no finalizer or callback runs between two clears.
    /// </summary>
    /// <returns>How many garbage objects are still alive after clearing (uncollectable).</returns>
    private int DeleteGarbage(GcList unreachable, GcList old)
    {
        RcObject?[] items = unreachable.Items;
        _runtime.BeginDeferredDeallocation();
        try
        {
            for (int i = 0; i < unreachable.Count; i++)
            {
                RcObject? obj = items[i];
                if (obj is null || obj._refCount == 0 || !obj.IsAlive)
                {
                    continue;
                }

                // Held for the duration: a Clear that drops the object's own last reference (a self-loop)
                // must not queue it for death before its state says Cleared.
                obj._refCount++;
                _runtime.RunClear(obj);
                obj._state = RcObjectState.Cleared;
                if ((obj._owner & OwnerWord.Weak) == 0)
                {
                    // The marker keeps the cleared object off the fast path (with weak references, their marker does).
                    obj._owner |= OwnerWord.Cleared;
                }

                if (--obj._refCount == 0)
                {
                    _runtime.Deallocate(obj);
                }
            }
        }
        finally
        {
            _runtime.EndDeferredDeallocation();
        }

        // Survivors of clearing are held by references no traversal reports. As CPython does with objects it
        // cannot free, keep them in Garbage (which holds a reference): they are reported once, stay inspectable,
        // and later collections do not find them again.
        int uncollectable = 0;
        for (int i = 0; i < unreachable.Count; i++)
        {
            if (items[i] is { } survivor)
            {
                survivor.AddRefUnchecked();
                _garbage.Add(survivor);
                uncollectable++;
            }
        }

        old.TakeAll(unreachable);
        return uncollectable;
    }

    /// <summary><see cref="GcDebugFlags.SaveAll"/>: keeps every garbage object, uncleared, in <see cref="Garbage"/>.</summary>
    private int SaveGarbage(GcList unreachable, GcList old)
    {
        RcObject?[] items = unreachable.Items;
        for (int i = 0; i < unreachable.Count; i++)
        {
            RcObject? obj = items[i];
            if (obj is not null)
            {
                // Unchecked: an uncollectable object handed back by ClearGarbage is Cleared, and AddRef refuses those.
                obj.AddRefUnchecked();
                _garbage.Add(obj);
            }
        }

        old.TakeAll(unreachable);
        return 0;
    }
}
