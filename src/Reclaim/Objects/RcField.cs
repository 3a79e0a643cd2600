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
    private T? _value;

    /// <summary>The referenced object, borrowed: valid while the field keeps it.</summary>
    public readonly T? Value
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _value;
    }

    /// <summary>Whether the field holds nothing.</summary>
    public readonly bool IsNull => _value is null;

    /// <summary>Stores <paramref name="value"/>, taking a new reference to it, and releases the previous value.</summary>
    /// <param name="value">The object to store, or <see langword="null"/> to empty the field.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Set(T? value)
    {
        T? old = _value;
        old?.EnsureReleasable();
        value?.AddRef();
        _value = value;
        old?.ReleaseEnsured();
    }

    /// <summary>
    /// Stores a reference the caller already owns (for example from <see cref="Runtime.Allocate{T}"/> or
    /// <see cref="Owned{T}.Take"/>), transferring that ownership to the field, and releases the previous value.
    /// </summary>
    /// <param name="newReference">An owned reference; the caller must not release it afterwards.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void SetOwned(T? newReference)
    {
        T? old = _value;
        old?.EnsureReleasable();
        _value = newReference;
        old?.ReleaseEnsured();
    }

    /// <summary>Empties the field and then releases what it held (<c>Py_CLEAR</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Clear()
    {
        T? old = _value;
        if (old is not null)
        {
            old.EnsureReleasable();
            _value = null;
            old.ReleaseEnsured();
        }
    }

    /// <summary>Empties the field without releasing, handing its reference to the caller (who must release it).</summary>
    /// <returns>The reference the field held, now owned by the caller, or <see langword="null"/>.</returns>
    public T? Take()
    {
        T? old = _value;
        _value = null;
        return old;
    }

    /// <summary>A description of the field's value for diagnostics.</summary>
    public override readonly string ToString() => _value?.ToString() ?? "null";
}
