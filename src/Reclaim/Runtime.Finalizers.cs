namespace Reclaim;

/// <summary>The registry of <see cref="ObjectFinalizer"/>s (<c>weakref.finalize</c>).</summary>
public sealed partial class Runtime
{
    private readonly HashSet<ObjectFinalizer> _finalizers = [];
    private long _finalizerSequence;

    /// <summary>How many finalizers are registered and have not run.</summary>
    internal int PendingFinalizerCount => _finalizers.Count;

    /// <summary>
    /// Registers <paramref name="callback"/> to run once when <paramref name="target"/> dies, or at shutdown
    /// (<c>weakref.finalize(target, callback, *args)</c>).
    /// </summary>
    /// <param name="target">The object to watch.</param>
    /// <param name="callback">The cleanup; it receives <paramref name="arguments"/>.</param>
    /// <param name="arguments">Objects the cleanup needs; the finalizer holds a reference to each until it runs or is detached.</param>
    /// <returns>The finalizer handle; the runtime keeps it registered even if the caller drops it.</returns>
    /// <exception cref="TraversalViolationException">Called from a <see cref="RcObject.TraverseReferences"/> implementation.</exception>
    public ObjectFinalizer AddFinalizer(RcObject target, Action<IReadOnlyList<RcObject>> callback, params RcObject[] arguments)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(callback);
        ArgumentNullException.ThrowIfNull(arguments);
        ThrowIfTraversing(target, "Finalize");
        ThrowIfShutDown("Finalize");
        CheckOwnership(target, "Finalize");
        target.ThrowIfNotAlive("Finalize");
        foreach (RcObject argument in arguments)
        {
            ArgumentNullException.ThrowIfNull(argument, nameof(arguments));
            CheckOwnership(argument, "Finalize argument");
            argument.ThrowIfNotAlive("Finalize argument");
            if (argument._refCount <= 0)
            {
                // Alive but dying (its death is queued): AddRef below would refuse it half-way through the list.
                throw ThrowHelper.Freed(argument, "Finalize argument");
            }
        }

        foreach (RcObject argument in arguments)
        {
            argument.AddRef();
        }

        ObjectFinalizer finalizer = new(this, ++_finalizerSequence, callback, [.. arguments]);
        RcObject trigger = AdoptReference(new FinalizerTrigger(finalizer));
        try
        {
            finalizer.Attach(NewWeakRef(target, trigger));
        }
        catch
        {
            // The target was refused (freed, cleared, dying): the finalizer never existed, so neither do its references.
            foreach (RcObject argument in arguments)
            {
                argument.Release();
            }

            throw;
        }
        finally
        {
            trigger.Release();
        }

        _finalizers.Add(finalizer);
        return finalizer;
    }

    /// <summary>Registers a callback without arguments to run once when <paramref name="target"/> dies, or at shutdown.</summary>
    /// <param name="target">The object to watch.</param>
    /// <param name="callback">The cleanup.</param>
    /// <returns>The finalizer handle.</returns>
    public ObjectFinalizer AddFinalizer(RcObject target, Action callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return AddFinalizer(target, _ => callback());
    }

    internal void UnregisterFinalizer(ObjectFinalizer finalizer) => _finalizers.Remove(finalizer);

    /// <summary>
    /// True once shutdown ran the at-exit finalizers: from then on no finalizer callback runs, even if a final
    /// collection frees its target (as CPython's <c>finalize</c> after <c>_exitfunc</c>).
    /// </summary>
    internal bool FinalizersShutDown { get; private set; }

    /// <summary>
    /// Runs every still-registered finalizer marked <see cref="ObjectFinalizer.AtExit"/> that exists when the pass
    /// starts, last registered first. A finalizer registered by one of these callbacks is not run at exit (as
    /// CPython's <c>finalize</c> exit hook works on the registry it found), nor later: after this pass no finalizer
    /// callback runs. A pass that fed itself would never end.
    /// </summary>
    internal void RunAtExitFinalizers()
    {
        // Each finalizer's AtExit is read when its turn comes (an earlier callback may change it).
        ObjectFinalizer[] pass = [.. _finalizers.OrderByDescending(f => f.Sequence)];
        foreach (ObjectFinalizer finalizer in pass)
        {
            if (finalizer.Alive && finalizer.AtExit)
            {
                finalizer.OnTargetDied();
            }
        }

        FinalizersShutDown = true;
    }
}
