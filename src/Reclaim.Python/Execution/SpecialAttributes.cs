using Reclaim.Python.Execution.Traceback;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Execution;

/// <summary>The attributes built-in objects expose without a namespace entry: <c>__class__</c>, <c>__dict__</c>, <c>args</c>...</summary>
internal static class SpecialAttributes
{
    /// <summary>A new reference to the attribute, or null when the object has no such built-in attribute.</summary>
    public static Value Get(Value obj, string name)
    {
        PyContext ctx = PyContext.Current;
        if (name == "__class__")
        {
            return Value.New(Ops.TypeOf(obj));
        }

        switch (obj.Obj)
        {
            case PyType t:
                return name switch
                {
                    "__name__" => Value.Str(t.Name),
                    "__qualname__" => Value.Str(t.QualName ?? t.Name),
                    "__module__" => Value.Str(t.Module ?? "builtins"),
                    "__mro__" => ctx.NewTupleOf([.. t.Mro.Select(x => Value.Steal(x))]),
                    "__bases__" => ctx.NewTupleOf([.. t.Bases.Select(x => Value.Steal(x))]),
                    "__base__" => t.Bases.Length > 0 ? Value.New(t.Bases[0]) : Value.None,
                    "__doc__" => t.Lookup("__doc__") is { IsNull: false } doc ? doc.Dup() : Value.None,
                    _ => DataModelAttributes.Get(obj, name),
                };
            case PyFunction f:
                return name switch
                {
                    "__name__" => Value.Str(f.Name),
                    "__qualname__" => Value.Str(f.QualName),
                    "__globals__" when f.Globals is not null => Value.New(f.Globals),
                    "__defaults__" => f.Defaults.Length == 0 ? Value.None : ctx.NewTupleOf(f.Defaults),
                    "__closure__" => f.ClosureTuple is { } closure ? Value.New(closure) : Value.None,
                    "__doc__" => f.Code.Doc is { } doc ? Value.Str(doc) : Value.None,
                    "__module__" => f.Globals?.Get("__name__").Dup() ?? Value.None,
                    "__dict__" => DictOf(f),
                    _ => DataModelAttributes.Get(obj, name),
                };
            case PyBuiltin b:
                return name switch
                {
                    "__name__" => Value.Str(b.Name),
                    "__qualname__" => Value.Str(b.Owner is null ? b.Name : b.Owner.Name + "." + b.Name),
                    "__self__" => b.Self.IsNull ? Value.None : b.Self.Dup(),
                    _ => default,
                };
            case Modules.Io.PyStdin:
                return Modules.Io.PyStdin.Attribute(name);
            case Modules.Io.PyFile file:
                return Modules.Io.FileMethods.Attribute(file, name);
            case PyBox m when m.Type == ctx.MethodType:
                return name switch
                {
                    "__func__" => m.Slots[0].Dup(),
                    "__self__" => m.Slots[1].Dup(),
                    _ => Ops.TryGetAttr(m.Slots[0], name),
                };
            case PyBox box when box.Type == ctx.TracebackType || box.Type == ctx.FrameType:
                return TracebackObjects.GetAttribute(box, name);
            case PyBaseException e:
                return name switch
                {
                    "args" => e.Args.Dup(),
                    "__traceback__" => TracebackObjects.Get(e),
                    "__context__" => e.Context.IsNull ? Value.None : e.Context.Dup(),
                    "__cause__" => e.Cause.IsNull ? Value.None : e.Cause.Dup(),
                    "__suppress_context__" => Value.Bool(e.SuppressContext),
                    "value" when e.Type.IsSubtypeOf(ctx.ExceptionType("StopIteration")) => FirstArg(e),
                    "code" when e.Type.IsSubtypeOf(ctx.ExceptionType("SystemExit")) => FirstArg(e),
                    "name" when e.Type == ctx.ExceptionType("NameError") || e.Type == ctx.ExceptionType("AttributeError") => ExceptionContext(e, 0),
                    "obj" when e.Type == ctx.ExceptionType("AttributeError") => ExceptionContext(e, 1),
                    "__dict__" => DictOf(e),
                    _ when e.Type.IsSubtypeOf(ctx.ExceptionType("OSError")) => Modules.OsErrors.Get(e, name),
                    _ => default,
                };
            case PyCell or PyCode:
                return DataModelAttributes.Get(obj, name);
            case PyGenerator:
                return Modules.GeneratorMethods.Attribute(ctx, (PyObject)obj.Obj!, name);
            case PyModule mod:
                return name == "__dict__" && mod.Dict is not null ? Value.New(mod.Dict) : default;
            case PyObject o when name == "__dict__" && o.HasAttributeStorage && o.Type.SlotNames is null:
                return Value.New(o.MaterializeDict());
        }

        return DataModelAttributes.Get(obj, name);
    }

    // NameError keeps its name, AttributeError its (name, obj) pair, where the interpreter raised them.
    private static Value ExceptionContext(PyBaseException e, int index) => e.Extra.Obj switch
    {
        string name when index == 0 => Value.Str(name),
        PyTuple { Count: 2 } pair => pair.Items[index].Dup(),
        _ => Value.None,
    };

    private static Value FirstArg(PyBaseException e) =>
        e.Args.Obj is PyTuple { Count: > 0 } t ? (t.Count == 1 ? t.Items[0].Dup() : e.Args.Dup()) : Value.None;

    private static Value DictOf(PyObject o)
    {
        o.EnableAttributes();
        return Value.New(o.MaterializeDict());
    }

    /// <summary>Sets a writable exception attribute; false when <paramref name="name"/> is not one.</summary>
    public static bool SetException(PyBaseException e, string name, Value value)
    {
        switch (name)
        {
            case "args":
                PyBaseException.Replace(ref e.Args, PyContext.Current.NewTupleOf([.. Ops.ToList(value)]));
                return true;
            case "__traceback__":
                TracebackObjects.Set(e, value);
                return true;
            case "__context__":
                PyBaseException.Replace(ref e.Context, value.Dup());
                return true;
            case "__cause__":
                PyBaseException.Replace(ref e.Cause, value.Dup());
                e.SuppressContext = true;
                return true;
            case "__suppress_context__":
                e.SuppressContext = Ops.IsTrue(value);
                return true;
        }

        if (e.Type.IsSubtypeOf(PyContext.Current.ExceptionType("OSError")) && Modules.OsErrors.Set(PyContext.Current, e, name, value))
        {
            return true;
        }

        // BaseException and function objects keep a real dict in CPython (not inline values).
        e.EnableAttributes();
        e.MaterializeDict();
        e.TrySetAttribute(name, value.Dup());
        return true;
    }

    /// <summary>Sets a function attribute; false when not supported.</summary>
    public static bool SetFunction(PyFunction f, string name, Value value)
    {
        switch (name)
        {
            case "__name__" when value.Obj is string s:
                f.Name = s;
                return true;
            case "__qualname__" when value.Obj is string q:
                f.QualName = q;
                return true;
            case "__defaults__":
                SetDefaults(f, value);
                return true;
            case "__kwdefaults__":
                SetKwDefaults(f, value);
                return true;
        }

        f.EnableAttributes();
        f.MaterializeDict();
        f.TrySetAttribute(name, value.Dup());
        return true;
    }

    /// <summary>
    /// <c>f.__defaults__ = value</c> (a tuple, or None for no defaults); calls read the function's defaults each
    /// time, so the next call binds with the new ones. The old values are dropped after the swap, as their
    /// <c>__del__</c> may look at the function.
    /// </summary>
    private static void SetDefaults(PyFunction f, Value value)
    {
        if (!value.IsNone && value.Obj is not PyTuple)
        {
            throw PyErr.TypeError("__defaults__ must be set to a tuple object");
        }

        var fresh = new Value[value.Obj is PyTuple t ? t.Count : 0];
        for (int i = 0; i < fresh.Length; i++)
        {
            fresh[i] = ((PyTuple)value.Obj!).Items[i].Dup();
        }

        Value[] old = f.Defaults;
        f.Defaults = fresh;
        foreach (Value v in old)
        {
            v.Drop();
        }
    }

    /// <summary><c>f.__kwdefaults__ = value</c> (a dict, kept as the same object as CPython keeps it, or None).</summary>
    private static void SetKwDefaults(PyFunction f, Value value)
    {
        PyDict? fresh = value.IsNone ? null
            : value.Obj is PyDict d && d.Type.IsSubtypeOf(PyContext.Current.DictType) ? d
            : throw PyErr.TypeError("__kwdefaults__ must be set to a dict object");
        _ = value.Dup();
        PyDict? old = f.KwDefaults;
        f.KwDefaults = fresh;
        old?.Release();
    }
}
