using Reclaim.Python.Execution;
using Reclaim.Python.Execution.Traceback;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Compiler;

/// <summary>
/// How a statement finished. <see cref="Yield"/> only comes out of a generator's resumable nodes. <see cref="Raise"/>:
/// a Python exception is on its way out, held by <see cref="Interpreter.PyContext.InFlight"/> instead of thrown
/// (statements that know it pass it on without a .NET throw; <see cref="StmtNode.Run"/> throws it for every other
/// caller).
/// </summary>
internal enum Flow
{
    Normal, Break, Continue, Return, Yield, Raise,
}

/// <summary>An executable expression: evaluates to a new reference.</summary>
internal abstract class ExprNode
{
    /// <summary>First line of the expression (for tracebacks).</summary>
    public int Line { get; init; }

    /// <summary>Where a traceback points when this node's own operation raises (set by the code generator).</summary>
    public SourceSpan Span { get; set; }

    /// <summary>Evaluates; the result is owned by the caller.</summary>
    public abstract Value Eval(Frame frame);

    /// <summary>
    /// <see cref="Eval"/> for a caller that passes exceptions on as <see cref="Flow.Raise"/>: a null result means a
    /// Python exception is in <see cref="Interpreter.PyContext.InFlight"/>. Nodes that can hand one back without a
    /// .NET throw (calls of Python functions, and operators over them) override it; the rest evaluate and throw.
    /// </summary>
    public virtual Value EvalRaising(Frame frame) => Eval(frame);

    /// <summary>Whether <see cref="EvalRaising"/> can hand an exception back (statements call it only then).</summary>
    public virtual bool HandsBackExceptions => false;

    /// <summary>
    /// The truth of the value as a condition (<c>if</c>, <c>while</c>, <c>x if c else y</c>), the value released at
    /// once. Nodes that can decide a .NET bool without making a Python value override it.
    /// </summary>
    public virtual bool Test(Frame frame) => Nodes.Truth.OfOwned(Eval(frame));
}

/// <summary>An executable statement.</summary>
internal abstract class StmtNode
{
    /// <summary>The statement's line (set as the frame's current line before it runs).</summary>
    public int Line { get; init; }

    /// <summary>Where a traceback points when the statement itself raises (set by the code generator).</summary>
    public SourceSpan Span { get; set; }

    /// <summary>Executes.</summary>
    public abstract Flow Exec(Frame frame);

    /// <summary>
    /// Runs a block; stops at the first statement that does not finish normally. An exception in flight
    /// (<see cref="Flow.Raise"/>) is thrown from here, so callers see exceptions as they always did.
    /// </summary>
    public static Flow Run(StmtNode[] block, Frame frame)
    {
        Flow f = RunRaising(block, frame);
        if (f == Flow.Raise)
        {
            throw Interpreter.PyContext.Current.TakeInFlight();
        }

        return f;
    }

    /// <summary><see cref="Run"/> for callers that take <see cref="Flow.Raise"/> themselves.</summary>
    public static Flow RunRaising(StmtNode[] block, Frame frame)
    {
        foreach (StmtNode s in block)
        {
            Flow f = RunOne(s, frame);
            if (f != Flow.Normal)
            {
                return f;
            }
        }

        return Flow.Normal;
    }

    /// <summary>
    /// Runs one statement of a block as this frame's current line: an exception leaving it, thrown or handed back as
    /// <see cref="Flow.Raise"/>, gets the statement as this frame's traceback position. Shared by plain blocks and the
    /// generator's resumable ones (<c>Resumable.RunFrom</c>).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static Flow RunOne(StmtNode s, Frame frame)
    {
        frame.Line = s.Line;
        Flow f;
        try
        {
            f = s.Exec(frame);
        }
        catch (PyException e) when (TracebackRecorder.Record(e, frame, s.Span))
        {
            throw;
        }

        if (f == Flow.Raise)
        {
            // Handed back without a throw, so no filter saw it: the statement is this frame's position.
            TracebackRecorder.Record(Interpreter.PyContext.Current.InFlight!, frame, s.Span);
        }

        return f;
    }
}
