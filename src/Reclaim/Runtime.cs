using System.Runtime.CompilerServices;

namespace Reclaim;

/// <summary>
/// A reference-counted object world: the objects it adopted, their cycle collector (<see cref="Gc"/>), weak
/// references and finalizers. Every object belongs to exactly one runtime. A runtime is used from one
/// thread at a time.
/// </summary>
/// <example>
/// <code>
/// using var runtime = Runtime.Create(new RuntimeOptions { Checked = true });
/// NewRef&lt;Node&gt; a = runtime.New&lt;Node&gt;();
/// a.Value.Next.Set(runtime.New&lt;Node&gt;());   // the field takes the new reference
/// a.Value.Next.Value!.Next.Set(a.Value);       // a cycle: the field counts a borrowed reference
/// a.Release();
/// CollectionResult result = runtime.Gc.Collect();   // result.Collected == 2
/// </code>
/// </example>
public sealed partial class Runtime : IDisposable
{
    // Bits of _guard, read by the slow paths (the fast paths compare the thread's fast-path token instead, which
    // traversal and shutdown take away). Written with Interlocked: other threads read it.
    internal const int GuardTraversing = 1;
    internal const int GuardShutDown = 2;

    /// <summary>Traversal and shutdown, for the slow paths' verdicts.</summary>
    internal int _guard;

    private readonly Collector _collector;
    private int _traversalDepth;

    private Runtime(RuntimeOptions options)
    {
        Options = options;
        IsChecked = options.Checked;
        UnraisableHook = options.UnraisableHook ?? DefaultUnraisableHook;
        _collector = new Collector(this, options.Checked);
        _collector.MemoryPressure.Budget = options.MemoryPressureBudget;
        Gc = new Gc(this, _collector);
        _index = RuntimeIndexTable.Register(this);
        WeakRefs = new WeakRefTable(_index);
        _lock = new RuntimeLock(this);
        if (options.AttachCreatingThread)
        {
            AttachCreatingThread();
        }
    }

    /// <summary>Creates a runtime.</summary>
    /// <param name="options">Settings; <see langword="null"/> for the defaults.</param>
    /// <returns>A new, running runtime.</returns>
    public static Runtime Create(RuntimeOptions? options = null) => new(options ?? new RuntimeOptions());

    /// <summary>The settings the runtime was created with.</summary>
    internal RuntimeOptions Options { get; }

    /// <summary>Whether checked mode is on (see <see cref="RuntimeOptions.Checked"/>).</summary>
    internal bool IsChecked { get; }

    /// <summary>The cycle collector: the equivalent of Python's <c>gc</c> module.</summary>
    public Gc Gc { get; }

    /// <summary>Whether <see cref="Dispose"/> has run.</summary>
    internal bool IsShutDown => (_guard & GuardShutDown) != 0;

    /// <summary>Where the runtime is in its life (running, shutting down, shut down).</summary>
    public RuntimeState State
    {
        get => (RuntimeState)Volatile.Read(ref _state);
        private set => Volatile.Write(ref _state, (int)value);
    }

    private int _state;

    internal WeakRefTable WeakRefs { get; }

    internal Collector Collector => _collector;

    /// <summary>Creates an object with its parameterless constructor and returns the first reference to it.</summary>
    /// <typeparam name="T">The type to create.</typeparam>
    /// <returns>The new reference (count 1): hand it on (<see cref="RcField{T}.Set{TNew}(NewRef{TNew})"/>,
    /// <see cref="NewRef{T}.ToOwned"/>) or release it.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public NewRef<T> New<T>() where T : RcObject, new() => new(AdoptReference(RcFactory<T>.Create()));

    /// <summary>
    /// Takes a newly constructed object into the runtime and returns the first reference to it. Use this for
    /// types whose constructors take arguments.
    /// </summary>
    /// <typeparam name="T">The object's type.</typeparam>
    /// <param name="instance">An object no runtime owns yet.</param>
    /// <returns>The new reference (count 1).</returns>
    /// <exception cref="ObjectAlreadyAdoptedException">A runtime already owns <paramref name="instance"/>.</exception>
    public NewRef<T> Adopt<T>(T instance) where T : RcObject => new(AdoptReference(instance));

    /// <summary>
    /// Fast path for runtime authors: creates an object and returns a raw new reference (count 1) that the caller
    /// must release with <see cref="RcObject.Release"/> or hand to <see cref="RcField{T}.SetOwned"/>. No handle is allocated.
    /// </summary>
    /// <typeparam name="T">The type to create.</typeparam>
    /// <returns>The new object, owned by the caller.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Allocate<T>() where T : RcObject, new() => AdoptReference(RcFactory<T>.Create());

    /// <summary>
    /// Fast path for runtime authors: takes a newly constructed object into the runtime and returns it as a raw
    /// new reference (count 1) owned by the caller.
    /// </summary>
    /// <typeparam name="T">The object's type.</typeparam>
    /// <param name="instance">An object no runtime owns yet.</param>
    /// <returns><paramref name="instance"/>, now adopted.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T AdoptReference<T>(T instance) where T : RcObject
    {
        ArgumentNullException.ThrowIfNull(instance);

        // Inlined into a caller that knows T, the traits are a constant read of a static field (so the container
        // test below folds away); the rest is non-generic, so shared generic code never looks anything up in a generic
        // dictionary on this path. The token is read here, inlined, so that a loop of allocations reads it once, as a
        // loop of AddRef does.
        ObjectFlags flags = TypeTraits.Of(instance);
        bool onFastPath = t_fastPathToken == _index;

        // The common adoption inline, no call: the lock holder on the fast path, a new instance, no collection due.
        if (onFastPath && instance._owner == OwnerWord.None && instance._state == RcObjectState.Unborn
            && ((flags & ObjectFlags.Container) != 0 ? _collector.CountAllocationUnlessDue() : !_collector.CollectionScheduled))
        {
            Born(instance, flags);
            return instance;
        }

        Adopt(instance, flags, onFastPath);
        return instance;
    }

    /// <summary>The adoption itself: checks, a collection that falls due, the header, tracking.</summary>
    /// <param name="instance">The object to adopt.</param>
    /// <param name="flags">Its type's traits.</param>
    /// <param name="onFastPath">The calling thread holds this runtime's fast-path token: nothing more to check.</param>
    private void Adopt(RcObject instance, ObjectFlags flags, bool onFastPath)
    {
        if (instance._owner != OwnerWord.None || instance._state != RcObjectState.Unborn)
        {
            throw new ObjectAlreadyAdoptedException(instance.GetType());
        }

        if (!onFastPath)
        {
            CheckAllocation(instance);
            if (IsChecked)
            {
                TypeTraits.VerifyLeafHoldsNoReferences(instance.GetType(), flags);
            }
        }

        bool container = (flags & ObjectFlags.Container) != 0;

        // A collection that falls due runs before the instance is adopted (in CPython 3.11, before the new object
        // is tracked), so whatever that collection does, the instance is either fully adopted or untouched.
        bool collectionRan = false;
        if (container)
        {
            collectionRan = _collector.OnAllocate();
        }
        else if (_collector.CollectionScheduled)
        {
            // Leaves do not count towards thresholds, but a collection asked for by native memory is due anyway.
            _collector.CollectScheduled();
            collectionRan = true;
        }

        if (collectionRan && instance._state != RcObjectState.Unborn)
        {
            // User code run by that collection adopted the very same instance.
            throw new ObjectAlreadyAdoptedException(instance.GetType());
        }

        Born(instance, flags);
    }

    /// <summary>The adoption's last step: the header says alive, owned by this runtime, count 1; a container is tracked.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Born(RcObject instance, ObjectFlags flags)
    {
        instance._owner = _index;
        instance._refCount = 1;
        instance._state = RcObjectState.Alive;
        instance._flags = flags;
        if ((flags & ObjectFlags.Container) != 0)
        {
            _collector.Track(instance);
        }
    }

    /// <summary>
    /// A safe point: runs a collection scheduled by declared native memory (see <see cref="Gc.AddMemoryPressure"/>)
    /// and any work deferred to safe points. Collections due by object counts run at once, at the allocation
    /// that makes them due, as in CPython 3.11.
    /// </summary>
    public void SafePoint()
    {
        ThrowIfShutDown("SafePoint");
        ThrowIfLockNotHeld("SafePoint");
        ThrowIfTraversing(null, "SafePoint");
        ApplySafePointWorkIfAllowed();
        if (_collector.CollectionScheduled && !_collector.Collecting)
        {
            _collector.CollectScheduled();
        }
    }

    /// <summary>
    /// Work that waits for safe points: releases queued by other threads, then deferred actions. The collector calls
    /// it at the start of every collection, before any pass; nothing calls it from inside one (invariant I3).
    /// </summary>
    internal void ApplySafePointWork()
    {
        ApplyPendingReleases();
        RunDeferredWork();
    }

    /// <summary>The other safe points (attach, reacquire, <see cref="SafePoint"/>): skipped inside a collection or traversal.</summary>
    private void ApplySafePointWorkIfAllowed()
    {
        if (!_collector.Collecting && _traversalDepth == 0 && State != RuntimeState.ShutDown)
        {
            ApplySafePointWork();
        }
    }

    /// <summary>A short description for diagnostics.</summary>
    public override string ToString() => $"Runtime(tracked={_collector.TrackedCount}, checked={IsChecked}, shutDown={IsShutDown})";
}
