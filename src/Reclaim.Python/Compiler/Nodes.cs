using Reclaim.Python.Execution;
using Reclaim.Python.Execution.Traceback;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Compiler;

/// <summary>How a statement finished. <see cref="Yield"/> only comes out of a generator's resumable nodes.</summary>
internal enum Flow
{
    Normal, Break, Continue, Return, Yield,
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

    /// <summary>Runs a block; stops at the first statement that does not finish normally.</summary>
    public static Flow Run(StmtNode[] block, Frame frame)
    {
        foreach (StmtNode s in block)
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

            if (f != Flow.Normal)
            {
                return f;
            }
        }

        return Flow.Normal;
    }
}
