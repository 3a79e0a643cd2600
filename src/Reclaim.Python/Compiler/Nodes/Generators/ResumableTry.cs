using Reclaim.Python.Execution;
using Reclaim.Python.Execution.Traceback;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Compiler.Nodes;

/// <summary>The resume points and hidden slots of a <see cref="ResumableTry"/>.</summary>
/// <param name="Phase">Resume point: 0 body, 1+i handler i, handlers+1 else, handlers+2 finally.</param>
/// <param name="Pending">Resume point: the <see cref="Flow"/> the finally block continues with.</param>
/// <param name="Body">Resume point of the body block.</param>
/// <param name="Handlers">Resume point of each handler's block.</param>
/// <param name="Else">Resume point of the else block.</param>
/// <param name="Finally">Resume point of the finally block.</param>
/// <param name="HandledSlot">Hidden local: the exception a handler is handling (owned while it runs or is suspended).</param>
/// <param name="PendingSlot">Hidden local: the exception the finally block re-raises when it ends.</param>
internal sealed record TryPoints(int Phase, int Pending, int Body, int[] Handlers, int Else, int Finally, int HandledSlot, int PendingSlot);

/// <summary>
/// <c>try</c>/<c>except</c>/<c>else</c>/<c>finally</c> in a generator. The exception a suspended handler handles and
/// the exception a suspended finally block will re-raise live in hidden locals, so they are the frame's references
/// (freed with it) and <c>sys.exc_info()</c> is restored when the generator resumes inside a handler.
/// </summary>
internal sealed class ResumableTry(StmtNode[] body, Handler[] handlers, StmtNode[] orelse, StmtNode[] finalbody, TryPoints p) : StmtNode
{
    public override Flow Exec(Frame frame)
    {
        PyGenerator gen = frame.Generator!;
        int finallyPhase = handlers.Length + 2;
        int phase = 0;
        if (gen.Resuming)
        {
            phase = gen.ResumePoints[p.Phase];
        }
        else
        {
            gen.ResumePoints[p.Phase] = 0;
        }

        if (phase < finallyPhase)
        {
            Flow result;
            try
            {
                result = TryExcept(frame, gen, phase);
            }
            catch (PyException e) when (finalbody.Length > 0)
            {
                Value old = frame.Locals[p.PendingSlot];
                frame.Locals[p.PendingSlot] = e.Exc;
                old.Drop();
                result = Flow.Normal;
            }

            if (result == Flow.Yield || finalbody.Length == 0)
            {
                return result;
            }

            gen.ResumePoints[p.Phase] = finallyPhase;
            gen.ResumePoints[p.Pending] = (int)result;
        }

        return Finally(frame, gen);
    }

    private Flow Finally(Frame frame, PyGenerator gen)
    {
        PyContext ctx = PyContext.Current;
        Value pending = frame.Locals[p.PendingSlot];
        Value saved = ctx.HandledException;
        Flow f;
        try
        {
            if (!pending.IsNull)
            {
                ctx.HandledException = pending;
            }

            f = Resumable.RunFrom(finalbody, frame, gen, p.Finally);
        }
        catch (PyException e) when (!frame.Locals[p.PendingSlot].IsNull)
        {
            Value exc = Resumable.Take(frame, p.PendingSlot);
            Raising.SetContext(e, exc);
            exc.Drop();
            throw;
        }
        finally
        {
            ctx.HandledException = saved;
        }

        if (f == Flow.Yield)
        {
            return f;
        }

        Value raised = Resumable.Take(frame, p.PendingSlot);
        if (f != Flow.Normal)
        {
            raised.Drop();
            return f;
        }

        if (!raised.IsNull)
        {
            throw new PyException(raised);
        }

        return (Flow)gen.ResumePoints[p.Pending];
    }

    private Flow TryExcept(Frame frame, PyGenerator gen, int phase)
    {
        if (phase == handlers.Length + 1)
        {
            return Resumable.RunFrom(orelse, frame, gen, p.Else);
        }

        if (phase > 0)
        {
            return RunHandler(frame, gen, phase - 1);
        }

        if (handlers.Length == 0)
        {
            return Resumable.RunFrom(body, frame, gen, p.Body);
        }

        PyException caught;
        try
        {
            Flow f = Resumable.RunFrom(body, frame, gen, p.Body);
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

        gen.ResumePoints[p.Phase] = handlers.Length + 1;
        return Resumable.RunFrom(orelse, frame, gen, p.Else);

    handle:
        Value exc = caught.Exc;
        TracebackRecorder.RecordLine(caught, frame);
        int i = ExceptHandlers.Find(handlers, frame, exc);
        if (i >= 0)
        {
            Handler h = handlers[i];
            Value old = frame.Locals[p.HandledSlot];
            frame.Locals[p.HandledSlot] = exc;
            old.Drop();
            gen.ResumePoints[p.Phase] = 1 + i;
            try
            {
                h.Name?.Store(frame, exc.Dup());
            }
            catch
            {
                Resumable.Clear(frame, p.HandledSlot);
                throw;
            }

            return RunHandler(frame, gen, i);
        }

        // Not handled here: the traceback already has this frame's entry, so it travels on unchanged.
        throw caught;
    }

    private Flow RunHandler(Frame frame, PyGenerator gen, int index)
    {
        PyContext ctx = PyContext.Current;
        Handler h = handlers[index];
        Value exc = frame.Locals[p.HandledSlot];
        Value saved = ctx.HandledException;
        ctx.HandledException = exc;
        bool suspended = false;
        try
        {
            Flow f = Resumable.RunFrom(h.Body, frame, gen, p.Handlers[index]);
            suspended = f == Flow.Yield;
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
            if (!suspended)
            {
                ExceptHandlers.Unbind(h, frame);
                Resumable.Clear(frame, p.HandledSlot);
            }
        }
    }
}
