using Reclaim.Python.Compiler;
using Reclaim.Python.Compiler.Nodes;
using Reclaim.Python.Execution.Traceback;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Execution;

/// <summary>How one resumption of a generator ended.</summary>
internal enum GeneratorStep
{
    /// <summary>The body yielded; the result is the yielded value.</summary>
    Yielded,

    /// <summary>The body returned (or was already finished); the result is the return value.</summary>
    Returned,
}

/// <summary>
/// Runs generators: creation from a called function, one resumption (<see cref="Step"/>), and the protocol built on
/// it (<c>send</c>, <c>throw</c>, <c>close</c>, finalisation). A resumption re-enters the body's node tree with
/// <see cref="PyGenerator.Resuming"/> set; each resumable node descends to its saved point and the yield the
/// generator stopped at takes the sent value (or raises the thrown exception), so no thread or stack is kept per
/// generator.
/// </summary>
internal static class GeneratorOps
{
    /// <summary>Makes the generator a call of a generator function returns, over its bound frame (new reference).</summary>
    public static Value Create(PyFunction f, Frame frame)
    {
        PyContext ctx = PyContext.Current;
        var gen = new PyGenerator(ctx.GeneratorType, frame, f, f.Name, f.QualName);
        return Value.Steal(ctx.Runtime.AdoptReference(gen));
    }

    /// <summary>Makes a generator expression's generator over its frame; it holds the globals its frame reads.</summary>
    public static Value CreateForExpression(Frame frame)
    {
        PyContext ctx = PyContext.Current;
        var gen = new PyGenerator(ctx.GeneratorType, frame, frame.Globals, frame.Code.Name, frame.Code.QualName);
        return Value.Steal(ctx.Runtime.AdoptReference(gen));
    }

    /// <summary>
    /// Resumes <paramref name="gen"/> once with <paramref name="sent"/> (borrowed) or with <paramref name="thrown"/>
    /// raised at the yield; <paramref name="result"/> is the yielded or returned value (owned). Exceptions that leave
    /// the body propagate (a <c>StopIteration</c> turned into <c>RuntimeError</c>, PEP 479).
    /// </summary>
    public static GeneratorStep Step(PyGenerator gen, Value sent, PyException? thrown, out Value result)
    {
        result = default;
        switch (gen.Progress)
        {
            case GeneratorState.Running:
                thrown?.Exc.Drop();
                throw PyErr.ValueError("generator already executing");
            case GeneratorState.Finished:
                if (thrown is not null)
                {
                    throw thrown;
                }

                result = Value.None;
                return GeneratorStep.Returned;
            case GeneratorState.Created when thrown is not null:
                // Raised before the first line runs: the traceback names the def line, as CPython's does.
                Frame f0 = gen.Frame;
                TracebackRecorder.Record(thrown, f0, SourceSpan.LineOnly(f0.Code.FirstLine));
                gen.ReleaseFrame();
                throw thrown;
            case GeneratorState.Created when !sent.IsNone:
                throw PyErr.TypeError("can't send non-None value to a just-started generator");
        }

        PyContext ctx = PyContext.Current;
        Frame frame = gen.Frame;
        if (ctx.Depth >= ctx.RecursionLimit)
        {
            thrown?.Exc.Drop();
            throw PyErr.Make("RecursionError", "maximum recursion depth exceeded");
        }

        gen.Resuming = gen.Progress == GeneratorState.Suspended;
        gen.Progress = GeneratorState.Running;
        gen.Sent = sent;
        gen.Throwing = thrown;
        gen.YieldFromSlot = -1;
        frame.Back = ctx.TopFrame;
        ctx.TopFrame = frame;
        ctx.Depth++;

        // An exception on its way out of an outer frame (a __del__ or callback may be resuming us) waits here.
        PyException? outer = ctx.InFlight;
        ctx.InFlight = null;
        try
        {
            Flow flow = Resumable.RunFrom(frame.Code.Body, frame, gen, 0);
            if (flow == Flow.Yield)
            {
                gen.Progress = GeneratorState.Suspended;
                result = gen.Yielded;
                gen.Yielded = default;
                return GeneratorStep.Yielded;
            }

            Value r = frame.ReturnValue;
            frame.ReturnValue = default;
            result = r.IsNull ? Value.None : r;
            gen.ReleaseFrame();
            return GeneratorStep.Returned;
        }
        catch (PyException e)
        {
            TracebackRecorder.RecordLine(e, frame);
            gen.Throwing?.Exc.Drop();
            gen.Throwing = null;
            gen.ReleaseFrame();
            if (e.Object.Type.IsSubtypeOf(ctx.ExceptionType("StopIteration")))
            {
                throw StopIterationInside(e);
            }

            throw;
        }
        finally
        {
            gen.Sent = default;
            gen.Resuming = false;
            ctx.Depth--;
            ctx.TopFrame = frame.Back;
            frame.Back = null;
            ctx.InFlight = outer;
        }
    }

    /// <summary><c>next(gen)</c> for loops: false (the return value dropped) when it finished.</summary>
    public static bool Next(PyGenerator gen, out Value item)
    {
        if (Step(gen, Value.None, null, out item) == GeneratorStep.Yielded)
        {
            return true;
        }

        item.Drop();
        item = default;
        return false;
    }

    /// <summary><c>gen.send(v)</c>: the yielded value, or <c>StopIteration(return value)</c>.</summary>
    public static Value Send(PyGenerator gen, Value sent)
    {
        if (Step(gen, sent, null, out Value r) == GeneratorStep.Yielded)
        {
            return r;
        }

        throw StopWith(r);
    }

    /// <summary><c>gen.throw(exc)</c> with an exception already made: the next yielded value, or StopIteration.</summary>
    public static Value Throw(PyGenerator gen, PyException exc)
    {
        if (Step(gen, Value.None, exc, out Value r) == GeneratorStep.Yielded)
        {
            return r;
        }

        throw StopWith(r);
    }

    /// <summary><c>gen.close()</c>: GeneratorExit at the yield; a generator that yields instead is a RuntimeError.</summary>
    public static void Close(PyGenerator gen)
    {
        if (gen.Progress == GeneratorState.Created)
        {
            gen.ReleaseFrame();
            return;
        }

        if (gen.Progress == GeneratorState.Finished)
        {
            return;
        }

        PyContext ctx = PyContext.Current;
        GeneratorStep step;
        Value r;
        try
        {
            step = Step(gen, Value.None, PyErr.Make("GeneratorExit", null), out r);
        }
        catch (PyException e) when (e.Object.Type.IsSubtypeOf(ctx.ExceptionType("GeneratorExit")))
        {
            e.Exc.Drop();
            return;
        }

        r.Drop();
        if (step == GeneratorStep.Yielded)
        {
            throw PyErr.Make("RuntimeError", "generator ignored GeneratorExit");
        }
    }

    /// <summary>The finalizer: a suspended generator is closed; what close raises is reported as unraisable.</summary>
    public static void Finalize(PyGenerator gen)
    {
        if (gen.Progress != GeneratorState.Suspended)
        {
            return;
        }

        PyContext ctx = PyContext.Current;
        try
        {
            Close(gen);
        }
        catch (PyException e)
        {
            // CPython's default unraisable hook prints the traceback and the exception only (no chain), and an
            // exception raised outside any Python frame gets the frame that was running when the generator died.
            PyBaseException exc = e.Object;
            PyBaseException.Replace(ref exc.Context, default);
            PyBaseException.Replace(ref exc.Cause, default);
            if (exc.Entries.Count == 0 && ctx.TopFrame is { } top)
            {
                exc.Entries.Add(top.DeletingSpan.Line == top.Line
                    ? new TracebackEntry(top.Code.FileName, top.Code.Name, top.DeletingSpan)
                    : (top.Code.FileName, top.Line, top.Code.Name));
            }

            Unraisable.Report(ctx, "Exception ignored in: " + Repr(gen), e);
        }
    }

    /// <summary><c>&lt;generator object f at 0x…&gt;</c>.</summary>
    public static string Repr(PyGenerator gen) => $"<generator object {gen.QualName} at {Ops.Address(Value.Steal(gen))}>";

    /// <summary>A StopIteration carrying a generator's return value (taken over).</summary>
    public static PyException StopWith(Value owned)
    {
        PyException stop = PyErr.StopIteration(owned);
        owned.Drop();
        return stop;
    }

    private static PyException StopIterationInside(PyException e)
    {
        PyException runtime = PyErr.Make("RuntimeError", "generator raised StopIteration");
        PyBaseException r = runtime.Object;
        PyBaseException.Replace(ref r.Cause, e.Exc.Dup());
        PyBaseException.Replace(ref r.Context, e.Exc);
        r.SuppressContext = true;
        return runtime;
    }
}
