namespace Reclaim.Tests.Reliability.Model;

/// <summary>
/// The release path of the model: counts, the stack of pending deaths, and one object's death in the documented
/// order (finalizer, weak-reference callbacks newest first, references dropped, freed; children die in the order
/// they were released, each one's subtree before the next).
/// </summary>
internal sealed partial class ReferenceHeap
{
    private readonly List<int> _pendingDeaths = [];
    private bool _draining;
    private int _deferDepth;
    private int _deferBase;

    private void AddRef(int id)
    {
        ModelObject obj = this[id];
        if (obj.Count <= 0 || !obj.IsAlive)
        {
            // The generated programs only take references to objects they can reach; this would be a bug in the model.
            throw new InvalidOperationException($"model: AddRef of {obj.Name} ({obj.State}, count {obj.Count})");
        }

        obj.Count++;
    }

    private void Release(int id)
    {
        ModelObject obj = this[id];
        if (obj.Count <= 0)
        {
            throw new InvalidOperationException($"model: Release of {obj.Name} at count {obj.Count}");
        }

        if (--obj.Count == 0)
        {
            Deallocate(obj);
        }
    }

    /// <summary>A counted store: the new value is counted before the store, the old one released after it.</summary>
    private void Store(int?[] slots, int index, int? value)
    {
        int? old = slots[index];
        if (value is { } added)
        {
            AddRef(added);
        }

        slots[index] = value;
        if (old is { } dropped)
        {
            Release(dropped);
        }
    }

    private void Deallocate(ModelObject obj)
    {
        if (obj.List is not null)
        {
            Untrack(obj);
        }

        if (!_draining && _deferDepth == 0)
        {
            Drain(obj);
            return;
        }

        _pendingDeaths.Add(obj.Id);
    }

    private void Drain(ModelObject? first)
    {
        _draining = true;
        if (first is not null)
        {
            Die(first);
        }

        while (_pendingDeaths.Count > 0)
        {
            int id = _pendingDeaths[^1];
            _pendingDeaths.RemoveAt(_pendingDeaths.Count - 1);
            Die(this[id]);
        }

        _draining = false;
    }

    private void Die(ModelObject obj)
    {
        if (obj.Finalizer != FinalizerKind.None && !obj.FinalizerRan && obj.IsAlive)
        {
            // The finalizer runs with a lent count of 1, tracked in generation 0; a count left above that resurrects.
            obj.Count = 1;
            Track(obj);
            RunFinalizer(obj);
            if (--obj.Count != 0)
            {
                return;
            }

            Untrack(obj);
        }

        if (obj.WeakRefs.Count > 0)
        {
            ClearWeakRefsAndCallBack(obj);
        }

        int mark = _pendingDeaths.Count;
        ClearReferences(obj);
        _pendingDeaths.Reverse(mark, _pendingDeaths.Count - mark);
        if (obj.Kind == ObjectKind.Node)
        {
            Events.Add($"free {obj.Name}");
        }

        obj.State = RcObjectState.Freed;
    }

    /// <summary>Release path: every weak reference is cleared first, then the live ones with a callback call back, newest first.</summary>
    private void ClearWeakRefsAndCallBack(ModelObject obj)
    {
        int[] references = [.. obj.WeakRefs];
        obj.WeakRefs.Clear();
        List<ModelObject> pending = [];
        for (int i = references.Length - 1; i >= 0; i--)
        {
            ModelObject reference = this[references[i]];
            reference.Target = null;
            if (reference.HasCallback && reference.Count > 0 && reference.IsAlive)
            {
                reference.Count++;
                pending.Add(reference);
            }
        }

        foreach (ModelObject reference in pending)
        {
            InvokeCallback(reference);
            Release(reference.Id);
        }
    }

    /// <summary>The object's <c>Clear</c>: each slot is emptied, then its old value released.</summary>
    private void ClearReferences(ModelObject obj)
    {
        if (obj.Kind == ObjectKind.WeakRef)
        {
            DetachFromTarget(obj);
            obj.HasCallback = false;
            if (obj.CallbackObject is { } closure)
            {
                obj.CallbackObject = null;
                Release(closure);
            }

            return;
        }

        for (int i = 0; i < obj.Slots.Length; i++)
        {
            if (obj.Slots[i] is { } held)
            {
                obj.Slots[i] = null;
                Release(held);
            }
        }
    }

    private void DetachFromTarget(ModelObject reference)
    {
        if (reference.Target is { } target)
        {
            this[target].WeakRefs.Remove(reference.Id);
            reference.Target = null;
        }
    }

    private void RunFinalizer(ModelObject obj)
    {
        obj.FinalizerRan = true;
        if (obj.State == RcObjectState.Alive)
        {
            obj.State = RcObjectState.Finalized;
        }

        Events.Add($"finalize {obj.Name}");
        ModelObject anchor = this[AnchorId];
        bool anchorUsable = anchor.IsAlive && anchor.Count > 0;
        switch (obj.Finalizer)
        {
            case FinalizerKind.ResurrectByRoot:
                AddRoot(obj.Id);
                break;
            case FinalizerKind.ResurrectByAnchor when anchorUsable:
                Store(anchor.Slots, obj.Id, obj.Id);
                break;
            case FinalizerKind.KeepChild when anchorUsable:
                Store(anchor.Slots, obj.Id, obj.Slots[0]);
                break;
            case FinalizerKind.LinkToAnchor when anchorUsable:
                Store(obj.Slots, FinalizerSlot, AnchorId);
                break;
        }

        if (obj.Finalizer == FinalizerKind.Raise || _faults.ShouldThrow("finalizer", obj.Id))
        {
            Events.Add($"unraisable {UnraisablePhase.Finalizer} finalizer {obj.Name}");
        }
    }

    /// <summary>One weak-reference callback: taken from the reference (it runs once), called, then released.</summary>
    private void InvokeCallback(ModelObject reference)
    {
        reference.HasCallback = false;
        int? closure = reference.CallbackObject;
        reference.CallbackObject = null;
        if (closure is { } callbackObject && !this[callbackObject].IsAlive)
        {
            Events.Add($"unraisable {UnraisablePhase.WeakRefCallback} callback object not alive");
        }
        else if (reference.Callback == CallbackKind.Finalize)
        {
            RunRegistration(reference.Registration!);
        }
        else
        {
            Events.Add($"callback {reference.Name}");
            if (_faults.ShouldThrow("callback", reference.Id))
            {
                Events.Add($"unraisable {UnraisablePhase.WeakRefCallback} callback {reference.Name}");
            }
        }

        if (closure is { } held)
        {
            Release(held);
        }
    }

    /// <summary>
    /// A registration's callback (<c>ObjectFinalizer.Invoke</c>): unregistered and its weak reference released first,
    /// then the callback, then the argument released; an exception is reported after all that.
    /// </summary>
    private void RunRegistration(Registration registration)
    {
        registration.Alive = false;
        Release(registration.WeakRef);
        Events.Add($"finalize-callback f{registration.Id}");
        bool threw = _faults.ShouldThrow("finalize", registration.Id);
        if (registration.Argument is { } argument)
        {
            Release(argument);
        }

        if (threw)
        {
            Events.Add($"unraisable {UnraisablePhase.FinalizeCallback} finalize f{registration.Id}");
        }
    }
}
