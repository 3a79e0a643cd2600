using Reclaim.Python.Execution;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Modules;

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
