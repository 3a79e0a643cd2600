namespace Reclaim;

/// <summary>
/// A weak reference (<c>weakref.ref</c>): refers to an object without keeping it alive, and optionally calls a
/// callback once the object dies. It is itself a runtime object, so it can be stored, shared and collected.
/// </summary>
/// <remarks>
/// A weak reference that is found to be cyclic garbage together with its referent, or on its own, is cleared
/// without calling its callback: the callback may already be torn down (bpo-38006). A weak reference cleared
/// by the death of its referent stays dead, even if a finalizer later resurrects the referent.
/// </remarks>
public sealed class WeakRef : RcObject
{
    internal RcObject? _referent;

    /// <summary>This reference's slot in its referent's <see cref="WeakRefList"/>; -1 when in none.</summary>
    internal int _listSlot = -1;

    /// <summary>Whether the list counted this reference as callback-less when it was added (a callback can be taken later).</summary>
    internal bool _listCallbackless;
    private RcField<RcObject> _callback;

    internal WeakRef(RcObject referent, RcObject? callback)
    {
        _referent = referent;
        _callback.Set(callback);
    }

    /// <summary>
    /// The referent, borrowed (<c>ref()</c>): valid until the next release or safe point; <see langword="null"/> once it
    /// died or is dying. Take a reference with <see cref="RcObject.AddRef"/> or <see cref="TryGetTarget"/> to keep it.
    /// </summary>
    public RcObject? Target
    {
        get
        {
            RcObject? referent = _referent;
            return referent is not null && referent._refCount > 0 && referent.IsAlive ? referent : null;
        }
    }

    /// <summary>Whether the referent is gone.</summary>
    public bool IsDead => Target is null;

    /// <summary>Whether a callback is still pending (it is dropped once called).</summary>
    public bool HasCallback => !_callback.IsNull;

    /// <summary>The callback object, if one is pending.</summary>
    public RcObject? Callback => _callback.Value;

    /// <summary>The referent as <typeparamref name="T"/>, borrowed, or <see langword="null"/> if dead or of another type.</summary>
    /// <typeparam name="T">The expected type.</typeparam>
    /// <returns>The referent or <see langword="null"/>.</returns>
    public T? TargetAs<T>() where T : RcObject => Target as T;

    /// <summary>Takes a new reference to the referent if it is still alive (upgrading the weak reference).</summary>
    /// <returns>The new reference, or an empty one (<see cref="NewRef{T}.IsNull"/>) when the referent died.</returns>
    public NewRef<RcObject> TryGetTarget()
    {
        ThrowIfNotAlive("WeakRef.TryGetTarget");
        RcObject? target = Target;
        target?.AddRef();
        return new NewRef<RcObject>(target);
    }

    /// <summary>Hands the pending callback to the caller (who then owns its reference).</summary>
    internal RcObject? TakeCallback() => _callback.Take();

    /// <inheritdoc/>
    protected internal override void TraverseReferences(ref Visitor visitor) => visitor.Visit(_callback);

    /// <inheritdoc/>
    protected internal override void ClearReferences()
    {
        if (_referent is not null)
        {
            Runtime.WeakRefs.Detach(this);
        }

        _callback.Clear();
    }

    /// <inheritdoc/>
    public override string ToString() =>
        _referent is null ? $"<WeakRef dead>" : $"<WeakRef to {_referent.GetType().Name}>";
}
