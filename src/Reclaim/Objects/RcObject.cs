using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Reclaim;

/// <summary>
/// Base class of every object whose lifetime a <see cref="Runtime"/> manages: a reference count,
/// membership in the cycle collector's generations, a life state and the hooks the runtime calls.
/// </summary>
/// <remarks>
/// <para>
/// A type that holds references to other runtime objects keeps them in <see cref="RcField{T}"/> fields
/// (or another counted container) and overrides <see cref="TraverseReferences"/> to report every one of them and
/// <see cref="ClearReferences"/> to drop them. Such a type is a <em>container</em> and is tracked by the collector.
/// A type that does not override <see cref="TraverseReferences"/> is a leaf: it can never be part of a cycle and is
/// never tracked.
/// </para>
/// <para>
/// The runtime calls the hooks in a fixed order when the object dies: <see cref="OnFinalize"/> (at most once,
/// may resurrect), then weak-reference callbacks, then <see cref="ClearReferences"/>, then <see cref="OnFree"/>
/// (exactly once). All of them run on the thread that holds the runtime.
/// </para>
/// </remarks>
// The runtime reads every derived type's hook overrides and (in checked mode) its fields by reflection: this keeps
// them, and their metadata, in a trimmed or Native AOT build.
[DynamicallyAccessedMembers(
    DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.NonPublicMethods
    | DynamicallyAccessedMemberTypes.PublicFields | DynamicallyAccessedMemberTypes.NonPublicFields)]
public abstract class RcObject
{
    // Header layout: 16 bytes (owner word, count, slot, and three bytes of tags), kept small because every
    // collection touches every header in the collected generations and every allocation zeroes one.

    /// <summary>
    /// The owner word (<see cref="OwnerWord"/>): the owning runtime's index, with a marker bit while the object has
    /// weak references (then it names their list's slot) or once the collector cleared it. A 4-byte index rather
    /// than a reference: half the size, and no write barrier when an object is adopted.
    /// </summary>
    internal int _owner;
    internal int _refCount;

    /// <summary>
    /// The object's index in its collector list (<see cref="GcList.Items"/>). While a collection deduces reachability
    /// it doubles as CPython's gc_refs: it counts up from the slot by one per reference found inside the collected list,
    /// or holds <see cref="Collector.Reachable"/>; the separation pass writes the (new) slot back. One word for both
    /// keeps the header at 16 bytes.
    /// </summary>
    internal int _gcSlot;
    internal byte _gcTag = GcTag.Untracked;
    internal RcObjectState _state;
    internal ObjectFlags _flags;

    /// <summary>
    /// The saturated count: an object whose count reaches it is immortal (as in CPython 3.12). Further increments and
    /// releases leave it there, so the count can never wrap round to a value that reads as dying or freed.
    /// </summary>
    public const int ImmortalRefCount = int.MaxValue;

    /// <summary>Counts from 1 to <see cref="ImmortalRefCount"/> - 1 take the fast paths: <c>(uint)(count - 1) &lt; FastCountLimit</c>.</summary>
    private const uint FastCountLimit = ImmortalRefCount - 1;

    /// <summary>Creates an object that is not yet owned by a runtime; pass it to <see cref="Runtime.Adopt{T}(T)"/>.</summary>
    protected RcObject()
    {
    }

    /// <summary>The runtime that owns this object.</summary>
    /// <exception cref="ObjectNotAdoptedException">The object was constructed but never adopted by a runtime.</exception>
    /// <exception cref="RuntimeShutDownException">The runtime was shut down and no longer exists.</exception>
    public Runtime Runtime => RequireRuntime("Runtime");

    /// <summary>
    /// The owning runtime, found through the owner word; <see langword="null"/> before adoption, and for a runtime that
    /// was shut down and collected by .NET (see <see cref="RuntimeIndexTable"/>).
    /// </summary>
    internal Runtime? OwnerRuntime => RuntimeIndexTable.Find(OwnerWord.RuntimeIndex(this));

    /// <summary>The owning runtime's index in <see cref="RuntimeIndexTable"/>; 0 before adoption.</summary>
    internal int OwnerIndex => OwnerWord.RuntimeIndex(this);

    /// <summary>The owning runtime, or the exception a slow path throws when there is none.</summary>
    /// <param name="operation">What the caller was about to do, for the exception message.</param>
    internal Runtime RequireRuntime(string operation)
    {
        if (OwnerRuntime is { } runtime)
        {
            return runtime;
        }

        throw _owner == OwnerWord.None ? ThrowHelper.NotAdopted(this, operation) : ThrowHelper.RuntimeShutDown(operation);
    }

    /// <summary>The current reference count. Diagnostic: do not base ownership decisions on it.</summary>
    public int RefCount => _refCount;

    /// <summary>Where the object is in its life.</summary>
    public RcObjectState State => _state;

    /// <summary>Whether the object is usable: adopted and neither cleared by the collector nor freed.</summary>
    public bool IsAlive => _state is RcObjectState.Alive or RcObjectState.Finalized;

    /// <summary>
    /// Takes one more reference to this object (<c>Py_INCREF</c>). The caller owns the new reference and
    /// must give it back with <see cref="Release"/>.
    /// </summary>
    /// <exception cref="ObjectFreedException">The object was already freed.</exception>
    /// <exception cref="ObjectClearedException">The collector cleared the object as cyclic garbage.</exception>
    /// <exception cref="TraversalViolationException">Called from a <see cref="TraverseReferences"/> implementation.</exception>
    /// <exception cref="LockNotHeldException">The calling thread does not hold the runtime lock (increments are never deferred).</exception>
    /// <remarks>A count that reaches <see cref="ImmortalRefCount"/> saturates: the object becomes immortal and is never freed.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddRef()
    {
        int count = _refCount;

        // One compare decides the thread question: the owner word equals the calling thread's fast-path token only on
        // the lock holder of an unchecked, running runtime outside traversal. An object with weak references, or one
        // the collector cleared, has a marker bit in the word, so both always take the slow path, which refuses a
        // cleared object. The unsigned range test sends zero (unborn, dying, freed) and the saturated count down the
        // slow path too (an unadopted object's word, 0, equals the token of a thread without one): no load of the
        // state byte here.
        if (_owner != Runtime.t_fastPathToken || (uint)(count - 1) >= FastCountLimit)
        {
            AddRefSlow();
            return;
        }

        _refCount = count + 1;
    }

    /// <summary>
    /// Gives back one reference (<c>Py_DECREF</c>). When the count reaches zero the object dies at once:
    /// finalizer, weak-reference callbacks, <see cref="ClearReferences"/>, <see cref="OnFree"/>. Dying is iterative,
    /// so releasing the head of an arbitrarily long chain never overflows the stack. On a thread that does not
    /// hold the runtime lock the release is queued instead and applied by the lock holder at its next safe point.
    /// The thread is verified on every call, in every mode. A count that reached <see cref="ImmortalRefCount"/>
    /// stays there: the object is immortal and never dies.
    /// </summary>
    /// <exception cref="DoubleReleaseException">The object was already freed.</exception>
    /// <exception cref="RefCountUnderflowException">The count is already zero (the object is being freed).</exception>
    /// <exception cref="TraversalViolationException">Called from a <see cref="TraverseReferences"/> implementation.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Release()
    {
        int count = _refCount;
        if (_owner != Runtime.t_fastPathToken || (uint)(count - 1) >= FastCountLimit)
        {
            ReleaseSlow();
            return;
        }

        _refCount = --count;
        if (count == 0)
        {
            // Out of line, so that the inlined Release stays a compare, a decrement and a test.
            Runtime.DieOnFastPath(this);
        }
    }

    /// <summary>Throws if the object cannot be used: not adopted, cleared by the collector, or freed.</summary>
    /// <param name="operation">What the caller was about to do, for the exception message.</param>
    public void ThrowIfNotAlive(string operation = "use")
    {
        if (!IsAlive)
        {
            throw ThrowHelper.NotAlive(this, operation);
        }
    }

    /// <summary>
    /// Reports every reference this object holds by calling <see cref="Visitor.Visit(RcObject?)"/> once per
    /// reference. Must do nothing else: no count changes, no allocation, no calls into the runtime (checked
    /// mode and the collector refuse them). A type that does not override this method is a leaf and is
    /// never tracked.
    /// </summary>
    /// <param name="visitor">The collector's visitor; its only operation is <c>Visit</c>.</param>
    protected internal virtual void TraverseReferences(ref Visitor visitor)
    {
    }

    /// <summary>
    /// Drops every reference this object holds, nulling each slot before releasing its value
    /// (<c>Py_CLEAR</c> order), so that code run by the release never sees a half-dropped slot.
    /// Called when the object dies and, for cyclic garbage, by the collector to break cycles.
    /// </summary>
    protected internal virtual void ClearReferences()
    {
    }

    /// <summary>
    /// The object's finalizer (<c>__del__</c>, PEP 442 semantics): runs at most once, before anything it can
    /// reach has been cleared. It may resurrect the object by storing a new reference to it; a resurrected
    /// object is not finalized again. Exceptions go to the runtime's unraisable hook.
    /// </summary>
    protected internal virtual void OnFinalize()
    {
    }

    /// <summary>
    /// Turns on the finalizer of an object whose type is marked <see cref="FinalizerOnRequestAttribute"/>: from now on
    /// its death runs <see cref="OnFinalize"/> (once, as for any finalizer). Does nothing for an object whose
    /// finalizer already ran, and is not needed for other types, whose finalizer is always on.
    /// </summary>
    protected void RequestFinalizer()
    {
        if ((_flags & ObjectFlags.FinalizerRan) == 0)
        {
            _flags |= ObjectFlags.HasFinalizer;
        }
    }

    /// <summary>
    /// Runs exactly once, after the object's references were dropped, as the very last step of its life:
    /// the place to free native resources. Must not resurrect the object. Exceptions go to the unraisable hook.
    /// </summary>
    protected internal virtual void OnFree()
    {
    }

    /// <summary>A short description for diagnostics: type name, state and count.</summary>
    public override string ToString() => $"<{GetType().Name} {_state} refcount={_refCount}>";

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void AddRefSlow()
    {
        Runtime runtime = RequireRuntime("AddRef");
        runtime.ThrowIfLockNotHeld(GetType(), "AddRef");
        runtime.CheckCountChange(this, "AddRef");
        switch (_state)
        {
            case RcObjectState.Freed:
                throw ThrowHelper.Freed(this, "AddRef");
            case RcObjectState.Cleared:
                throw ThrowHelper.Cleared(this, "AddRef");
        }

        if (_refCount <= 0)
        {
            // Count zero but not freed: the object is dying (finalizer already declined to resurrect,
            // or its deallocation is queued). A new reference now would point at freed state soon.
            throw ThrowHelper.Freed(this, "AddRef");
        }

        if (_refCount != ImmortalRefCount)
        {
            _refCount++;
        }
    }

    /// <summary>
    /// The collector's own increment, for objects the public <see cref="AddRef"/> refuses (cleared survivors it
    /// keeps in <see cref="Gc.Garbage"/>). Only for objects whose count is known to be positive.
    /// </summary>
    internal void AddRefUnchecked()
    {
        if (_refCount != ImmortalRefCount)
        {
            _refCount++;
        }
    }

    /// <summary>
    /// Throws exactly what <see cref="Release"/> would throw, without releasing. Stores call it before they touch
    /// their slot, so that a refused release (inside traversal, after shutdown, a double release) leaves the
    /// slot and every count as they were.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void EnsureReleasable()
    {
        if (_owner != Runtime.t_fastPathToken || (uint)(_refCount - 1) >= FastCountLimit)
        {
            ValidateRelease();
        }
    }

    /// <summary>
    /// The release half of a store whose <see cref="EnsureReleasable"/> already passed on this thread, with nothing in
    /// between that could change the verdict: the old value is checked once, not twice.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void ReleaseEnsured()
    {
        int count = _refCount;
        if (count == ImmortalRefCount)
        {
            return;
        }

        _refCount = --count;
        if (count == 0)
        {
            OwnerRuntime!.Deallocate(this);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ReleaseSlow()
    {
        Runtime runtime = RequireRuntime("Release");
        if (!runtime.IsLockHeld)
        {
            // Another thread's release (or the .NET finalizer thread's): never touch the count here.
            runtime.QueueRelease(this);
            return;
        }

        ValidateRelease();
        if (_refCount != ImmortalRefCount && --_refCount == 0)
        {
            runtime.Deallocate(this);
        }
    }

    private void ValidateRelease()
    {
        Runtime runtime = RequireRuntime("Release");
        runtime.ThrowIfLockNotHeld(GetType(), "Release");
        runtime.CheckCountChange(this, "Release");
        if (_state == RcObjectState.Freed)
        {
            throw ThrowHelper.DoubleRelease(this);
        }

        if (_refCount <= 0)
        {
            throw ThrowHelper.Underflow(this);
        }
    }
}
