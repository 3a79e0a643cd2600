using Reclaim.Python.Execution;
using Reclaim.Python.Execution.Traceback;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Modules;

/// <summary>BaseException's methods: <c>__init__</c>, <c>__str__</c>, <c>__repr__</c>, <c>with_traceback</c>.</summary>
internal static class ExceptionMethods
{
    /// <summary>Installs them.</summary>
    public static void Install(PyContext ctx)
    {
        PyType b = ctx.BaseExceptionType;
        ctx.DefMethod(b, "__init__", (a, k) =>
        {
            if (a[0].Obj is PyBaseException e)
            {
                PyBaseException.Replace(ref e.Args, ctx.NewTupleOf(a[1..]));
            }

            return Value.None;
        });
        ctx.DefMethod(b, "__str__", (a, k) =>
        {
            var e = (PyBaseException)a[0].Obj!;
            if (e.Args.Obj is not PyTuple t || t.Count == 0)
            {
                return Value.Str(string.Empty);
            }

            if (e.Type.IsSubtypeOf(ctx.ExceptionType("OSError")) && Io.OsErrors.Describe(a[0]) is { } os)
            {
                return Value.Str(os);
            }

            if (e.Type.IsSubtypeOf(ctx.ExceptionType("KeyError")) && t.Count == 1)
            {
                return Value.Str(Ops.Repr(t.Items[0]));
            }

            return Value.Str(t.Count == 1 ? Ops.StrOf(t.Items[0]) : Ops.Repr(e.Args));
        });
        ctx.DefMethod(b, "__repr__", (a, k) =>
        {
            var e = (PyBaseException)a[0].Obj!;
            string args = e.Args.Obj is PyTuple { Count: 1 } t1 ? "(" + Ops.Repr(t1.Items[0]) + ")" : Ops.Repr(e.Args);
            return Value.Str(e.Type.Name + args);
        });
        ctx.DefMethod(b, "add_note", (a, k) =>
        {
            if (a.Length != 2)
            {
                throw PyErr.TypeError($"BaseException.add_note() takes exactly one argument ({a.Length - 1} given)");
            }

            if (a[1].Obj is not string)
            {
                throw PyErr.TypeError($"note must be a str, not '{Ops.TypeName(a[1])}'");
            }

            Value notes = Ops.TryGetAttr(a[0], "__notes__");
            if (notes.IsNull)
            {
                notes = Value.Steal(ctx.NewList());
                Ops.SetAttr(a[0], "__notes__", notes);
            }

            try
            {
                if (notes.Obj is not PyList list)
                {
                    throw PyErr.TypeError("Cannot add note: __notes__ is not a list");
                }

                list.Append(a[1].Dup());
            }
            finally
            {
                notes.Drop();
            }

            return Value.None;
        });
        ctx.DefMethod(b, "with_traceback", (a, k) =>
        {
            var e = (PyBaseException)a[0].Obj!;
            TracebackObjects.Set(e, a[1]);
            return a[0].Dup();
        });
    }
}
