using Reclaim.Python.Execution;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Compiler.Nodes;

/// <summary>
/// <c>with</c> in a generator: the bound <c>__exit__</c> lives in hidden local <paramref name="exitSlot"/> while the
/// body is suspended, so closing the generator at a yield inside runs <c>__exit__</c> with GeneratorExit.
/// </summary>
internal sealed class ResumableWith(ExprNode manager, Target? target, StmtNode[] body, int exitSlot, int bodyPoint) : StmtNode
{
    public override Flow Exec(Frame frame)
    {
        PyGenerator gen = frame.Generator!;
        if (!gen.Resuming)
        {
            Enter(frame);
        }

        PyContext ctx = PyContext.Current;
        Flow result;
        try
        {
            result = Resumable.RunFrom(body, frame, gen, bodyPoint);
        }
        catch (PyException e)
        {
            Value exit = Resumable.Take(frame, exitSlot);
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
                return Flow.Normal;
            }

            throw;
        }

        if (result == Flow.Yield)
        {
            return result;
        }

        Value done = Resumable.Take(frame, exitSlot);
        try
        {
            Ops.Call(done, [Value.None, Value.None, Value.None], null).Drop();
        }
        finally
        {
            done.Drop();
        }

        return result;
    }

    private void Enter(Frame frame)
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
            Value entered;
            try
            {
                entered = Ops.CallMethod(enterFn, mgr, []);
            }
            catch
            {
                exit.Drop();
                throw;
            }

            Value old = frame.Locals[exitSlot];
            frame.Locals[exitSlot] = exit;
            old.Drop();
            if (target is null)
            {
                entered.Drop();
            }
            else
            {
                try
                {
                    target.Store(frame, entered);
                }
                catch
                {
                    Resumable.Clear(frame, exitSlot);
                    throw;
                }
            }
        }
        finally
        {
            mgr.Drop();
        }
    }
}
