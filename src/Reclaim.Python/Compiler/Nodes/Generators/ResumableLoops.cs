using Reclaim.Python.Execution;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Compiler.Nodes;

/// <summary><c>if</c> in a generator: the branch taken is saved in <paramref name="branch"/> so a resumption re-enters it.</summary>
internal sealed class ResumableIf(ExprNode test, StmtNode[] body, StmtNode[] orelse, int branch, int bodyPoint, int elsePoint) : StmtNode
{
    public override Flow Exec(Frame frame)
    {
        PyGenerator gen = frame.Generator!;
        if (!gen.Resuming)
        {
            gen.ResumePoints[branch] = Truth.Test(test, frame) ? 0 : 1;
        }

        return gen.ResumePoints[branch] == 0
            ? Resumable.RunFrom(body, frame, gen, bodyPoint)
            : Resumable.RunFrom(orelse, frame, gen, elsePoint);
    }
}

/// <summary>The resume points of a <see cref="ResumableWhile"/>.</summary>
/// <param name="Phase">0 evaluating the test (its hoisted yields), 1 in the body, 2 in the else block.</param>
/// <param name="Test">Resume point of the test's hoisted statements.</param>
/// <param name="Body">Resume point of the body.</param>
/// <param name="Else">Resume point of the else block.</param>
internal sealed record LoopPoints(int Phase, int Test, int Body, int Else);

/// <summary><c>while</c> with <c>else</c> in a generator; a yield in the test runs, hoisted, before each evaluation of it.</summary>
internal sealed class ResumableWhile(StmtNode[] testPre, ExprNode test, StmtNode[] body, StmtNode[] orelse, LoopPoints p) : StmtNode
{
    public override Flow Exec(Frame frame)
    {
        PyGenerator gen = frame.Generator!;
        int phase = gen.Resuming ? gen.ResumePoints[p.Phase] : 0;
        if (phase < 2)
        {
            while (true)
            {
                if (phase == 0)
                {
                    gen.ResumePoints[p.Phase] = 0;
                    frame.Line = Line;
                    Interrupts.Check();
                    if (testPre.Length > 0 && Resumable.RunFrom(testPre, frame, gen, p.Test) == Flow.Yield)
                    {
                        return Flow.Yield;
                    }

                    if (!Truth.Test(test, frame))
                    {
                        break;
                    }

                    gen.ResumePoints[p.Phase] = 1;
                }

                phase = 0;
                Flow f = Resumable.RunFrom(body, frame, gen, p.Body);
                if (f == Flow.Break)
                {
                    return Flow.Normal;
                }

                if (f is Flow.Return or Flow.Yield)
                {
                    return f;
                }
            }
        }

        gen.ResumePoints[p.Phase] = 2;
        return Resumable.RunFrom(orelse, frame, gen, p.Else);
    }
}

/// <summary>
/// <c>for</c> with <c>else</c> in a generator: the iterator lives in hidden local <paramref name="iterSlot"/> (the
/// frame's reference, as CPython's value stack holds it) across suspensions, and is dropped when the loop ends.
/// </summary>
internal sealed class ResumableFor(Target target, ExprNode iter, StmtNode[] body, StmtNode[] orelse, int iterSlot, int phase, int bodyPoint, int elsePoint) : StmtNode
{
    public override Flow Exec(Frame frame)
    {
        PyGenerator gen = frame.Generator!;
        bool resume = gen.Resuming;
        if (!resume)
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

            Value old = frame.Locals[iterSlot];
            frame.Locals[iterSlot] = it;
            old.Drop();
            gen.ResumePoints[phase] = 0;
        }

        if (gen.ResumePoints[phase] == 0)
        {
            try
            {
                while (true)
                {
                    if (!resume)
                    {
                        if (!Ops.Next(frame.Locals[iterSlot], out Value item))
                        {
                            break;
                        }

                        target.Store(frame, item);
                    }

                    resume = false;
                    Flow f = Resumable.RunFrom(body, frame, gen, bodyPoint);
                    if (f == Flow.Yield)
                    {
                        return f;
                    }

                    if (f == Flow.Break)
                    {
                        Resumable.Clear(frame, iterSlot);
                        return Flow.Normal;
                    }

                    if (f == Flow.Return)
                    {
                        Resumable.Clear(frame, iterSlot);
                        return f;
                    }

                    frame.Line = Line;
                    Interrupts.Check();
                }
            }
            catch (PyException)
            {
                Resumable.Clear(frame, iterSlot);
                throw;
            }

            Resumable.Clear(frame, iterSlot);
            gen.ResumePoints[phase] = 1;
        }

        return Resumable.RunFrom(orelse, frame, gen, elsePoint);
    }
}
