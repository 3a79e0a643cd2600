using Reclaim.Python.Execution;
using Reclaim.Python.Execution.Traceback;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Compiler.Nodes;

/// <summary>
/// <c>a, b = x, y</c> and <c>a, b, c = x, y, z</c>: the right-hand items are evaluated left to right and stored left to
/// right without building the tuple, as CPython 3.11 compiles the two- and three-item forms (a swap of stack items,
/// no <c>BUILD_TUPLE</c>/<c>UNPACK_SEQUENCE</c>). The order of evaluation and of stores is the same as the unfused
/// statement's, so nothing but the tuple's allocation can be told apart.
/// </summary>
internal sealed class ParallelAssignStatement : StmtNode
{
    private readonly Target[] _targets;
    private readonly ExprNode[] _values;
    private readonly SourceSpan _displaySpan;

    private ParallelAssignStatement(Target[] targets, ExprNode[] values, SourceSpan displaySpan)
    {
        _targets = targets;
        _values = values;
        _displaySpan = displaySpan;
    }

    /// <summary>The fused statement for <paramref name="target"/> = <paramref name="value"/>, or null when it does not apply.</summary>
    public static ParallelAssignStatement? TryCreate(Target target, ExprNode value, int line) =>
        target is UnpackTarget { HasStar: false } unpack && value is DisplayNode { PlainTupleItems: { } items }
            && items.Length == unpack.Targets.Length && items.Length is 2 or 3
            ? new ParallelAssignStatement(unpack.Targets, items, value.Span) { Line = line }
            : null;

    public override Flow Exec(Frame frame)
    {
        Value a = Evaluate(frame, 0), b, c = default;
        try
        {
            b = Evaluate(frame, 1);
            if (_values.Length == 3)
            {
                try
                {
                    c = Evaluate(frame, 2);
                }
                catch
                {
                    b.Drop();
                    throw;
                }
            }
        }
        catch
        {
            a.Drop();
            throw;
        }

        try
        {
            _targets[0].Store(frame, a);
        }
        catch
        {
            b.Drop();
            c.Drop();
            throw;
        }

        try
        {
            _targets[1].Store(frame, b);
        }
        catch
        {
            c.Drop();
            throw;
        }

        if (_values.Length == 3)
        {
            _targets[2].Store(frame, c);
        }

        return Flow.Normal;
    }

    // An item's failure points where the tuple display's would have.
    private Value Evaluate(Frame frame, int index)
    {
        try
        {
            return _values[index].Eval(frame);
        }
        catch (PyException e) when (TracebackRecorder.Record(e, frame, _displaySpan))
        {
            throw;
        }
    }
}
