using System.Runtime.CompilerServices;

namespace Reclaim;

/// <summary>
/// A counted reference held inside a runtime object: the field owns one reference to its value.
/// Declare it as a plain (non-readonly) field and report it from <see cref="RcObject.TraverseReferences"/>.
/// </summary>
/// <remarks>
/// Stores follow CPython's <c>Py_SETREF</c>/<c>Py_CLEAR</c> order: the new value is counted first, the slot
/// is written, and only then is the old value released. Releasing can run arbitrary code (finalizers,
/// weak-reference callbacks) that may look at this very field again; by then it already holds its new value.
/// </remarks>
/// <typeparam name="T">The runtime type the field refers to.</typeparam>
public struct RcField<T> where T : RcObject
{
    // Holds null, a counted T, or ClosedSlot.Instance once the owner died; only this file reads it.
    private RcObject? _value;

    /// <summary>The referenced object, borrowed: valid while the field keeps it. <see langword="null"/> when empty or closed.</summary>
    public readonly T? Value
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            RcObject? value = _value;
            return ReferenceEquals(value, ClosedSlot.Instance) ? null : Unsafe.As<T?>(value);
        }
    }

    /// <summary>Whether the field holds nothing (it is empty, or its owner died).</summary>
    public readonly bool IsNull => Value is null;

    /// <summary>Stores <paramref name="value"/>, taking a new reference to it, and releases the previous value.</summary>
    /// <param name="value">The object to store, or <see langword="null"/> to empty the field.</param>
    /// <exception cref="OwnerNotAliveException">The field's owner already died.</exception>
    /// <exception cref="WrongRuntimeException"><paramref name="value"/> belongs to another runtime than the value it replaces.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Set(T? value)
    {
        RcObject? old = _value;
        if (old is not null)
        {
            if (ReferenceEquals(old, ClosedSlot.Instance))
            {
                RefuseClosed(value, "RcField.Set");
                return;
            }

            CheckReplace(old, value, "RcField.Set");
        }

        value?.AddRef();
        _value = value;
        old?.ReleaseEnsured();
    }

    /// <summary>
    /// Stores a new reference, transferring its ownership to the field, and releases the previous value: the typed
    /// form of <see cref="SetOwned"/>, at the same cost. A refused store leaves the reference with the caller.
    /// </summary>
    /// <typeparam name="TNew">The stored object's type.</typeparam>
    /// <param name="newReference">The reference to hand on; the caller must not use it afterwards.</param>
    /// <exception cref="OwnerNotAliveException">The field's owner already died.</exception>
    /// <exception cref="WrongRuntimeException"><paramref name="newReference"/> belongs to another runtime than the value it replaces.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Set<TNew>(NewRef<TNew> newReference) where TNew : T => SetOwned(newReference.ValueOrNull);

    /// <summary>
    /// Stores a reference the caller already owns (for example from <see cref="Runtime.Allocate{T}"/> or
    /// <see cref="Owned{T}.Take"/>), transferring that ownership to the field, and releases the previous value.
    /// A refused store leaves the reference with the caller.
    /// </summary>
    /// <param name="newReference">An owned reference; the caller must not release it afterwards.</param>
    /// <exception cref="OwnerNotAliveException">The field's owner already died.</exception>
    /// <exception cref="WrongRuntimeException"><paramref name="newReference"/> belongs to another runtime than the value it replaces.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void SetOwned(T? newReference)
    {
        RcObject? old = _value;
        if (old is not null)
        {
            if (ReferenceEquals(old, ClosedSlot.Instance))
            {
                RefuseClosed(newReference, "RcField.SetOwned");
                return;
            }

            CheckReplace(old, newReference, "RcField.SetOwned");
        }

        _value = newReference;
        old?.ReleaseEnsured();
    }

    /// <summary>Empties the field and then releases what it held (<c>Py_CLEAR</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Clear()
    {
        RcObject? old = _value;
        if (old is null || ReferenceEquals(old, ClosedSlot.Instance))
        {
            CloseIfOwnerDies();
            return;
        }

        old.EnsureReleasable();
        if (Runtime.t_closing)
        {
            _value = ClosedSlot.Instance;
        }
        else
        {
            // A store of null needs no write barrier; the conditional expression made every clear pay one.
            _value = null;
        }

        old.ReleaseEnsured();
    }

    /// <summary>Empties the field without releasing, handing its reference to the caller (who must release it).</summary>
    /// <returns>The reference the field held, now owned by the caller, or <see langword="null"/>.</returns>
    public T? Take()
    {
        T? old = Value;
        if (old is not null)
        {
            _value = null;
        }

        return old;
    }

    /// <summary>A description of the field's value for diagnostics.</summary>
    public override readonly string ToString() => ReferenceEquals(_value, ClosedSlot.Instance) ? "closed" : _value?.ToString() ?? "null";

    /// <summary>
    /// The checks a store makes on the value it replaces, once: the new value comes from the same runtime as the old
    /// one (two objects on the one fast path always do), and the old one may be released now.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CheckReplace(RcObject old, T? value, string operation)
    {
        if (value is not null && old._owner != value._owner)
        {
            CheckSameRuntime(old, value, operation);
        }

        old.EnsureReleasable();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void CheckSameRuntime(RcObject old, T value, string operation)
    {
        if (value.OwnerIndex is var index and not 0 && old.OwnerIndex is var oldIndex and not 0 && index != oldIndex)
        {
            throw ThrowHelper.WrongRuntime(value, operation);
        }
    }

    /// <summary>A closed slot takes nothing: storing null into it changes nothing, any value is refused.</summary>
    private static void RefuseClosed(T? value, string operation)
    {
        if (value is not null)
        {
            throw new OwnerNotAliveException(value.GetType(), operation);
        }
    }

    private void CloseIfOwnerDies()
    {
        if (Runtime.t_closing)
        {
            _value = ClosedSlot.Instance;
        }
    }
}
