using Reclaim.Python.Execution;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Compiler.Nodes;

/// <summary>
/// The context-manager protocol of a <c>with</c> statement, shared by <see cref="WithStatement"/> and the generator
/// form <see cref="ResumableWith"/> (which keeps the bound <c>__exit__</c> in a hidden local while it is suspended).
/// </summary>
internal static class WithProtocol
{
    /// <summary>
    /// Evaluates the manager, binds its <c>__exit__</c>, calls <c>__enter__</c> and stores the result in
    /// <paramref name="target"/> (or drops it). Returns the bound <c>__exit__</c> (owned); on any failure nothing is kept.
    /// </summary>
    public static Value Enter(ExprNode manager, Target? target, Frame frame)
    {
        Value mgr = manager.Eval(frame);
        try
        {
            PyType t = Ops.TypeOf(mgr);
            Value enterFn = t.Lookup("__enter__");
            Value exitFn = t.Lookup("__exit__");
            if (enterFn.IsNull)
            {
                throw PyErr.TypeError($"'{t.Name}' object does not support the context manager protocol");
            }

            if (exitFn.IsNull)
            {
                throw PyErr.TypeError($"'{t.Name}' object does not support the context manager protocol (missed __exit__ method)");
            }

            Value exit = Ops.Bind(exitFn, mgr, t);
            try
            {
                Value entered = Ops.CallMethod(enterFn, mgr, []);
                if (target is null)
                {
                    entered.Drop();
                }
                else
                {
                    target.Store(frame, entered);
                }
            }
            catch
            {
                exit.Drop();
                throw;
            }

            return exit;
        }
        finally
        {
            mgr.Drop();
        }
    }

    /// <summary>
    /// The body raised <paramref name="e"/>: calls <c>__exit__(type, exc, None)</c> with the exception as the one being
    /// handled, and releases <paramref name="exit"/>. True when <c>__exit__</c> suppressed it (the exception is then
    /// released); an exception from <c>__exit__</c> itself propagates with <paramref name="e"/> as its context.
    /// </summary>
    public static bool ExitWithException(Value exit, PyException e)
    {
        PyContext ctx = PyContext.Current;
        Value exc = e.Exc;
        Value saved = ctx.HandledException;
        ctx.HandledException = exc;
        bool suppress;
        try
        {
            Value r = Ops.Call(exit, [Value.Steal(Ops.TypeOf(exc)), exc, Value.None], null);
            suppress = Ops.IsTrue(r);
            r.Drop();
        }
        catch (PyException inner)
        {
            Raising.SetContext(inner, exc);
            exc.Drop();
            throw;
        }
        finally
        {
            ctx.HandledException = saved;
            exit.Drop();
        }

        if (suppress)
        {
            exc.Drop();
        }

        return suppress;
    }

    /// <summary>The body finished: calls <c>__exit__(None, None, None)</c> and releases <paramref name="exit"/>.</summary>
    public static void ExitNormally(Value exit)
    {
        try
        {
            Ops.Call(exit, [Value.None, Value.None, Value.None], null).Drop();
        }
        finally
        {
            exit.Drop();
        }
    }
}
