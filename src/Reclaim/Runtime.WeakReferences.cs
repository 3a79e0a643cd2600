namespace Reclaim;

/// <summary>Creating weak references and running their callbacks.</summary>
public sealed partial class Runtime
{
    /// <summary>
    /// Creates a weak reference to <paramref name="target"/> (<c>weakref.ref(target, callback)</c>). Without a
    /// callback, an existing callback-less weak reference to the same object is shared, as in CPython.
    /// </summary>
    /// <param name="target">The referent.</param>
    /// <param name="callback">
    /// A runtime object implementing <see cref="IWeakRefCallback"/>, called once after the referent dies; the weak
    /// reference holds a counted reference to it. <see langword="null"/> for none.
    /// </param>
    /// <returns>A new reference to the weak reference.</returns>
    /// <exception cref="ArgumentException"><paramref name="callback"/> does not implement <see cref="IWeakRefCallback"/>.</exception>
    /// <exception cref="TraversalViolationException">Called from a <see cref="RcObject.TraverseReferences"/> implementation.</exception>
    public NewRef<WeakRef> WeakRef(RcObject target, RcObject? callback = null) => new(NewWeakRef(target, callback));

    /// <summary>Creates a weak reference whose callback is a .NET delegate.</summary>
    /// <param name="target">The referent.</param>
    /// <param name="callback">Called once after the referent dies, with the (dead) weak reference.</param>
    /// <returns>A new reference to the weak reference.</returns>
    public NewRef<WeakRef> WeakRef(RcObject target, Action<WeakRef> callback)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(callback);

        // Checked before the callback wrapper is allocated, so that the refusal names this operation.
        ThrowIfTraversing(target, "WeakRef");
        RcObject wrapper = AdoptReference(new DelegateWeakRefCallback(callback));
        try
        {
            return new(NewWeakRef(target, wrapper));
        }
        finally
        {
            wrapper.Release();
        }
    }

    /// <summary>How many weak references point at <paramref name="target"/> (<c>weakref.getweakrefcount</c>).</summary>
    /// <param name="target">The referent.</param>
    /// <returns>The number of live weak references to it.</returns>
    /// <exception cref="LockNotHeldException">The calling thread does not hold the runtime lock.</exception>
    public int GetWeakRefCount(RcObject target)
    {
        ArgumentNullException.ThrowIfNull(target);
        CheckOwnership(target, "GetWeakRefCount");
        ThrowIfLockNotHeld("GetWeakRefCount");
        return WeakRefs.CountFor(target);
    }

    /// <summary>The weak references that point at <paramref name="target"/> (<c>weakref.getweakrefs</c>): callback-less ones first, then the others newest first, as CPython lists them.</summary>
    /// <param name="target">The referent.</param>
    /// <returns>A snapshot list (borrowed references).</returns>
    /// <exception cref="LockNotHeldException">The calling thread does not hold the runtime lock.</exception>
    public IReadOnlyList<WeakRef> GetWeakRefs(RcObject target)
    {
        ArgumentNullException.ThrowIfNull(target);
        CheckOwnership(target, "GetWeakRefs");
        ThrowIfLockNotHeld("GetWeakRefs");
        return WeakRefs.ListFor(target);
    }

    internal WeakRef NewWeakRef(RcObject target, RcObject? callback)
    {
        ArgumentNullException.ThrowIfNull(target);
        ThrowIfTraversing(target, "WeakRef");
        ThrowIfShutDown("WeakRef");
        CheckOwnership(target, "WeakRef");
        target.ThrowIfNotAlive("WeakRef");
        if (target._refCount <= 0)
        {
            throw ThrowHelper.Freed(target, "WeakRef");
        }

        if (callback is not null)
        {
            if (callback is not IWeakRefCallback)
            {
                throw new ArgumentException($"The callback object of type '{callback.GetType().Name}' does not implement {nameof(IWeakRefCallback)}.", nameof(callback));
            }

            CheckOwnership(callback, "WeakRef callback");
        }
        else if (WeakRefs.FindBasic(target) is { } shared)
        {
            shared.AddRef();
            return shared;
        }

        // Adopting the weak reference may run a collection; the target is held meanwhile so that it cannot die
        // between the checks above and its registration below.
        target.AddRef();
        try
        {
            WeakRef reference = AdoptReference(new WeakRef(target, callback));
            WeakRefs.Add(target, reference);
            return reference;
        }
        finally
        {
            target.Release();
        }
    }

    /// <summary>Clears every weak reference to a dying object, then runs their callbacks, newest first.</summary>
    private void ClearWeakRefsAndRunCallbacks(RcObject obj)
    {
        WeakRefList? list = WeakRefs.TakeList(obj);
        if (list is null)
        {
            return;
        }

        WeakRef[]? pending = null;
        int pendingCount = 0;
        for (int i = list.Count - 1; i >= 0; i--)
        {
            WeakRef reference = list[i];
            reference._referent = null;
            if (reference.HasCallback && reference._refCount > 0 && reference.IsAlive)
            {
                reference.AddRef();
                pending ??= new WeakRef[i + 1];
                pending[pendingCount++] = reference;
            }
        }

        for (int i = 0; i < pendingCount; i++)
        {
            InvokeWeakRefCallback(pending![i]);
            pending[i].Release();
        }
    }

    /// <summary>
    /// Calls a weak reference's callback once. A callback object that is no longer alive (cleared by the
    /// collector) is never called: that would expose torn-down state (invariant I1); the attempt is reported.
    /// </summary>
    internal void InvokeWeakRefCallback(WeakRef reference)
    {
        RcObject? callback = reference.TakeCallback();
        if (callback is null)
        {
            return;
        }

        try
        {
            if (!callback.IsAlive)
            {
                throw ThrowHelper.NotAlive(callback, "WeakRef callback");
            }

            ((IWeakRefCallback)callback).OnReferentDied(reference);
        }
        catch (Exception exception)
        {
            ReportUnraisable(exception, UnraisablePhase.WeakRefCallback, reference);
        }
        finally
        {
            callback.Release();
        }
    }
}
