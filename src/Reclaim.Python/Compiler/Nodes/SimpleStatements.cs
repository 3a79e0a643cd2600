using Reclaim.Python.Execution;
using Reclaim.Python.Execution.Traceback;
using Reclaim.Python.Objects;
using Reclaim.Python.Syntax.Ast;

namespace Reclaim.Python.Compiler.Nodes;

/// <summary>An expression statement: the value is dropped at once.</summary>
internal sealed class ExprStatement(ExprNode value) : StmtNode
{
    private readonly bool _handsBack = value.HandsBackExceptions;

    public override Flow Exec(Frame frame)
    {
        Value r = _handsBack ? value.EvalRaising(frame) : value.Eval(frame);
        if (r.IsNull)
        {
            return Flow.Raise;
        }

        r.Drop();
        return Flow.Normal;
    }
}

/// <summary><c>a = b = value</c>.</summary>
internal sealed class AssignStatement(Target[] targets, ExprNode value) : StmtNode
{
    private readonly bool _handsBack = value.HandsBackExceptions;

    public override Flow Exec(Frame frame)
    {
        Value v = _handsBack ? value.EvalRaising(frame) : value.Eval(frame);
        if (v.IsNull)
        {
            return Flow.Raise;
        }

        for (int i = 0; i < targets.Length - 1; i++)
        {
            targets[i].Store(frame, v.Dup());
        }

        targets[^1].Store(frame, v);
        return Flow.Normal;
    }
}

/// <summary><c>target op= value</c>: the target's parts are evaluated once.</summary>
internal sealed class AugAssignStatement(ExprNode load, Target store, BinaryOperator op, ExprNode value, ExprNode? obj, ExprNode? key, string? attr) : StmtNode
{
    private readonly AttributeSite? _load = attr is null ? null : new AttributeSite(attr);
    private readonly AttributeSite? _store = attr is null ? null : new AttributeSite(attr);

    /// <summary>Where a traceback points when reading an attribute or item target fails (the operation itself points at the statement).</summary>
    public SourceSpan TargetSpan { get; set; }

    private Value LoadTarget(Frame frame, Value o, Value k)
    {
        try
        {
            return _load is not null ? _load.Load(o) : Ops.GetItem(o, k);
        }
        catch (PyException e) when (TracebackRecorder.Record(e, frame, TargetSpan))
        {
            throw;
        }
    }

    public override Flow Exec(Frame frame)
    {
        if (obj is not null)
        {
            Value o = obj.Eval(frame);
            Value k = default;
            try
            {
                if (key is not null)
                {
                    k = key.Eval(frame);
                }

                Value cur = LoadTarget(frame, o, k);
                Value r;
                try
                {
                    Value rhs = value.Eval(frame);
                    try
                    {
                        r = Ops.InPlace(op, cur, rhs);
                    }
                    finally
                    {
                        rhs.Drop();
                    }
                }
                finally
                {
                    cur.Drop();
                }

                if (_store is not null)
                {
                    _store.Store(o, r);
                }
                else
                {
                    try
                    {
                        Ops.SetItem(o, k, r);
                    }
                    finally
                    {
                        r.Drop();
                    }
                }
            }
            finally
            {
                o.Drop();
                k.Drop();
            }

            return Flow.Normal;
        }

        if (load is NameLoad { LocalSlot: >= 0 } local)
        {
            // A local holding a number: read without a count (an immediate), the value evaluated after it as
            // CPython does, two numbers combined directly; anything else in-place as usual.
            Value n = frame.Locals[local.LocalSlot];
            if (n.IsSmallInt || n.IsFloat)
            {
                Value rhs = value.Eval(frame);
                if (!ImmediateNumbers.TryArith(op, n, rhs, out Value combined))
                {
                    try
                    {
                        combined = Ops.InPlace(op, n, rhs);
                    }
                    finally
                    {
                        rhs.Drop();
                    }
                }

                store.Store(frame, combined);
                return Flow.Normal;
            }
        }

        Value a = load.Eval(frame);
        Value result;
        try
        {
            Value b = value.Eval(frame);
            try
            {
                result = Ops.InPlace(op, a, b);
            }
            finally
            {
                b.Drop();
            }
        }
        finally
        {
            a.Drop();
        }

        store.Store(frame, result);
        return Flow.Normal;
    }
}

/// <summary><c>del a, b.c, d[e]</c>.</summary>
internal sealed class DeleteStatement(Target[] targets) : StmtNode
{
    public override Flow Exec(Frame frame)
    {
        foreach (Target t in targets)
        {
            try
            {
                frame.DeletingSpan = t.Span;
                t.Delete(frame);
            }
            catch (PyException e) when (TracebackRecorder.Record(e, frame, t.Span))
            {
                throw;
            }
            finally
            {
                frame.DeletingSpan = default;
            }
        }

        return Flow.Normal;
    }
}

/// <summary><c>pass</c>, <c>global</c>, <c>nonlocal</c>.</summary>
internal sealed class PassStatement : StmtNode
{
    public override Flow Exec(Frame frame) => Flow.Normal;
}

/// <summary><c>break</c>/<c>continue</c>.</summary>
internal sealed class JumpStatement(Flow flow) : StmtNode
{
    public override Flow Exec(Frame frame) => flow;
}

/// <summary><c>return value</c>.</summary>
internal sealed class ReturnStatement(ExprNode? value) : StmtNode
{
    private readonly bool _handsBack = value is { HandsBackExceptions: true };

    public override Flow Exec(Frame frame)
    {
        Value v = value is null ? Value.None : _handsBack ? value.EvalRaising(frame) : value.Eval(frame);
        if (v.IsNull)
        {
            return Flow.Raise;
        }

        Value old = frame.ReturnValue;
        frame.ReturnValue = v;
        old.Drop();
        return Flow.Return;
    }
}

/// <summary><c>assert test, msg</c>.</summary>
internal sealed class AssertStatement(ExprNode test, ExprNode? msg) : StmtNode
{
    /// <summary>
    /// Where the AssertionError points: 3.11 leaves the position of a comparison test on the instructions that raise,
    /// and of the whole statement otherwise (the code generator decides).
    /// </summary>
    public SourceSpan RaiseSpan { get; set; }

    public override Flow Exec(Frame frame)
    {
        if (Truth.Test(test, frame))
        {
            return Flow.Normal;
        }

        Interpreter.PyContext ctx = Interpreter.PyContext.Current;
        PyType t = ctx.ExceptionType("AssertionError");
        if (msg is null)
        {
            throw Raised(frame, new PyException(ctx.NewException(t, [])));
        }

        Value m = msg.Eval(frame);
        try
        {
            throw Raised(frame, new PyException(ctx.NewException(t, [m])));
        }
        finally
        {
            m.Drop();
        }
    }

    private PyException Raised(Frame frame, PyException e)
    {
        TracebackRecorder.Record(e, frame, RaiseSpan);
        return e;
    }
}
