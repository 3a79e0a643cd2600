using Reclaim.Python.Execution;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Compiler.Nodes;

/// <summary><c>if</c>/<c>elif</c>/<c>else</c>.</summary>
internal sealed class IfStatement(ExprNode test, StmtNode[] body, StmtNode[] orelse) : StmtNode
{
    public override Flow Exec(Frame frame) => RunRaising(Truth.Test(test, frame) ? body : orelse, frame);
}

/// <summary><c>while</c> with <c>else</c>.</summary>
internal sealed class WhileStatement(ExprNode test, StmtNode[] body, StmtNode[] orelse) : StmtNode
{
    public override Flow Exec(Frame frame)
    {
        while (true)
        {
            frame.Line = Line;
            Interrupts.Check();
            if (!Truth.Test(test, frame))
            {
                return RunRaising(orelse, frame);
            }

            Flow f = RunRaising(body, frame);
            if (f == Flow.Break)
            {
                return Flow.Normal;
            }

            if (f is Flow.Return or Flow.Raise)
            {
                return f;
            }
        }
    }
}

/// <summary><c>for</c> with <c>else</c>; the iterator is dropped when the loop ends.</summary>
internal sealed class ForStatement(Target target, ExprNode iter, StmtNode[] body, StmtNode[] orelse) : StmtNode
{
    public override Flow Exec(Frame frame)
    {
        Value iterable = iter.Eval(frame);
        Value it;
        try
        {
            it = Ops.GetIter(iterable);
        }
        finally
        {
            iterable.Drop();
        }

        try
        {
            while (Ops.Next(it, out Value item))
            {
                target.Store(frame, item);
                Flow f = RunRaising(body, frame);
                if (f == Flow.Break)
                {
                    return Flow.Normal;
                }

                if (f is Flow.Return or Flow.Raise)
                {
                    return f;
                }

                frame.Line = Line;
                Interrupts.Check();
            }
        }
        finally
        {
            it.Drop();
        }

        return RunRaising(orelse, frame);
    }
}
