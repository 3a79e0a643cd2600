using Reclaim.Python.Execution;
using Reclaim.Python.Execution.Traceback;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;
using Reclaim.Python.Syntax.Ast;

namespace Reclaim.Python.Compiler.Nodes;

/// <summary>A chain of comparisons, each operand evaluated once.</summary>
internal sealed class CompareNode(ExprNode left, ComparisonOperator[] ops, ExprNode[] rights) : ExprNode
{
    // A single comparison of locals and number constants reads them directly (no virtual call, no count).
    private readonly ImmediateOperand _left = ImmediateOperand.Of(left);
    private readonly ImmediateOperand _right = ImmediateOperand.Of(rights[0]);
    private readonly bool _direct = ops.Length == 1 && ImmediateOperand.Of(left).IsDirect && ImmediateOperand.Of(rights[0]).IsDirect;

    public override Value Eval(Frame frame)
    {
        if (_direct && ImmediateNumbers.TryCompare(ops[0], _left.Read(frame), _right.Read(frame), out bool direct))
        {
            return Value.Bool(direct);
        }

        return EvalChain(frame, asCondition: false);
    }

    /// <summary>
    /// The comparisons in order. As a condition (<paramref name="asCondition"/>) a falsy link's result is tested once
    /// and dropped, and the chain is <see cref="Value.False"/>, as CPython's conditional jump consumes it.
    /// </summary>
    private Value EvalChain(Frame frame, bool asCondition)
    {
        // CPython's order: each comparison drops its left operand, then its right one (COMPARE_OP, IS_OP and
        // CONTAINS_OP alike, whether or not the comparison raised). In a chain the right operand lives on as the next
        // left one; a falsy link ends the chain with its own result (not False), dropping that operand after the test.
        Value a = left.Eval(frame);
        try
        {
            int last = ops.Length - 1;
            for (int i = 0; ; i++)
            {
                Value b = rights[i].Eval(frame);
                Value r;
                try
                {
                    r = CompareOne(ops[i], a, b);
                }
                catch
                {
                    DropInOrder(ref a, b);
                    throw;
                }

                if (i == last)
                {
                    DropInOrder(ref a, b);
                    return r;
                }

                Value done = a;
                a = b;
                done.Drop();
                bool t;
                try
                {
                    t = Ops.IsTrue(r);
                }
                catch
                {
                    r.Drop();
                    throw;
                }

                if (!t && !asCondition)
                {
                    return r;
                }

                r.Drop();
                if (!t)
                {
                    return Value.False;
                }
            }
        }
        catch (PyException e) when (TracebackRecorder.Record(e, frame, Span))
        {
            throw;
        }
        finally
        {
            a.Drop();
        }
    }

    /// <summary>Drops a comparison's operands, left first, and leaves <paramref name="a"/> empty for the caller's finally.</summary>
    private static void DropInOrder(ref Value a, Value b)
    {
        Value left = a;
        a = default;
        left.Drop();
        b.Drop();
    }

    /// <summary>
    /// The comparison as a condition. Two small ints, two floats, or an identity test (<c>is</c>, <c>is not</c>)
    /// decide a .NET bool without a Python bool (no code runs on those paths); anything else compares exactly as
    /// <see cref="Eval"/> does. The truth of a result that is not a bool is taken after both operands are dropped
    /// (as COMPARE_OP then POP_JUMP_IF does) and, failing, points at this comparison, as CPython's conditional jumps do.
    /// </summary>
    public override bool Test(Frame frame)
    {
        if (_direct && ImmediateNumbers.TryCompare(ops[0], _left.Read(frame), _right.Read(frame), out bool direct))
        {
            return direct;
        }

        Value r;
        if (ops.Length != 1)
        {
            r = EvalChain(frame, asCondition: true);
        }
        else
        {
            Value a = left.Eval(frame);
            try
            {
                Value b = rights[0].Eval(frame);
                if (TryDecide(ops[0], a, b, out bool decided))
                {
                    // Both operands are immediates or only compared by identity: dropped here, left first.
                    DropInOrder(ref a, b);
                    return decided;
                }

                try
                {
                    r = CompareOne(ops[0], a, b);
                }
                catch
                {
                    // Dropped before the filter below sees the exception, as in Eval.
                    DropInOrder(ref a, b);
                    throw;
                }

                DropInOrder(ref a, b);
            }
            catch (PyException e) when (TracebackRecorder.Record(e, frame, Span))
            {
                throw;
            }
            finally
            {
                a.Drop();
            }
        }

        if (r.IsBool)
        {
            return r.Bits != 0;
        }

        try
        {
            return Truth.OfOwned(r);
        }
        catch (PyException e) when (TracebackRecorder.Record(e, frame, Span))
        {
            throw;
        }
    }

    // The comparisons that decide without running Python code: identity, two numbers (ImmediateNumbers).
    private static bool TryDecide(ComparisonOperator op, Value a, Value b, out bool result)
    {
        if (op == ComparisonOperator.Is)
        {
            result = a.Is(b);
            return true;
        }

        if (op == ComparisonOperator.IsNot)
        {
            result = !a.Is(b);
            return true;
        }

        return ImmediateNumbers.TryCompare(op, a, b, out result);
    }


    /// <summary>One comparison on borrowed operands; a new reference.</summary>
    public static Value CompareOne(ComparisonOperator op, Value a, Value b) => op switch
    {
        ComparisonOperator.Eq => a.IsSmallInt && b.IsSmallInt ? Value.Bool(a.Bits == b.Bits) : Ops.Compare(a, b, CompareOp.Eq),
        ComparisonOperator.NotEq => a.IsSmallInt && b.IsSmallInt ? Value.Bool(a.Bits != b.Bits) : Ops.Compare(a, b, CompareOp.Ne),
        ComparisonOperator.Lt => a.IsSmallInt && b.IsSmallInt ? Value.Bool(a.Bits < b.Bits) : Ops.Compare(a, b, CompareOp.Lt),
        ComparisonOperator.LtE => a.IsSmallInt && b.IsSmallInt ? Value.Bool(a.Bits <= b.Bits) : Ops.Compare(a, b, CompareOp.Le),
        ComparisonOperator.Gt => a.IsSmallInt && b.IsSmallInt ? Value.Bool(a.Bits > b.Bits) : Ops.Compare(a, b, CompareOp.Gt),
        ComparisonOperator.GtE => a.IsSmallInt && b.IsSmallInt ? Value.Bool(a.Bits >= b.Bits) : Ops.Compare(a, b, CompareOp.Ge),
        ComparisonOperator.Is => Value.Bool(a.Is(b)),
        ComparisonOperator.IsNot => Value.Bool(!a.Is(b)),
        ComparisonOperator.In => Value.Bool(Ops.Contains(b, a)),
        _ => Value.Bool(!Ops.Contains(b, a)),
    };
}
