using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Execution;

internal static partial class Ops
{
    /// <summary>Calls <paramref name="callable"/> with borrowed arguments; returns a new reference.</summary>
    public static Value Call(Value callable, ReadOnlySpan<Value> args, PyDict? kwargs)
    {
        PyContext ctx = PyContext.Current;
        switch (callable.Obj)
        {
            case PyFunction f:
                return Evaluator.CallFunction(f, args, kwargs);
            case PyBuiltin b:
                if (b.Self.IsNull)
                {
                    if (b is { IsMethod: true, TakesClass: false, Owner: { } owner } && (owner != ctx.ObjectType || args.Length == 0))
                    {
                        // list.append(1, 2): the method's code trusts its receiver, so it is checked here.
                        MethodDescriptors.CheckReceiver(b, owner, args);
                    }

                    return NativeCalls.Invoke(b, args, kwargs);
                }

                return CallWithSelf(b, b.Self, args, kwargs);
            case PyBox m when m.Type == ctx.MethodType:
                return CallMethodFull(m.Slots[0], m.Slots[1], args, kwargs);
            case PyType t:
                return TypeCall(t, args, kwargs);
        }

        Value call = TypeOf(callable).Lookup("__call__");
        if (call.IsNull)
        {
            throw PyErr.TypeError($"'{TypeName(callable)}' object is not callable");
        }

        return CallMethodFull(call, callable, args, kwargs);
    }

    private static Value CallWithSelf(PyBuiltin b, Value self, ReadOnlySpan<Value> args, PyDict? kwargs)
    {
        Value[] all = new Value[args.Length + 1];
        all[0] = self;
        args.CopyTo(all.AsSpan(1));
        return NativeCalls.Invoke(b, all, kwargs);
    }

    /// <summary>Calls an unbound method found on a type with <paramref name="self"/> first (3.11's LOAD_METHOD path).</summary>
    public static Value CallMethod(Value method, Value self, ReadOnlySpan<Value> args) => CallMethodFull(method, self, args, null);

    /// <summary><see cref="CallMethod"/> with keyword arguments.</summary>
    public static Value CallMethodFull(Value method, Value self, ReadOnlySpan<Value> args, PyDict? kwargs)
    {
        switch (method.Obj)
        {
            case PyFunction f when kwargs is null && f.Code.BindsDirectly(args.Length + 1, f.Defaults.Length):
                return Evaluator.CallWithSelf(f, self, args);
            case PyFunction f:
            {
                Value[] all = new Value[args.Length + 1];
                all[0] = self;
                args.CopyTo(all.AsSpan(1));
                return Evaluator.CallFunction(f, all, kwargs);
            }

            case PyBuiltin { IsMethod: true, Self.IsNull: true } b:
                return CallWithSelf(b, self, args, kwargs);
        }

        Value bound = Bind(method, self, TypeOf(self));
        try
        {
            return Call(bound, args, kwargs);
        }
        finally
        {
            bound.Drop();
        }
    }

    /// <summary>Calls a special method by name on <paramref name="self"/>'s type; null when the type lacks it.</summary>
    public static Value CallSpecial(Value self, string name, ReadOnlySpan<Value> args)
    {
        Value m = TypeOf(self).Lookup(name);
        return m.IsNull ? default : CallMethod(m, self, args);
    }

    private static Value TypeCall(PyType t, ReadOnlySpan<Value> args, PyDict? kwargs)
    {
        PyContext ctx = PyContext.Current;
        CreationPlan plan = CreationPlan.Of(ctx, t);
        if (plan.Fast && kwargs is null && plan.TryCreate(ctx, t, args) is { IsNull: false } made)
        {
            return made;
        }

        // A metaclass's own __call__ decides what calling its classes does (type.__call__, which it usually ends in
        // through super(), comes back to CreateInstance).
        PyType meta = t.Type;
        if (meta != ctx.TypeType && meta.Lookup("__call__") is { IsNull: false } call && !(call.Obj is PyBuiltin cb && cb.Owner == ctx.TypeType))
        {
            return CallMethodFull(call, Value.Steal(t), args, kwargs);
        }

        return CreateInstance(t, args, kwargs);
    }

    /// <summary><c>type.__call__(t, *args, **kwargs)</c>: <c>__new__</c>, then <c>__init__</c> when it made a <paramref name="t"/>.</summary>
    public static Value CreateInstance(PyType t, ReadOnlySpan<Value> args, PyDict? kwargs)
    {
        PyContext ctx = PyContext.Current;
        if (t == ctx.TypeType && args.Length == 1 && kwargs is null)
        {
            return Value.New(TypeOf(args[0]));
        }

        Value newFn = t.Lookup("__new__");
        Value obj;
        if (newFn.Obj is PyBox sm && sm.Type == ctx.StaticMethodType)
        {
            newFn = sm.Slots[0];
        }

        if (newFn.IsNull || (newFn.Obj is PyBuiltin nb && nb.Owner == ctx.ObjectType))
        {
            obj = ObjectNew(t, args, kwargs);
        }
        else
        {
            Value[] all = new Value[args.Length + 1];
            all[0] = Value.Steal(t);
            args.CopyTo(all.AsSpan(1));
            obj = Call(newFn, all, kwargs);
        }

        if (obj.Obj is PyObject o && o.Type.IsSubtypeOf(t) && t != ctx.TypeType)
        {
            Value init = o.Type.Lookup("__init__");
            if (!init.IsNull && !(init.Obj is PyBuiltin ib && ib.Owner == ctx.ObjectType))
            {
                try
                {
                    Value r = CallMethodFull(init, obj, args, kwargs);
                    if (!r.IsNone)
                    {
                        r.Drop();
                        throw PyErr.TypeError($"__init__() should return None, not '{TypeName(r)}'");
                    }
                }
                catch
                {
                    obj.Drop();
                    throw;
                }
            }
        }

        return obj;
    }

    /// <summary><c>object.__new__(t)</c>: lays out an instance by the nearest built-in base's factory.</summary>
    public static Value ObjectNew(PyType t, ReadOnlySpan<Value> args, PyDict? kwargs)
    {
        PyContext ctx = PyContext.Current;
        if (t.IsSubtypeOf(ctx.BaseExceptionType))
        {
            t = Modules.OsErrors.Refine(ctx, t, args);
        }

        if (t.Factory is null)
        {
            throw PyErr.TypeError($"cannot create '{t.Name}' instances");
        }

        if ((args.Length > 0 || kwargs is { Count: > 0 }) && t.Lookup("__init__").Obj is PyBuiltin { Owner: { } io } && io == ctx.ObjectType
            && !t.IsSubtypeOf(ctx.BaseExceptionType))
        {
            throw PyErr.TypeError($"{t.Name}() takes no arguments");
        }

        PyObject? o = t.Factory(t);
        if (o is null)
        {
            throw PyErr.TypeError($"cannot create '{t.Name}' instances");
        }

        if (o is PyBaseException be)
        {
            ctx.Runtime.AdoptReference(o);
            be.Args = ctx.NewTupleOf(args);
            if (t.IsSubtypeOf(ctx.ExceptionType("OSError")))
            {
                Modules.OsErrors.Fill(ctx, be, args);
            }
        }
        else
        {
            ctx.Runtime.AdoptReference(o);
        }

        if (t.HasInstanceDict)
        {
            o.EnableAttributes();
        }

        Finalizers.EnableDelIfDefined(o);
        return Value.Steal(o);
    }
}
