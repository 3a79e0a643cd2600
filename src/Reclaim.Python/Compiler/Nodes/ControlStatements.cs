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
        if (iterable.Obj is PySequence { Type.IsHeap: false } sequence)
        {
            return OverSequence(frame, sequence, iterable);
        }

        if (iterable.Obj is PyBox { Native: RangeState range } box && box.Type == PyContext.Current.RangeType)
        {
            // A range iterator keeps only the range's numbers, as CPython's does: the range itself goes at once.
            iterable.Drop();
            return OverRange(frame, range);
        }

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

    // A built-in list or tuple, walked by index as its built-in iterator would (a list that grows or shrinks in the
    // body is seen doing so), without making the iterator object; the loop owns the sequence until it ends.
    private Flow OverSequence(Frame frame, PySequence sequence, Value owned)
    {
        try
        {
            for (int i = 0; i < sequence.Count; i++)
            {
                target.Store(frame, sequence.Items[i].Dup());
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
            owned.Drop();
        }

        return RunRaising(orelse, frame);
    }

    // A range, walked without the iterator object (a range never changes).
    private Flow OverRange(Frame frame, RangeState range)
    {
        long length = range.Length;
        for (long i = 0; i < length; i++)
        {
            target.Store(frame, Value.Int(range.Start + (i * range.Step)));
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

        return RunRaising(orelse, frame);
    }
}
