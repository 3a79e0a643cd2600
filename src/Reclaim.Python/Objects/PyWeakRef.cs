using Reclaim.Python.Execution;
using Reclaim.Python.Interpreter;

namespace Reclaim.Python.Objects;

/// <summary>
/// <c>weakref.ref</c>: a Python object owning a Reclaim <see cref="WeakRef"/>. The runtime clears it and runs the
/// callback exactly when CPython would; dropping this object drops the Reclaim reference, so a dead weakref's
/// callback never runs (as in CPython).
/// </summary>
internal sealed class PyWeakRef(PyType type) : PyObject(type)
{
    /// <summary>The runtime's weak reference (owned).</summary>
    public WeakRef? Ref;

    /// <summary><c>__callback__</c> (owned), or null.</summary>
    public Value Callback;

    /// <summary>Whether this is a <c>weakref.proxy</c> (its operations forward to the referent) rather than a ref.</summary>
    public bool IsProxy;

    /// <summary>The referent's hash, remembered the first time it is asked for while the referent lives, as CPython
    /// does: a dead ref can still be found (and discarded) in the set or dict it was put in.</summary>
    public long? CachedHash;

    /// <summary>The referent, or null when dead.</summary>
    public PyObject? Target => Ref?.Target as PyObject;

    /// <inheritdoc/>
    protected override void TraverseReferences(ref Visitor visitor)
    {
        base.TraverseReferences(ref visitor);
        visitor.Visit(Ref);
        if (Callback.Obj is PyObject c)
        {
            visitor.Visit(c);
        }
    }

    /// <inheritdoc/>
    protected override void ClearReferences()
    {
        WeakRef? r = Ref;
        Value cb = Callback;
        Ref = null;
        Callback = default;
        r?.Release();
        cb.Drop();
        base.ClearReferences();
    }
}

/// <summary>What the runtime calls when a referent dies: the Python callback with the weakref object.</summary>
internal sealed class PyWeakCallback(PyType type) : PyObject(type), IWeakRefCallback
{
    /// <summary>The Python callable (owned).</summary>
    public Value Function;

    /// <summary>The weakref object handed to the callback. Borrowed: it owns the only reference to the runtime's
    /// weak reference, so while this callback can still run, the weakref object is alive.</summary>
    public PyWeakRef? Owner;

    /// <inheritdoc/>
    public void OnReferentDied(WeakRef reference)
    {
        PyContext ctx = PyContext.Current;
        if (Owner is null || !Owner.IsAlive || Function.IsNull)
        {
            return;
        }

        Value self = Value.New(Owner);
        try
        {
            Ops.Call(Function, [self], null).Drop();
        }
        catch (PyException e)
        {
            Unraisable.Report(ctx, e, Function);
        }
        finally
        {
            self.Drop();
        }
    }

    /// <inheritdoc/>
    protected override void TraverseReferences(ref Visitor visitor)
    {
        base.TraverseReferences(ref visitor);
        if (Function.Obj is PyObject f)
        {
            visitor.Visit(f);
        }
    }

    /// <inheritdoc/>
    protected override void ClearReferences()
    {
        Value f = Function;
        Function = default;
        f.Drop();
        base.ClearReferences();
    }
}
