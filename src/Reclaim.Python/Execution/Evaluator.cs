using System.Runtime.CompilerServices;
using Reclaim.Python.Compiler;
using Reclaim.Python.Execution.Traceback;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Execution;

/// <summary>Calls Python functions: binds arguments to slots, runs the body, clears the frame as CPython does.</summary>
internal static class Evaluator
{
    /// <summary>Calls <paramref name="f"/> with borrowed arguments; returns a new reference.</summary>
    public static Value CallFunction(PyFunction f, ReadOnlySpan<Value> args, PyDict? kwargs)
    {
        Code code = f.Code;
        var frame = Frame.Rent(code, f.Globals!);
        try
        {
            ArgumentBinder.Bind(f, frame, args, kwargs);
        }
        catch
        {
            frame.Clear();
            throw;
        }

        return Start(f, frame);
    }

    /// <summary>
    /// Calls <paramref name="f"/> with <paramref name="self"/> then <paramref name="args"/> (all borrowed), when
    /// <see cref="Code.BindsDirectly"/> holds for them: the slots are filled without an argument array. With
    /// <paramref name="raising"/>, an exception leaving the function comes back as a null value with the exception in
    /// <see cref="PyContext.InFlight"/> (see <see cref="Start(PyFunction, Frame, bool)"/>).
    /// </summary>
    public static Value CallWithSelf(PyFunction f, Value self, ReadOnlySpan<Value> args, bool raising = false)
    {
        Code code = f.Code;
        var frame = Frame.Rent(code, f.Globals!);
        Value[] locals = frame.Locals;
        locals[0] = self.Dup();
        int n = 1;
        foreach (Value a in args)
        {
            locals[n++] = a.Dup();
        }

        int firstDefault = code.PositionalNames.Length - f.Defaults.Length;
        for (; n < code.PositionalNames.Length; n++)
        {
            locals[n] = f.Defaults[n - firstDefault].Dup();
        }

        return Start(f, frame, raising);
    }

    /// <summary>
    /// Runs <paramref name="f"/> in <paramref name="frame"/>, whose parameter slots hold the arguments (owned: a call
    /// moves its arguments into the frame, as 3.11 does, so <c>del</c> of a parameter can free its object).
    /// Returns a new reference.
    /// </summary>
    public static Value Start(PyFunction f, Frame frame) => Start(f, frame, raising: false);

    /// <summary>
    /// <see cref="Start(PyFunction, Frame)"/>; with <paramref name="raising"/>, an exception leaving the function
    /// comes back as a null value with the exception in <see cref="PyContext.InFlight"/> instead of a throw.
    /// </summary>
    public static Value Start(PyFunction f, Frame frame, bool raising)
    {
        // Kept small, the rare work out of line, so that it ends in a tail call of Run and leaves no frame of its own
        // on the stack of a deep recursion.
        Code code = f.Code;
        if (code.CellNames.Length != 0 || code.FreeNames.Length != 0)
        {
            BindCells(f, frame);
        }

        // A call is a safe point for Ctrl-C, and the interrupt check shares the recursion check's branch.
        PyContext ctx = PyContext.Current;
        if (ctx.Depth >= ctx.RecursionLimit || Interrupts.Pending)
        {
            return Refuse(ctx, frame, raising);
        }

        return code.IsGenerator ? GeneratorOps.Create(f, frame) : Run(frame, code.Body, raising);
    }

    // The frame's cells: new ones for its cell variables (a parameter's moves into its cell), then the closure's.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void BindCells(PyFunction f, Frame frame)
    {
        PyContext ctx = PyContext.Current;
        Code code = f.Code;
        for (int i = 0; i < code.CellNames.Length; i++)
        {
            var cell = ctx.Runtime.AdoptReference(new PyCell(ctx.CellType));
            int slot = code.CellParameterSlots[i];
            if (slot >= 0)
            {
                cell.Contents = frame.Locals[slot];
                frame.Locals[slot] = default;
            }

            frame.Cells[i] = cell;
        }

        for (int i = 0; i < code.FreeNames.Length; i++)
        {
            PyCell c = f.Closure[i];
            c.AddRef();
            frame.Cells[code.CellNames.Length + i] = c;
        }
    }

    // The call does not run: the recursion limit is reached or Ctrl-C is pending.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Value Refuse(PyContext ctx, Frame frame, bool raising)
    {
        frame.Clear();
        PyException e = Interrupts.Pending ? Interrupts.Take() : PyErr.Make("RecursionError", "maximum recursion depth exceeded");
        if (raising && ctx.InFlight is null)
        {
            ctx.InFlight = e;
            return default;
        }

        throw e;
    }

    /// <summary>
    /// Runs a body in <paramref name="frame"/> and returns its return value (owned). An exception leaving it gets this
    /// frame's traceback entry and is thrown, or, with <paramref name="raising"/>, handed back as a null value with the
    /// exception in <see cref="PyContext.InFlight"/> (the caller is a statement that passes it on as
    /// <see cref="Flow.Raise"/>, so no .NET frame is unwound by a throw).
    /// </summary>
    public static Value Run(Frame frame, StmtNode[] body, bool raising = false)
    {
        PyContext ctx = PyContext.Current;
        frame.Back = ctx.TopFrame;
        ctx.TopFrame = frame;
        ctx.Depth++;

        // An exception on its way out of an outer frame (this may be a __del__ run by its unwinding) waits here.
        PyException? outer = ctx.InFlight;
        ctx.InFlight = null;
        PyException? error = null;
        Value result = default;

        // The statement loop is StmtNode.RunRaising and RunOne written out here, so that a Python call costs one .NET
        // frame fewer of stack (deep recursion stacks these frames: see docs/benchmarks.md, "Recursion's stack").
        StmtNode? current = null;
        try
        {
            Flow flow = Flow.Normal;
            foreach (StmtNode s in body)
            {
                current = s;
                frame.Line = s.Line;
                flow = s.Exec(frame);
                if (flow != Flow.Normal)
                {
                    break;
                }
            }

            if (flow != Flow.Raise)
            {
                result = frame.ReturnValue;
                frame.ReturnValue = default;
                if (result.IsNull)
                {
                    result = Value.None;
                }
            }
            else
            {
                // Handed back without a throw, so no filter saw it: the statement is this frame's position.
                error = ctx.TakeInFlight();
                TracebackRecorder.Record(error, frame, current!.Span);
            }
        }
        catch (PyException e) when (current is not null && TracebackRecorder.Record(e, frame, current.Span))
        {
            // Never taken (the filter records the statement as this frame's position and declines).
            throw;
        }
        catch (PyException e)
        {
            error = e;
        }
        finally
        {
            ctx.Depth--;
            ctx.TopFrame = frame.Back;

            // A frame an exception leaves stays alive with the exception's traceback (no cost on a normal return).
            if (error is null || !PyKeptFrame.Keep(error, frame))
            {
                frame.Clear();
            }

            ctx.InFlight = outer;
        }

        if (error is null)
        {
            frame.Recycle();
            return result;
        }

        TracebackRecorder.RecordLine(error, frame);
        if (raising && outer is null)
        {
            ctx.InFlight = error;
            return default;
        }

        throw error;
    }
}
