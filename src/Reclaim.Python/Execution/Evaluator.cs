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
        PyContext ctx = PyContext.Current;
        Code code = f.Code;
        var frame = new Frame(code, f.Globals!, null);
        ArgumentBinder.Bind(f, frame, args, kwargs);
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

        if (ctx.Depth >= ctx.RecursionLimit)
        {
            frame.Clear();
            throw PyErr.Make("RecursionError", "maximum recursion depth exceeded");
        }

        if (code.IsGenerator)
        {
            return GeneratorOps.Create(f, frame);
        }

        return Run(frame, code.Body);
    }

    /// <summary>Runs a body in <paramref name="frame"/> and returns its return value (owned).</summary>
    public static Value Run(Frame frame, StmtNode[] body)
    {
        PyContext ctx = PyContext.Current;
        frame.Back = ctx.TopFrame;
        ctx.TopFrame = frame;
        ctx.Depth++;
        try
        {
            StmtNode.Run(body, frame);
            Value r = frame.ReturnValue;
            frame.ReturnValue = default;
            return r.IsNull ? Value.None : r;
        }
        catch (PyException e)
        {
            TracebackRecorder.RecordLine(e, frame);
            throw;
        }
        finally
        {
            ctx.Depth--;
            ctx.TopFrame = frame.Back;
            frame.Clear();
        }
    }
}
