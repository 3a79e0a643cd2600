using Reclaim.Python.Execution;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Compiler.Nodes;

/// <summary>
/// The one loop every resumable block runs: from statement 0, or, while the generator is resuming, from the statement
/// whose index the block saved in its resume point when a yield inside it suspended the generator.
/// </summary>
internal static class Resumable
{
    /// <summary>Runs <paramref name="block"/> of a generator body, saving its position in <paramref name="point"/> on a yield.</summary>
    public static Flow RunFrom(StmtNode[] block, Frame frame, PyGenerator gen, int point)
    {
        int i = gen.Resuming ? gen.ResumePoints[point] : 0;
        for (; i < block.Length; i++)
        {
            Flow f = StmtNode.RunOne(block[i], frame);
            if (f != Flow.Normal)
            {
                if (f == Flow.Yield)
                {
                    gen.ResumePoints[point] = i;
                }
                else if (f == Flow.Raise)
                {
                    // The resumable nodes handle exceptions as throws: turn a handed-back one (its position already
                    // recorded) into one here.
                    throw Interpreter.PyContext.Current.TakeInFlight();
                }

                return f;
            }
        }

        return Flow.Normal;
    }

    /// <summary>Takes a hidden local's value out of its slot (owned), leaving the slot empty.</summary>
    public static Value Take(Frame frame, int slot)
    {
        Value v = frame.Locals[slot];
        frame.Locals[slot] = default;
        return v;
    }

    /// <summary>Drops a hidden local's value, leaving the slot empty.</summary>
    public static void Clear(Frame frame, int slot) => Take(frame, slot).Drop();
}

/// <summary>A run of statements that may yield: the hoisted parts of an expression followed by the statement using them.</summary>
internal sealed class ResumableSequence(StmtNode[] block, int point) : StmtNode
{
    public override Flow Exec(Frame frame) => Resumable.RunFrom(block, frame, frame.Generator!, point);
}

/// <summary>Moves a hoisted temporary out of its hidden slot: the value a yield received or a sub-expression computed before it.</summary>
internal sealed class TempMoveNode(int slot) : ExprNode
{
    public override Value Eval(Frame frame) => Resumable.Take(frame, slot);
}

/// <summary>Reads a hidden slot without emptying it: the value so far of an and/or whose later operands yield.</summary>
internal sealed class TempPeekNode(int slot) : ExprNode
{
    public override Value Eval(Frame frame) => frame.Locals[slot].Dup();
}

/// <summary>Evaluates a sub-expression into a hidden slot before a later yield of the same expression.</summary>
internal sealed class TempStoreStatement(ExprNode value, int slot) : StmtNode
{
    public override Flow Exec(Frame frame)
    {
        Value v = value.Eval(frame);
        Value old = frame.Locals[slot];
        frame.Locals[slot] = v;
        old.Drop();
        return Flow.Normal;
    }
}
