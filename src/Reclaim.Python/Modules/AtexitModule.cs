using Reclaim.Python.Execution;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Modules;

/// <summary>
/// <c>atexit</c>, as CPython 3.11's: callbacks run last-registered first; one registered while they run is not
/// called (the run covers the callbacks that existed when it started) and every entry is forgotten afterwards;
/// <c>unregister</c> empties an entry without moving the others, so <c>_ncallbacks</c> still counts it.
/// </summary>
internal static class AtexitModule
{
    /// <summary>
    /// Registers the callback a CPython started with its <c>site</c> module already has (the suite's programs run
    /// that way, so <c>atexit._ncallbacks()</c> counts it); it does nothing.
    /// </summary>
    public static void RegisterStartupCallback(PyContext ctx) =>
        ctx.AtExit.Add((ctx.NewBuiltin("_site_exit", (a, k) => Value.None), ctx.NewTuple([]), default));

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

            if (!WeakReferenceability.IsCallable(ctx, a[0]))
            {
                throw PyErr.TypeError("the first argument must be callable");
            }

            ctx.AtExit.Add((a[0].Dup(), ctx.NewTupleOf(a[1..]), k is null ? default : Value.New(k)));
            return a[0].Dup();
        });
        BuiltinModules.Def(ctx, m, "unregister", (a, k) =>
        {
            for (int i = ctx.AtExit.Count - 1; i >= 0; i--)
            {
                if (!ctx.AtExit[i].Function.IsNull && Ops.RichBool(ctx.AtExit[i].Function, a[0], CompareOp.Eq))
                {
                    Forget(ctx, i);
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
            Clear(ctx);
            return Value.None;
        });
        BuiltinModules.Def(ctx, m, "_ncallbacks", (a, k) => Value.Int(ctx.AtExit.Count));
        return Value.Steal(m);
    }

    /// <summary>Runs the registered functions, newest first, then forgets every entry; errors (SystemExit included)
    /// are reported as CPython reports them.</summary>
    public static void RunExitFunctions(PyContext ctx)
    {
        for (int i = ctx.AtExit.Count - 1; i >= 0; i--)
        {
            if (i >= ctx.AtExit.Count)
            {
                continue;
            }

            // The entry keeps its own references while it runs: the callback may unregister itself.
            (Value f, Value args, Value kw) = ctx.AtExit[i];
            if (f.IsNull)
            {
                continue;
            }

            f = f.Dup();
            args = args.Dup();
            kw = kw.Dup();
            try
            {
                Ops.Call(f, ((PyTuple)args.Obj!).Span, kw.Obj as PyDict).Drop();
            }
            catch (PyException e)
            {
                Unraisable.Report(ctx, e, f, "Exception ignored in atexit callback");
            }
            finally
            {
                f.Drop();
                args.Drop();
                kw.Drop();
            }
        }

        Clear(ctx);
    }

    private static void Clear(PyContext ctx)
    {
        while (ctx.AtExit.Count > 0)
        {
            Forget(ctx, ctx.AtExit.Count - 1);
            ctx.AtExit.RemoveAt(ctx.AtExit.Count - 1);
        }
    }

    private static void Forget(PyContext ctx, int i)
    {
        (Value f, Value args, Value kw) = ctx.AtExit[i];
        ctx.AtExit[i] = default;
        f.Drop();
        args.Drop();
        kw.Drop();
    }
}
