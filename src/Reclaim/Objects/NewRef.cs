using System.Runtime.CompilerServices;

namespace Reclaim;

/// <summary>
/// A new reference (CPython's "Return value: New reference"): the one reference to <see cref="Value"/> that the
/// holder owns and must either hand on — to <see cref="RcField{T}.Set{TNew}(NewRef{TNew})"/>,
/// <see cref="RcList{T}.Add{TNew}(NewRef{TNew})"/>, <see cref="ToOwned"/>, or a method taking a
/// <see cref="NewRef{T}"/> — or give back with <see cref="Release"/>. Exactly one of those, exactly once.
/// </summary>
/// <remarks>
/// <para>
/// It is a struct wrapping one object reference, so it costs what the raw reference costs: no allocation, no
/// finalizer, passed in a register. What it adds is a type the compiler checks: a method returning
/// <see cref="NewRef{T}"/> hands over ownership, a parameter of this type takes it, and a bare <typeparamref name="T"/>
/// (<see cref="Value"/>, <see cref="RcField{T}.Value"/>) is borrowed. The analyzers treat copying it as an error
/// (RCL0009: two copies would each believe they own the reference) and report a local that is neither handed on nor
/// released on some path (RCL0011).
/// </para>
/// <para>
/// It lives on the stack, for the span of a few statements. A reference kept in an ordinary .NET heap field is an
/// <see cref="Owned{T}"/> (whose .NET finalizer backs up a forgotten release); one kept inside a runtime object is an
/// <see cref="RcField{T}"/>. <c>default(NewRef&lt;T&gt;)</c> is empty (<see cref="IsNull"/>): what
/// <see cref="WeakRef.TryGetTarget"/> returns when the referent died.
/// </para>
/// </remarks>
/// <typeparam name="T">The runtime type referred to.</typeparam>
public readonly struct NewRef<T> where T : RcObject
{
    private readonly T? _value;

    /// <summary>Wraps a reference the caller owns; only the runtime makes them.</summary>
    internal NewRef(T? newReference)
    {
        _value = newReference;
    }

    /// <summary>
    /// The referenced object, borrowed: valid while this reference is held. Reading it consumes nothing; to keep the
    /// object beyond this reference's life, hand the reference on or take another with <see cref="RcObject.AddRef"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The reference is empty (<see cref="IsNull"/>).</exception>
    public T Value
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _value ?? throw ThrowHelper.EmptyNewRef(typeof(T));
    }

    /// <summary>The referenced object, borrowed, or <see langword="null"/> when the reference is empty.</summary>
    public T? ValueOrNull => _value;

    /// <summary>Whether the reference is empty (a weak reference's referent had died, or the field taken from was empty).</summary>
    public bool IsNull => _value is null;

    /// <summary>Gives the reference back (<c>Py_XDECREF</c>): nothing for an empty one. Ends this reference's life.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Release() => _value?.Release();

    /// <summary>
    /// Moves the reference into a disposable handle, for keeping it in an ordinary .NET heap field or a
    /// <c>using</c> scope. Ends this reference's life.
    /// </summary>
    /// <returns>The handle, which now owns the reference.</returns>
    /// <exception cref="InvalidOperationException">The reference is empty.</exception>
    public Owned<T> ToOwned() => new(Value);

    /// <summary>
    /// Gives up the typing: returns the raw object, whose reference the caller now owns and must release by hand
    /// (<see cref="RcObject.Release"/>, <see cref="RcField{T}.SetOwned"/>). For runtime authors' raw paths. Ends this
    /// reference's life.
    /// </summary>
    /// <returns>The object.</returns>
    /// <exception cref="InvalidOperationException">The reference is empty.</exception>
    public T Take() => Value;

    /// <summary>A description for diagnostics.</summary>
    public override string ToString() => _value is null ? $"NewRef<{typeof(T).Name}>(empty)" : $"NewRef({_value})";
}
