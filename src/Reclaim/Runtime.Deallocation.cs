using System.Buffers;

namespace Reclaim;

/// <summary>The release path: what happens when a count reaches zero.</summary>
public sealed partial class Runtime
{
    // Objects whose count reached zero and that wait for their turn to die. A stack walked in a loop
    // instead of recursion keeps freeing iterative (invariant I9): a 10,000,000-long chain takes one frame.
    private const int PooledDeallocStackLength = 1 << 12;

    private RcObject[] _deallocStack = new RcObject[64];
    private int _deallocCount;
    private bool _deallocating;
    private bool _freeingClearedGarbage;
    private int _deferDepth;
    private int _deferBase;

    /// <summary>
    /// True while deaths are being processed (a deallocation drain or a collection). Only then can user code
    /// see an object that already died but whose weak-reference callbacks have not run yet; outside, every
    /// death that happened has completed, callbacks included. Weak dictionaries use it to keep their counts exact.
    /// </summary>
    internal bool IsProcessingDeaths => _deallocating || _deferDepth != 0 || _collector.Collecting;

    /// <summary>Called by <see cref="RcObject.Release"/> when the count reaches zero.</summary>
    internal void Deallocate(RcObject obj)
    {
        if ((obj._flags & ObjectFlags.FinalizingOnRelease) != 0)
        {
            // The finalizer released the one reference it does not own: the runtime's temporary one. Refuse it
            // (the count goes back to that lent 1) instead of queuing a second death.
            obj._refCount = 1;
            throw ThrowHelper.Underflow(obj);
        }

        if (obj._gcTag != GcTag.Untracked)
        {
            bool clearedGarbage = obj._gcTag == GcTag.Unreachable && obj._state == RcObjectState.Cleared;
            _collector.Untrack(obj);
            if (clearedGarbage && !_freeingClearedGarbage && (obj._flags & (ObjectFlags.HasWeakRefs | ObjectFlags.HasFreeHook)) == 0)
            {
                FreeClearedGarbage(obj);
                return;
            }
        }

        if (!_deallocating && _deferDepth == 0)
        {
            // Nothing else is dying: die at once, without a round trip through the stack.
            DrainDeallocations(obj);
            return;
        }

        if (_deallocCount == _deallocStack.Length)
        {
            GrowDeallocStack();
        }

        RcObjectArray.Store(_deallocStack, _deallocCount++, obj);
    }

    /// <summary>From now until <see cref="EndDeferredDeallocation"/>, deaths are queued, not run (the collector's clear phase).</summary>
    internal void BeginDeferredDeallocation()
    {
        if (_deferDepth++ == 0)
        {
            _deferBase = _deallocCount;
        }
    }

    internal void EndDeferredDeallocation()
    {
        if (--_deferDepth != 0)
        {
            return;
        }

        // Deaths queued while deferred run in the order they happened (the order CPython frees them in),
        // not last-first as a plain stack would.
        if (_deallocCount - _deferBase > 1)
        {
            Array.Reverse(_deallocStack, _deferBase, _deallocCount - _deferBase);
        }

        if (!_deallocating)
        {
            DrainDeallocations();
        }
    }

    /// <summary>
    /// Called when a collection starts. A collection can run on the release path (a finalizer or
    /// <see cref="RcObject.OnFree"/> that collects, or allocates past a threshold, while deaths are being drained):
    /// the deaths already queued there happen now, and deaths that user code causes during the collection are
    /// immediate, as they are anywhere else, so the collection's results are final when it returns.
    /// </summary>
    /// <returns>The drain state to hand back to <see cref="EndCollectionDeaths"/>.</returns>
    internal bool BeginCollectionDeaths()
    {
        bool outer = _deallocating;
        _deallocating = false;
        if (_deallocCount > 0)
        {
            DrainDeallocations();
        }

        return outer;
    }

    /// <summary>Restores the drain state saved by <see cref="BeginCollectionDeaths"/>: the interrupted drain loop carries on.</summary>
    internal void EndCollectionDeaths(bool outer) => _deallocating = outer;

    /// <summary>
    /// Runs the deaths that a clear queued from <paramref name="mark"/> on, in the order they
    /// were released (see <see cref="DeallocateOne"/>), then every other queued death.
    /// </summary>
    private void DrainReleasedBy(int mark)
    {
        if (_deallocCount - mark > 1)
        {
            Array.Reverse(_deallocStack, mark, _deallocCount - mark);
        }

        DrainDeallocations();
    }

    /// <summary>
    /// Runs <paramref name="first"/>'s death, if given, then every queued death until none is left. Deaths caused
    /// meanwhile are queued, so however deep the structure, this loop is the only frame.
    /// </summary>
    private void DrainDeallocations(RcObject? first = null)
    {
        _deallocating = true;
        try
        {
            if (first is not null)
            {
                DeallocateOne(first);
            }

            while (_deallocCount > 0)
            {
                RcObject obj = _deallocStack[--_deallocCount];
                _deallocStack[_deallocCount] = null!;
                DeallocateOne(obj);
            }
        }
        finally
        {
            _deallocating = false;
            if (_deallocCount == 0 && _deallocStack.Length > PooledDeallocStackLength)
            {
                // Every slot was nulled as it was popped, so the array goes back clean.
                ArrayPool<RcObject>.Shared.Return(_deallocStack);
                _deallocStack = new RcObject[64];
            }
        }
    }

    /// <summary>
    /// Doubles the deallocation stack. Large stacks (a collection's clear phase queues about half of its garbage) come
    /// from the shared array pool and go back once drained: fresh memory of that size costs a page fault per 4 KiB.
    /// </summary>
    private void GrowDeallocStack()
    {
        int length = _deallocStack.Length * 2;
        if (length <= PooledDeallocStackLength)
        {
            Array.Resize(ref _deallocStack, length);
            return;
        }

        RcObject[] bigger = ArrayPool<RcObject>.Shared.Rent(length);
        Array.Copy(_deallocStack, bigger, _deallocCount);
        if (_deallocStack.Length > PooledDeallocStackLength)
        {
            ArrayPool<RcObject>.Shared.Return(_deallocStack, clearArray: true);
        }

        _deallocStack = bigger;
    }

    /// <summary>
    /// The death of a garbage object the collector already cleared, when nothing observable is left but its second
    /// <see cref="RcObject.ClearReferences"/>: its finalizer cannot run (a cleared object is not alive), and it has no
    /// weak references and no free hook. It dies on the spot instead of through the stack: in a garbage ring about
    /// half of the objects die this way. The second clear still runs — a type whose collector-time clear is partial
    /// (CPython's <c>tp_clear</c>) drops the rest here, as <c>tp_dealloc</c> would — and a death it causes takes the
    /// ordinary path, so this never nests more than one level deep.
    /// </summary>
    private void FreeClearedGarbage(RcObject obj)
    {
        _collector.OnContainerFreed();
        _freeingClearedGarbage = true;
        int mark = _deallocCount;
        try
        {
            RunClear(obj);
        }
        finally
        {
            _freeingClearedGarbage = false;
        }

        if (_deallocCount - mark > 1)
        {
            Array.Reverse(_deallocStack, mark, _deallocCount - mark);
        }

        obj._state = RcObjectState.Freed;
    }

    /// <summary>
    /// One object's death, in the documented order: finalizer (once; it may resurrect) → weak references cleared
    /// and their callbacks run → untrack → references dropped (<see cref="RcObject.ClearReferences"/>) → <see cref="RcObject.OnFree"/>.
    /// </summary>
    private void DeallocateOne(RcObject obj)
    {
        bool container = (obj._flags & ObjectFlags.Container) != 0;
        if ((obj._flags & (ObjectFlags.HasFinalizer | ObjectFlags.FinalizerRan)) == ObjectFlags.HasFinalizer && obj.IsAlive)
        {
            // The finalizer sees a live, tracked object with count 1 for the duration, as in CPython: if it
            // resurrects the object into a new cycle, the collector must be able to find that cycle later.
            obj._refCount = 1;
            if (container)
            {
                _collector.Track(obj);
            }

            obj._flags |= ObjectFlags.FinalizingOnRelease;
            RunFinalizer(obj);
            obj._flags &= ~ObjectFlags.FinalizingOnRelease;
            if (--obj._refCount != 0)
            {
                return;
            }

            if (container)
            {
                _collector.Untrack(obj);
            }
        }

        if ((obj._flags & ObjectFlags.HasWeakRefs) != 0)
        {
            // Callbacks cannot resurrect the object: its weak references are cleared before they run and
            // AddRef refuses an object whose count is zero.
            ClearWeakRefsAndRunCallbacks(obj);
        }

        if (container)
        {
            _collector.OnContainerFreed();
        }

        // Children released by Clear are pushed on the stack; reversing them makes them die in the order
        // they were released, depth first, which is the order CPython's recursive deallocation produces.
        int mark = _deallocCount;
        RunClear(obj);
        if (_deallocCount - mark > 1)
        {
            Array.Reverse(_deallocStack, mark, _deallocCount - mark);
        }

        if ((obj._flags & ObjectFlags.HasFreeHook) != 0)
        {
            // Most types have no free hook; skipping the virtual call and its exception frame matters when a
            // long structure dies.
            RunFreeHook(obj);
        }

        obj._state = RcObjectState.Freed;
    }

    private void RunFreeHook(RcObject obj)
    {
        try
        {
            obj.OnFree();
        }
        catch (Exception exception)
        {
            ReportUnraisable(exception, UnraisablePhase.Free, obj);
        }
    }

    internal void RunFinalizer(RcObject obj)
    {
        obj._flags |= ObjectFlags.FinalizerRan;
        if (obj._state == RcObjectState.Alive)
        {
            obj._state = RcObjectState.Finalized;
        }

        try
        {
            obj.OnFinalize();
        }
        catch (Exception exception)
        {
            ReportUnraisable(exception, UnraisablePhase.Finalizer, obj);
        }
    }

    /// <summary>
    /// Runs the object's <see cref="RcObject.ClearReferences"/> because it dies (freed, or cleared as cyclic garbage):
    /// the fields and lists it empties are closed, so that a later store into the dead object is refused instead of
    /// leaking (<see cref="OwnerNotAliveException"/>). Releases inside are queued, so no other object's hook runs here.
    /// </summary>
    internal void RunClear(RcObject obj)
    {
        bool outer = t_closing;
        t_closing = true;
        try
        {
            obj.ClearReferences();
        }
        catch (Exception exception)
        {
            // Restored before the hook runs, whatever the hook does; no try/finally on the path every death takes.
            t_closing = outer;
            ReportUnraisable(exception, UnraisablePhase.Clear, obj);
            return;
        }

        t_closing = outer;
    }
}
