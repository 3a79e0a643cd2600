using Reclaim.Python.Execution;
using Reclaim.Python.Execution.Traceback;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;
using Reclaim.Python.Syntax.Ast;

namespace Reclaim.Python.Compiler.Nodes;

/// <summary><c>a and b</c> / <c>a or b</c>.</summary>
internal sealed class BoolOpNode(bool isAnd, ExprNode[] values) : ExprNode
{
    /// <summary>
    /// As a condition, each operand's truth is taken once and decides (CPython jumps on each operand; evaluating the
    /// value and testing it again would call a falsy operand's <c>__bool__</c> twice). A failing truth test points
    /// where the operand's own test puts it, as CPython's jumps do: at a comparison, or at the enclosing statement.
    /// </summary>
    public override bool Test(Frame frame)
    {
        foreach (ExprNode v in values)
        {
            if (v.Test(frame) != isAnd)
            {
                return !isAnd;
            }
        }

        return isAnd;
    }

    public override Value Eval(Frame frame) => Evaluate(frame, out _);

    // The value, and its truth when an operand's test already decided it (a short circuit): an enclosing and/or then
    // does not test it again, as CPython's threaded jumps do not ((a and b) or c calls a falsy a's __bool__ once).
    private Value Evaluate(Frame frame, out bool? known)
    {
        for (int i = 0; ; i++)
        {
            bool? decided = null;
            Value v = values[i] is BoolOpNode inner ? inner.Evaluate(frame, out decided) : values[i].Eval(frame);
            if (i == values.Length - 1)
            {
                known = decided;
                return v;
            }

            bool t;
            try
            {
                t = decided ?? Ops.IsTrue(v);
            }
            catch (PyException e) when (TracebackRecorder.Record(e, frame, Span))
            {
                throw;
            }
            catch
            {
                v.Drop();
                throw;
            }

            if (t != isAnd)
            {
                known = t;
                return v;
            }

            v.Drop();
        }
    }
}

/// <summary><c>b if test else c</c>.</summary>
internal sealed class IfExpNode(ExprNode test, ExprNode body, ExprNode orelse) : ExprNode
{
    // No handler here, so the chosen branch is a tail call and a recursion through `x if c else f(n - 1)` stacks no
    // frame of this node.
    public override Value Eval(Frame frame) => Chosen(frame) ? body.Eval(frame) : orelse.Eval(frame);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private bool Chosen(Frame frame)
    {
        try
        {
            return Truth.Test(test, frame);
        }
        catch (PyException e) when (TracebackRecorder.Record(e, frame, Span))
        {
            throw;
        }
    }
}

/// <summary>Evaluates a condition and drops it.</summary>
internal static class Truth
{
    /// <summary>The truth of <paramref name="node"/>'s value, released at once.</summary>
    public static bool Test(ExprNode node, Frame frame) => node.Test(frame);

    /// <summary>The truth of an owned value, which is released.</summary>
    public static bool OfOwned(Value v)
    {
        if (v.IsBool)
        {
            return v.Bits != 0;
        }

        try
        {
            return Ops.IsTrue(v);
        }
        finally
        {
            v.Drop();
        }
    }
}
