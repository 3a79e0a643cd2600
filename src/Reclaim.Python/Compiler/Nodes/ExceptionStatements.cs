using Reclaim.Python.Execution;
using Reclaim.Python.Execution.Traceback;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Compiler.Nodes;

/// <summary>One <c>except Type as name:</c> clause.</summary>
internal sealed record Handler(ExprNode? Type, Target? Name, StmtNode[] Body);

/// <summary><c>try</c> with handlers, <c>else</c> and <c>finally</c>.</summary>
internal sealed class TryStatement(StmtNode[] body, Handler[] handlers, StmtNode[] orelse, StmtNode[] finalbody) : StmtNode
{
    public override Flow Exec(Frame frame)
    {
        Flow result;
        PyException? pending = null;
        try
        {
            result = TryExcept(frame);
        }
        catch (PyException e) when (finalbody.Length > 0)
        {
            pending = e;
            result = Flow.Normal;
        }

        if (finalbody.Length == 0)
        {
            return result;
        }

        PyContext ctx = PyContext.Current;
        if (result == Flow.Raise)
        {
            pending = ctx.TakeInFlight();
            result = Flow.Normal;
        }

        Value saved = ctx.HandledException;
        Flow f2;
        try
        {
            if (pending is not null)
            {
                ctx.HandledException = pending.Exc;
            }

            f2 = RunRaising(finalbody, frame);
        }
        catch (PyException e) when (pending is not null)
        {
            Raising.SetContext(e, pending.Exc);
            pending.Exc.Drop();
            throw;
        }
        finally
        {
            ctx.HandledException = saved;
        }

        if (f2 == Flow.Raise && pending is not null)
        {
            PyException raised = ctx.TakeInFlight();
            Raising.SetContext(raised, pending.Exc);
            pending.Exc.Drop();
            ctx.InFlight = raised;
            return Flow.Raise;
        }

        if (f2 != Flow.Normal)
        {
            pending?.Exc.Drop();
            return f2;
        }

        if (pending is not null)
        {
            ctx.InFlight = pending;
            return Flow.Raise;
        }

        return result;
    }

    private Flow TryExcept(Frame frame)
    {
        if (handlers.Length == 0)
        {
            return RunRaising(body, frame);
        }

        PyException caught;
        try
        {
            Flow f = RunRaising(body, frame);
            if (f == Flow.Raise)
            {
                caught = PyContext.Current.TakeInFlight();
                goto handle;
            }

            if (f != Flow.Normal)
            {
                return f;
            }
        }
        catch (PyException e)
        {
            caught = e;
            goto handle;
        }

        return RunRaising(orelse, frame);

    handle:
        PyContext ctx = PyContext.Current;
        Value exc = caught.Exc;
        TracebackRecorder.RecordLine(caught, frame);
        int index = ExceptHandlers.Find(handlers, frame, exc);
        if (index >= 0)
        {
            Handler h = handlers[index];
            Value saved = ctx.HandledException;
            ctx.HandledException = exc;
            try
            {
                h.Name?.Store(frame, exc.Dup());
                Flow f = RunRaising(h.Body, frame);
                if (f == Flow.Raise && ctx.InFlight is { } inner && !inner.Exc.Is(exc))
                {
                    Raising.SetContext(inner, exc);
                }

                return f;
            }
            catch (PyException inner) when (!inner.Exc.Is(exc))
            {
                Raising.SetContext(inner, exc);
                throw;
            }
            finally
            {
                ctx.HandledException = saved;
                ExceptHandlers.Unbind(h, frame);
                exc.Drop();
            }
        }

        // Not handled here: the traceback already has this frame's entry, so it travels on unchanged.
        ctx.InFlight = caught;
        return Flow.Raise;
    }

    /// <summary>Whether <paramref name="exc"/> matches the class (or tuple of classes) <paramref name="typeNode"/> evaluates to.</summary>
    internal static bool Matches(ExprNode typeNode, Frame frame, Value exc)
    {
        Value t = typeNode.Eval(frame);
        try
        {
            PyType et = Ops.TypeOf(exc);
            if (t.Obj is PyTuple tuple)
            {
                foreach (Value x in tuple.Span)
                {
                    if (Check(x, et))
                    {
                        return true;
                    }
                }

                return false;
            }

            return Check(t, et);
        }
        finally
        {
            t.Drop();
        }
    }

    private static bool Check(Value t, PyType et)
    {
        if (t.Obj is not PyType type || !type.IsSubtypeOf(PyContext.Current.BaseExceptionType))
        {
            throw PyErr.TypeError("catching classes that do not inherit from BaseException is not allowed");
        }

        return et.IsSubtypeOf(type);
    }
}

/// <summary><c>raise</c>, <c>raise E</c>, <c>raise E from C</c>.</summary>
internal sealed class RaiseStatement(ExprNode? exc, ExprNode? cause) : StmtNode
{
    public override Flow Exec(Frame frame)
    {
        PyContext ctx = PyContext.Current;
        if (exc is null)
        {
            Value current = ctx.HandledException;
            if (current.IsNull)
            {
                throw PyErr.Make("RuntimeError", "No active exception to reraise");
            }

            ctx.InFlight = TracebackRecorder.Reraise(new PyException(current.Dup()), frame);
            return Flow.Raise;
        }

        Value e = Raising.Instantiate(exc.Eval(frame));
        if (cause is not null)
        {
            Value c = cause.Eval(frame);
            if (c.Obj is PyType)
            {
                c = Raising.Instantiate(c);
            }
            else if (!c.IsNone && c.Obj is not PyBaseException)
            {
                c.Drop();
                e.Drop();
                throw PyErr.TypeError("exception causes must derive from BaseException");
            }

            var be = (PyBaseException)e.Obj!;
            PyBaseException.Replace(ref be.Cause, c);
            be.SuppressContext = true;
        }

        var ex = new PyException(e);
        if (!ctx.HandledException.IsNull)
        {
            Raising.SetContext(ex, ctx.HandledException);
        }

        TracebackRecorder.Record(ex, frame, Span);
        ctx.InFlight = ex;
        return Flow.Raise;
    }
}

/// <summary>Helpers for raising: instantiating classes and chaining <c>__context__</c>.</summary>
internal static class Raising
{
    /// <summary>Turns a raised class into an instance; takes over <paramref name="owned"/>.</summary>
    public static Value Instantiate(Value owned)
    {
        PyContext ctx = PyContext.Current;
        if (owned.Obj is PyType t)
        {
            if (!t.IsSubtypeOf(ctx.BaseExceptionType))
            {
                owned.Drop();
                throw PyErr.TypeError("exceptions must derive from BaseException");
            }

            try
            {
                Value inst = Ops.Call(owned, [], null);
                if (inst.Obj is not PyBaseException)
                {
                    string n = Ops.TypeName(inst);
                    inst.Drop();
                    throw PyErr.TypeError($"calling {t.Name} should have returned an instance of BaseException, not {n}");
                }

                return inst;
            }
            finally
            {
                owned.Drop();
            }
        }

        if (owned.Obj is not PyBaseException)
        {
            owned.Drop();
            throw PyErr.TypeError("exceptions must derive from BaseException");
        }

        return owned;
    }

    /// <summary>Sets the new exception's <c>__context__</c> to the one being handled (unless that would loop).</summary>
    public static void SetContext(PyException raised, Value handled)
    {
        if (handled.IsNull || raised.Exc.Is(handled))
        {
            return;
        }

        PyBaseException e = raised.Object;
        if (!e.Context.IsNull && !e.Context.IsNone)
        {
            return;
        }

        // Break a cycle the new context would close, as CPython does.
        for (Value c = handled; c.Obj is PyBaseException ce; c = ce.Context)
        {
            if (ce.Context.Is(raised.Exc))
            {
                PyBaseException.Replace(ref ce.Context, default);
                break;
            }
        }

        PyBaseException.Replace(ref e.Context, handled.Dup());
    }
}

/// <summary><c>with a as x, b as y:</c> (one manager per node; several items nest).</summary>
internal sealed class WithStatement(ExprNode manager, Target? target, StmtNode[] body) : StmtNode
{
    public override Flow Exec(Frame frame)
    {
        Value exit = WithProtocol.Enter(manager, target, frame);
        Flow result;
        try
        {
            result = Run(body, frame);
        }
        catch (PyException e)
        {
            if (WithProtocol.ExitWithException(exit, e))
            {
                return Flow.Normal;
            }

            throw;
        }

        WithProtocol.ExitNormally(exit);
        return result;
    }
}
