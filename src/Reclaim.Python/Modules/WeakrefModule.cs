using Reclaim.Python.Execution;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Modules;

/// <summary><c>_weakref</c>: <c>ref</c>, <c>proxy</c>, <c>getweakrefcount</c>, <c>getweakrefs</c> on the runtime's weak references.</summary>
internal static class WeakrefModule
{
    /// <summary>Creates the module (new reference).</summary>
    public static Value Create(PyContext ctx)
    {
        PyModule m = BuiltinModules.NewModule(ctx, "_weakref");
        PyType refType = ctx.WeakRefType;
        refType.SetMember("__new__", TypeMethods.StaticMethod(ctx, ctx.NewBuiltin("__new__", (a, k) =>
        {
            if (a.Length < 2 || a.Length > 3)
            {
                throw PyErr.TypeError($"__new__ expected at most 2 arguments, got {a.Length - 1}");
            }

            return NewRef(ctx, (PyType)a[0].Obj!, a[1], a.Length > 2 ? a[2] : default, proxy: false);
        })));
        ctx.DefMethod(refType, "__init__", (a, k) => Value.None);
        ctx.DefMethod(refType, "__call__", (a, k) => ((PyWeakRef)a[0].Obj!).Target is { } t ? Value.New(t) : Value.None);
        ctx.DefMethod(refType, "__repr__", (a, k) =>
        {
            var r = (PyWeakRef)a[0].Obj!;
            return Value.Str(r.Target is { } t
                ? $"<weakref at {Ops.Address(a[0])}; to '{t.Type.Name}' at {Ops.Address(Value.Steal(t))}>"
                : $"<weakref at {Ops.Address(a[0])}; dead>");
        });
        ctx.DefMethod(refType, "__hash__", (a, k) => Value.Int(Hash((PyWeakRef)a[0].Obj!)));
        ctx.DefMethod(refType, "__eq__", (a, k) => Equality(ctx, a[0], a[1], CompareOp.Eq));
        ctx.DefMethod(refType, "__ne__", (a, k) => Equality(ctx, a[0], a[1], CompareOp.Ne));
        refType.SetMember("__callback__", ReadOnlyProperty(ctx, "__callback__", self =>
        {
            // The callback is forgotten once the referent is gone (it has run, or is about to), as in CPython.
            var r = (PyWeakRef)self.Obj!;
            return r.Target is not null && !r.Callback.IsNull ? r.Callback.Dup() : Value.None;
        }));
        WeakProxyType.Install(ctx);
        BuiltinModules.Def(ctx, m, "getweakrefcount", (a, k) => Value.Int(a[0].Obj is PyObject o ? ctx.Runtime.GetWeakRefCount(o) : 0));
        BuiltinModules.Def(ctx, m, "getweakrefs", (a, k) =>
        {
            PyList list = ctx.NewList();
            if (a[0].Obj is PyObject o)
            {
                foreach (WeakRef w in ctx.Runtime.GetWeakRefs(o))
                {
                    if (WrapperOf(ctx, w) is { IsAlive: true } wrapper)
                    {
                        list.Append(Value.New(wrapper));
                    }
                }
            }

            return Value.Steal(list);
        });
        BuiltinModules.Def(ctx, m, "proxy", (a, k) =>
        {
            if (a.Length < 1 || a.Length > 2)
            {
                throw PyErr.TypeError($"proxy expected at most 2 arguments, got {a.Length}");
            }

            return NewRef(ctx, null, a[0], a.Length > 1 ? a[1] : default, proxy: true);
        });
        m.Dict!.Set(Value.Str("ref"), Value.Steal(refType));
        m.Dict.Set(Value.Str("ReferenceType"), Value.Steal(refType));
        m.Dict.Set(Value.Str("ProxyType"), Value.Steal(ctx.WeakProxyType));
        m.Dict.Set(Value.Str("CallableProxyType"), Value.Steal(ctx.WeakCallableProxyType));
        return Value.Steal(m);
    }

    /// <summary>A property whose getter is a built-in (owned), for attributes of built-in types.</summary>
    private static Value ReadOnlyProperty(PyContext ctx, string name, Func<Value, Value> getter)
    {
        var p = new PyBox(ctx.PropertyType, 4);
        p.Slots[0] = ctx.NewBuiltin(name, (a, k) => getter(a[0]));
        p.Slots[1] = Value.None;
        p.Slots[2] = Value.None;
        p.Slots[3] = Value.None;
        return Value.Steal(ctx.Runtime.AdoptReference(p));
    }

    private static long Hash(PyWeakRef r)
    {
        if (r.CachedHash is { } h)
        {
            return h;
        }

        PyObject t = r.Target ?? throw PyErr.TypeError("weak object has gone away");
        long hash = Ops.Hash(Value.Steal(t));
        r.CachedHash = hash;
        return hash;
    }

    // Two live refs compare as their referents; otherwise a ref equals only itself.
    private static Value Equality(PyContext ctx, Value self, Value other, CompareOp op)
    {
        var r = (PyWeakRef)self.Obj!;
        if (other.Obj is not PyWeakRef { IsProxy: false } o)
        {
            return ctx.NotImplemented.Dup();
        }

        if (r.Target is { } x && o.Target is { } y)
        {
            return Ops.Compare(Value.Steal(x), Value.Steal(y), op);
        }

        return Value.Bool(ReferenceEquals(r, o) == (op == CompareOp.Eq));
    }

    private static Value NewRef(PyContext ctx, PyType? type, Value target, Value callback, bool proxy)
    {
        if (target.Obj is not PyObject obj || !WeakReferenceability.Allows(ctx, target))
        {
            throw WeakReferenceability.Refusal(target);
        }

        if (proxy)
        {
            type = WeakReferenceability.IsCallable(ctx, target) ? ctx.WeakCallableProxyType : ctx.WeakProxyType;
        }

        // CPython hands out the same callback-less ref (or proxy) again instead of making a second one.
        bool hasCallback = !callback.IsNull && !callback.IsNone;
        if (!hasCallback && (type == ctx.WeakRefType || proxy))
        {
            foreach (WeakRef w in ctx.Runtime.GetWeakRefs(obj))
            {
                if (WrapperOf(ctx, w) is { IsAlive: true } existing && existing.Type == type && existing.Callback.IsNull)
                {
                    return Value.New(existing);
                }
            }
        }

        var wrapper = ctx.Runtime.AdoptReference(new PyWeakRef(type!) { IsProxy = proxy });
        if (type!.HasInstanceDict && type.IsHeap)
        {
            wrapper.EnableAttributes();
        }

        // The runtime shares one callback-less weak reference per referent; only a plain ref may share it. A proxy
        // or a ref subclass gets a callback holder of its own (with no function when it has no callback), so that
        // it is a weak reference of its own, counted by getweakrefcount and listed by getweakrefs.
        PyWeakCallback? cb = null;
        if (hasCallback || type != ctx.WeakRefType)
        {
            cb = ctx.Runtime.AdoptReference(new PyWeakCallback(ctx.WeakCallbackType) { Function = hasCallback ? callback.Dup() : default, Owner = wrapper });
            wrapper.Callback = hasCallback ? callback.Dup() : default;
        }

        try
        {
            using Owned<WeakRef> owned = ctx.Runtime.WeakRef(obj, cb).ToOwned();
            wrapper.Ref = owned.Value;
            wrapper.Ref.AddRef();
        }
        finally
        {
            cb?.Release();
        }

        if (cb is null)
        {
            ctx.WeakRefWrappers.AddOrUpdate(wrapper.Ref, wrapper);
        }

        return Value.Steal(wrapper);
    }

    // The weakref object of a runtime weak reference: the owner its callback holder names, or (a shared callback-less
    // reference) the one the table records. Only the latter go into the table: a ConditionalWeakTable entry costs a
    // dependent handle that every .NET collection scans, which a million weak references with callbacks would pay.
    private static PyWeakRef? WrapperOf(PyContext ctx, WeakRef w) =>
        w.Callback is PyWeakCallback cb ? cb.Owner
        : ctx.WeakRefWrappers.TryGetValue(w, out PyWeakRef? wrapper) ? wrapper : null;
}
