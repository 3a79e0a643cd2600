using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Execution;

/// <summary>
/// <c>sys.unraisablehook</c> and <c>sys.__unraisablehook__</c>: the default hook, and the call of one the program
/// installed with an <c>UnraisableHookArgs</c> object (<c>exc_type</c>, <c>exc_value</c>, <c>exc_traceback</c>,
/// <c>err_msg</c>, <c>object</c>).
/// </summary>
internal static class UnraisableHook
{
    private static readonly string[] s_fields = ["exc_type", "exc_value", "exc_traceback", "err_msg", "object"];

    /// <summary>Puts the default hook in <c>sys</c> under both names.</summary>
    public static void Install(PyContext ctx, PyDict sys)
    {
        Value hook = ctx.NewBuiltin("unraisablehook", (a, k) =>
        {
            if (a.Length != 1)
            {
                throw PyErr.TypeError($"unraisablehook() takes exactly one argument ({a.Length} given)");
            }

            if (Ops.TypeOf(a[0]) != ArgsType(ctx))
            {
                throw PyErr.TypeError("sys.unraisablehook argument type must be UnraisableHookArgs");
            }

            WriteFromArgs(ctx, a[0]);
            return Value.None;
        });
        sys.SetOwned(Value.Str("__unraisablehook__"), hook.Dup());
        sys.SetOwned(Value.Str("unraisablehook"), hook);
    }

    /// <summary>
    /// Calls <c>sys.unraisablehook</c> when the program replaced it; false when the default applies. An error in the
    /// hook itself is reported with the default format, as CPython does, and the original error is dropped.
    /// </summary>
    public static bool TryCallInstalled(PyContext ctx, PyException e, Value obj, string? errMsg)
    {
        if (ctx.Modules.Get("sys").Obj is not PyModule { Dict: { } sys })
        {
            return false;
        }

        Value hook = sys.Get("unraisablehook");
        if (hook.IsNull || hook.IsNone || hook.Is(sys.Get("__unraisablehook__")))
        {
            return false;
        }

        hook = hook.Dup();
        Value args = NewArgs(ctx, e.Exc, obj, errMsg);
        try
        {
            Ops.Call(hook, [args], null).Drop();
        }
        catch (PyException hookError)
        {
            Unraisable.WriteDefault(ctx, Unraisable.Header("Exception ignored in sys.unraisablehook", hook), hookError.Exc);
            hookError.Exc.Drop();
        }
        finally
        {
            args.Drop();
            hook.Drop();
        }

        return true;
    }

    private static Value NewArgs(PyContext ctx, Value exc, Value obj, string? errMsg)
    {
        var args = ctx.Runtime.AdoptReference(new PyObject(ArgsType(ctx)));
        args.EnableAttributes();
        var be = exc.Obj as PyBaseException;
        args.TrySetAttribute("exc_type", Value.New(Ops.TypeOf(exc)));
        args.TrySetAttribute("exc_value", exc.Dup());
        // Through the attribute, so that a traceback object made on demand is the one the program sees.
        Value tb = be is null ? default : Ops.TryGetAttr(exc, "__traceback__");
        args.TrySetAttribute("exc_traceback", tb.IsNull ? Value.None : tb);
        args.TrySetAttribute("err_msg", errMsg is null ? Value.None : Value.Str(errMsg));
        args.TrySetAttribute("object", obj.IsNull ? Value.None : obj.Dup());
        return Value.Steal(args);
    }

    // The default hook on an args object a program built or passed along (sys.__unraisablehook__(u)).
    private static void WriteFromArgs(PyContext ctx, Value args)
    {
        var o = (PyObject)args.Obj!;
        Value errMsg = o.GetAttribute("err_msg");
        string header = Unraisable.Header(errMsg.Obj as string, o.GetAttribute("object"));
        Unraisable.WriteDefault(ctx, header, o.GetAttribute("exc_value"));
    }

    private static PyType ArgsType(PyContext ctx)
    {
        if (ctx.UnraisableHookArgsType is { } t)
        {
            return t;
        }

        t = ctx.Runtime.AdoptReference(new PyType(ctx.TypeType, "UnraisableHookArgs", isHeap: false));
        t.SetBases([ctx.ObjectType]);
        ctx.DefMethod(t, "__repr__", (a, k) =>
        {
            var o = (PyObject)a[0].Obj!;
            IEnumerable<string> parts = s_fields.Select(f => f + "=" + Ops.Repr(o.GetAttribute(f) is { IsNull: false } v ? v : Value.None));
            return Value.Str("UnraisableHookArgs(" + string.Join(", ", parts) + ")");
        });
        ctx.UnraisableHookArgsType = t;
        return t;
    }
}
