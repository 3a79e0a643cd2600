using Reclaim.Python.Execution;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Modules;

/// <summary>The generator type's methods (<c>send</c>, <c>throw</c>, <c>close</c>, iteration) and its frame and code views.</summary>
internal static class GeneratorMethods
{
    /// <summary>Defines the methods on <c>generator</c>, <c>frame</c> and <c>code</c>.</summary>
    public static void Install(PyContext ctx)
    {
        PyType t = ctx.GeneratorType;
        t.WeakReferenceable = true;
        ctx.DefMethod(t, "__iter__", (a, k) => a[0].Dup());
        ctx.DefMethod(t, "__next__", (a, k) => GeneratorOps.Send(Self(a, "__next__"), Value.None));
        ctx.DefMethod(t, "send", (a, k) =>
        {
            Arity(a, 2, 2, "send");
            return GeneratorOps.Send(Self(a, "send"), a[1]);
        });
        ctx.DefMethod(t, "throw", (a, k) =>
        {
            Arity(a, 2, 4, "throw");
            PyGenerator gen = Self(a, "throw");
            return GeneratorOps.Throw(gen, MakeThrown(a[1..]));
        });
        ctx.DefMethod(t, "close", (a, k) =>
        {
            GeneratorOps.Close(Self(a, "close"));
            return Value.None;
        });
        ctx.DefMethod(t, "__repr__", (a, k) => Value.Str(GeneratorOps.Repr(Self(a, "__repr__"))));
    }

    /// <summary>The attributes generators have without a namespace entry.</summary>
    public static Value Attribute(PyContext ctx, PyObject obj, string name)
    {
        switch (obj)
        {
            case PyGenerator g:
                return name switch
                {
                    "__name__" => Value.Str(g.Name),
                    "__qualname__" => Value.Str(g.QualName),
                    "gi_running" => Value.Bool(g.Progress == GeneratorState.Running),
                    "gi_suspended" => Value.Bool(g.Progress == GeneratorState.Suspended),
                    "gi_frame" => g.Progress == GeneratorState.Finished ? Value.None : FrameObject(ctx, g),
                    "gi_code" => CodeObject(ctx, g.Frame.Code),
                    "gi_yieldfrom" => g.Delegate.IsNull ? Value.None : g.Delegate.Dup(),
                    _ => default,
                };
        }

        return default;
    }

    // The same code object type compile() and f.__code__ give; its co_* attributes are DataModelAttributes'.
    private static Value CodeObject(PyContext ctx, Code code) =>
        Value.Steal(ctx.Runtime.AdoptReference(new PyCode(ctx.CodeType, code, "function")));

    // A frame object of the one frame type tracebacks also use (TracebackObjects reads its attributes): slot 0 the
    // code object, slot 1 the generator, which keeps the frame alive as long as the frame object is.
    private static Value FrameObject(PyContext ctx, PyGenerator g)
    {
        var box = new PyBox(ctx.FrameType, 2) { Native = g.Frame, Index = g.Frame.Line };
        box.Slots[0] = CodeObject(ctx, g.Frame.Code);
        box.Slots[1] = Value.New(g);
        return Value.Steal(ctx.Runtime.AdoptReference(box));
    }

    /// <summary>A new dict of a frame's named locals (<c>f_locals</c>).</summary>
    internal static Value Locals(PyContext ctx, Frame frame)
    {
        PyDict d = ctx.NewDict();
        string[] names = frame.Code.LocalNames;
        for (int i = 0; i < names.Length && i < frame.Locals.Length; i++)
        {
            if (!frame.Locals[i].IsNull && (!names[i].StartsWith('.') || names[i] == ".0"))
            {
                d.SetOwned(Value.Str(names[i]), frame.Locals[i].Dup());
            }
        }

        return Value.Steal(d);
    }

    private static PyGenerator Self(ReadOnlySpan<Value> a, string method) =>
        a.Length > 0 && a[0].Obj is PyGenerator g
            ? g
            : throw PyErr.TypeError($"descriptor '{method}' requires a 'generator' object");

    private static void Arity(ReadOnlySpan<Value> a, int min, int max, string name)
    {
        if (a.Length < min || a.Length > max)
        {
            int given = a.Length - 1;
            throw min == max
                ? PyErr.TypeError($"generator.{name}() takes exactly one argument ({given} given)")
                : PyErr.TypeError($"{name} expected at least 1 argument, got {given}");
        }
    }

    /// <summary>The exception <c>throw(type[, value[, tb]])</c> or <c>throw(instance)</c> raises, with 3.11's checks.</summary>
    private static PyException MakeThrown(ReadOnlySpan<Value> a)
    {
        PyContext ctx = PyContext.Current;
        Value typ = a[0];
        Value val = a.Length > 1 ? a[1] : Value.None;
        if (a.Length > 2 && !a[2].IsNone)
        {
            throw PyErr.TypeError("throw() third argument must be a traceback object");
        }

        if (typ.Obj is PyType t && t.IsSubtypeOf(ctx.BaseExceptionType))
        {
            if (val.Obj is PyBaseException inst && inst.Type.IsSubtypeOf(t))
            {
                return new PyException(val.Dup());
            }

            Value[] args = val.IsNone ? [] : val.Obj is PyTuple tuple ? [.. tuple.Span] : [val];
            Value made = Ops.Call(typ, args, null);
            if (made.Obj is not PyBaseException)
            {
                string n = Ops.TypeName(made);
                made.Drop();
                throw PyErr.TypeError($"calling {t.Name} should have returned an instance of BaseException, not {n}");
            }

            return new PyException(made);
        }

        if (typ.Obj is PyBaseException)
        {
            if (!val.IsNone)
            {
                throw PyErr.TypeError("instance exception may not have a separate value");
            }

            return new PyException(typ.Dup());
        }

        throw PyErr.TypeError($"exceptions must be classes or instances deriving from BaseException, not {Ops.TypeName(typ)}");
    }
}
