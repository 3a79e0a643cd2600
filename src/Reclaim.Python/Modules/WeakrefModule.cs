using Reclaim.Python.Execution;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Modules;

/// <summary><c>_weakref</c>: <c>ref</c>, <c>getweakrefcount</c>, <c>getweakrefs</c> on the runtime's weak references.</summary>
internal static class WeakrefModule
{
    /// <summary>Creates the module (new reference).</summary>
    public static Value Create(PyContext ctx)
    {
        PyModule m = BuiltinModules.NewModule(ctx, "_weakref");
        PyType refType = ctx.WeakRefType;
        refType.SetMember("__new__", TypeMethods.StaticMethod(ctx, ctx.NewBuiltin("__new__", (a, k) => NewRef(ctx, (PyType)a[0].Obj!, a[1], a.Length > 2 ? a[2] : default))));
        ctx.DefMethod(refType, "__init__", (a, k) => Value.None);
        ctx.DefMethod(refType, "__call__", (a, k) => ((PyWeakRef)a[0].Obj!).Target is { } t ? Value.New(t) : Value.None);
        ctx.DefMethod(refType, "__repr__", (a, k) =>
        {
            var r = (PyWeakRef)a[0].Obj!;
            return Value.Str(r.Target is { } t
                ? $"<weakref at {Ops.Address(a[0])}; to '{t.Type.Name}' at {Ops.Address(Value.Steal(t))}>"
                : $"<weakref at {Ops.Address(a[0])}; dead>");
        });
        ctx.DefMethod(refType, "__hash__", (a, k) => ((PyWeakRef)a[0].Obj!).Target is { } t ? Value.Int(Ops.Hash(Value.Steal(t))) : throw PyErr.TypeError("weak object has gone away"));
        ctx.DefMethod(refType, "__eq__", (a, k) =>
        {
            var r = (PyWeakRef)a[0].Obj!;
            if (a[1].Obj is not PyWeakRef o)
            {
                return ctx.NotImplemented.Dup();
            }

            if (r.Target is { } x && o.Target is { } y)
            {
                return Ops.Compare(Value.Steal(x), Value.Steal(y), CompareOp.Eq);
            }

            return Value.Bool(ReferenceEquals(r, o));
        });
        BuiltinModules.Def(ctx, m, "getweakrefcount", (a, k) => Value.Int(a[0].Obj is PyObject o ? ctx.Runtime.GetWeakRefCount(o) : 0));
        BuiltinModules.Def(ctx, m, "getweakrefs", (a, k) =>
        {
            PyList list = ctx.NewList();
            if (a[0].Obj is PyObject o)
            {
                foreach (WeakRef w in ctx.Runtime.GetWeakRefs(o))
                {
                    if (ctx.WeakRefWrappers.TryGetValue(w, out PyWeakRef? wrapper) && wrapper.IsAlive)
                    {
                        list.Append(Value.New(wrapper));
                    }
                }
            }

            return Value.Steal(list);
        });
        m.Dict!.Set(Value.Str("ref"), Value.Steal(refType));
        m.Dict.Set(Value.Str("ReferenceType"), Value.Steal(refType));
        return Value.Steal(m);
    }

    private static Value NewRef(PyContext ctx, PyType type, Value target, Value callback)
    {
        PyType tt = Ops.TypeOf(target);
        if (target.Obj is not PyObject obj || !(tt.WeakReferenceable || tt.IsHeap || target.Obj is PyFunction or PyType or PySet or PyModule || tt == ctx.MethodType))
        {
            throw PyErr.TypeError($"cannot create weak reference to '{tt.Name}' object");
        }

        bool hasCallback = !callback.IsNull && !callback.IsNone;
        if (!hasCallback && type == ctx.WeakRefType)
        {
            foreach (WeakRef w in ctx.Runtime.GetWeakRefs(obj))
            {
                if (!w.HasCallback && ctx.WeakRefWrappers.TryGetValue(w, out PyWeakRef? existing) && existing.IsAlive && existing.Type == ctx.WeakRefType)
                {
                    return Value.New(existing);
                }
            }
        }

        var wrapper = ctx.Runtime.AdoptReference(new PyWeakRef(type));
        if (type.HasInstanceDict && type.IsHeap)
        {
            wrapper.EnableAttributes();
        }

        PyWeakCallback? cb = null;
        if (hasCallback)
        {
            cb = ctx.Runtime.AdoptReference(new PyWeakCallback(ctx.WeakCallbackType) { Function = callback.Dup(), Owner = wrapper });
            wrapper.Callback = callback.Dup();
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

        ctx.WeakRefWrappers.AddOrUpdate(wrapper.Ref, wrapper);
        return Value.Steal(wrapper);
    }
}

/// <summary><c>atexit</c>: callbacks run last-registered first at shutdown.</summary>
internal static class AtexitModule
{
    /// <summary>Creates the module (new reference).</summary>
    public static Value Create(PyContext ctx)
    {
        PyModule m = BuiltinModules.NewModule(ctx, "atexit");
        BuiltinModules.Def(ctx, m, "register", (a, k) =>
        {
            if (a.Length == 0)
            {
                throw PyErr.TypeError("register() takes at least 1 argument (0 given)");
            }

            ctx.AtExit.Add((a[0].Dup(), ctx.NewTupleOf(a[1..]), k is null ? default : Value.New(k)));
            return a[0].Dup();
        });
        BuiltinModules.Def(ctx, m, "unregister", (a, k) =>
        {
            for (int i = ctx.AtExit.Count - 1; i >= 0; i--)
            {
                if (Ops.RichBool(ctx.AtExit[i].Function, a[0], CompareOp.Eq))
                {
                    (Value f, Value args, Value kw) = ctx.AtExit[i];
                    ctx.AtExit.RemoveAt(i);
                    f.Drop();
                    args.Drop();
                    kw.Drop();
                }
            }

            return Value.None;
        });
        BuiltinModules.Def(ctx, m, "_run_exitfuncs", (a, k) =>
        {
            RunExitFunctions(ctx);
            return Value.None;
        });
        BuiltinModules.Def(ctx, m, "_clear", (a, k) =>
        {
            foreach ((Value f, Value args, Value kw) in ctx.AtExit)
            {
                f.Drop();
                args.Drop();
                kw.Drop();
            }

            ctx.AtExit.Clear();
            return Value.None;
        });
        BuiltinModules.Def(ctx, m, "_ncallbacks", (a, k) => Value.Int(ctx.AtExit.Count));
        return Value.Steal(m);
    }

    /// <summary>Runs and forgets every registered function, newest first; errors are reported as CPython does.</summary>
    public static void RunExitFunctions(PyContext ctx)
    {
        while (ctx.AtExit.Count > 0)
        {
            (Value f, Value args, Value kw) = ctx.AtExit[^1];
            ctx.AtExit.RemoveAt(ctx.AtExit.Count - 1);
            try
            {
                Ops.Call(f, ((PyTuple)args.Obj!).Span, kw.Obj as PyDict).Drop();
            }
            catch (PyException e)
            {
                if (e.Object.Type.IsSubtypeOf(ctx.ExceptionType("SystemExit")))
                {
                    e.Exc.Drop();
                }
                else
                {
                    Unraisable.Report(ctx, "Exception ignored in atexit callback: " + Unraisable.DescribeCallable(f), e);
                }
            }
            finally
            {
                f.Drop();
                args.Drop();
                kw.Drop();
            }
        }
    }
}
