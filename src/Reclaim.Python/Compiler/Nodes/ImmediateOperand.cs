using System.Runtime.CompilerServices;
using Reclaim.Python.Execution;
using Reclaim.Python.Objects;
using Reclaim.Python.Syntax.Ast;

namespace Reclaim.Python.Compiler.Nodes;

/// <summary>
/// An operand read without a virtual call: a function's local (by slot) or a number constant. Operator nodes read
/// such operands directly and decide two numbers (small ints, floats) without making or counting anything; any other
/// value, or an unbound local, goes the node's general way, which evaluates the operand node as before.
/// </summary>
internal readonly struct ImmediateOperand
{
    private readonly int _slot;
    private readonly Value _constant;

    private ImmediateOperand(int slot, Value constant)
    {
        _slot = slot;
        _constant = constant;
        IsDirect = true;
    }

    /// <summary>Whether the operand is read directly (otherwise <see cref="Read"/> gives the null value).</summary>
    public bool IsDirect { get; }

    /// <summary>The direct form of <paramref name="node"/>, if it has one.</summary>
    public static ImmediateOperand Of(ExprNode node) => node switch
    {
        NameLoad { LocalSlot: >= 0 } n => new(n.LocalSlot, default),
        ConstNode { Value: var v } when v.IsSmallInt || v.IsFloat => new(-1, v),
        _ => default,
    };

    /// <summary>The operand's current value, borrowed (null for an unbound local or an operand not read directly).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Value Read(Frame frame) => _slot >= 0 ? frame.Locals[_slot] : _constant;
}

/// <summary>
/// The arithmetic and comparisons of two immediate numbers that need no Python object: the results are exactly those
/// of <see cref="Ops.Binary"/> and <see cref="Ops.Compare"/>; false (nothing decided) for any other operands or
/// operators, or where the general path would raise or widen (a zero divisor, an overflow past 64 bits, an int too
/// big to convert to a float exactly).
/// </summary>
internal static class ImmediateNumbers
{
    // Ints up to 2^53 in magnitude convert to a double exactly, so mixed int/float operations and comparisons
    // decide as CPython's do.
    private const long ExactInDouble = 1L << 53;

    /// <summary><paramref name="a"/> op <paramref name="b"/> on two immediate numbers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryArith(BinaryOperator op, Value a, Value b, out Value result)
    {
        if (a.IsSmallInt && b.IsSmallInt)
        {
            return TryIntArith(op, a.Bits, b.Bits, out result);
        }

        if (TryDoubles(a, b, out double x, out double y))
        {
            return TryFloatArith(op, x, y, out result);
        }

        result = default;
        return false;
    }

    /// <summary>A comparison of two immediate numbers.</summary>
    public static bool TryCompare(ComparisonOperator op, Value a, Value b, out bool result)
    {
        if (a.IsSmallInt && b.IsSmallInt)
        {
            return Decide(op, a.Bits.CompareTo(b.Bits), false, out result);
        }

        if (TryDoubles(a, b, out double x, out double y))
        {
            // IEEE comparisons are Python's: every ordering with a NaN is false, != is true.
            bool unordered = double.IsNaN(x) || double.IsNaN(y);
            return Decide(op, unordered ? 0 : x.CompareTo(y), unordered, out result);
        }

        result = false;
        return false;
    }

    private static bool Decide(ComparisonOperator op, int order, bool unordered, out bool result)
    {
        switch (op)
        {
            case ComparisonOperator.Lt: result = !unordered && order < 0; return true;
            case ComparisonOperator.LtE: result = !unordered && order <= 0; return true;
            case ComparisonOperator.Gt: result = !unordered && order > 0; return true;
            case ComparisonOperator.GtE: result = !unordered && order >= 0; return true;
            case ComparisonOperator.Eq: result = !unordered && order == 0; return true;
            case ComparisonOperator.NotEq: result = unordered || order != 0; return true;
            default: result = false; return false;
        }
    }

    // Two floats, or a float and an int small enough to convert exactly.
    private static bool TryDoubles(Value a, Value b, out double x, out double y)
    {
        x = y = 0;
        if (!(a.IsFloat || b.IsFloat) || !TryDouble(a, out x) || !TryDouble(b, out y))
        {
            return false;
        }

        return true;
    }

    private static bool TryDouble(Value v, out double d)
    {
        if (v.IsFloat)
        {
            d = v.AsFloat;
            return true;
        }

        d = v.Bits;
        return v.IsSmallInt && FitsDouble(v.Bits);
    }

    // Whether an int converts to a double exactly (no Math.Abs: it throws on long.MinValue).
    private static bool FitsDouble(long v) => v >= -ExactInDouble && v <= ExactInDouble;

    private static bool TryIntArith(BinaryOperator op, long x, long y, out Value result)
    {
        switch (op)
        {
            case BinaryOperator.Add:
                long s = x + y;
                result = Value.Int(s);
                return ((x ^ s) & (y ^ s)) >= 0;
            case BinaryOperator.Sub:
                long d = x - y;
                result = Value.Int(d);
                return ((x ^ y) & (x ^ d)) >= 0;
            case BinaryOperator.Mult:
                long high = Math.BigMul(x, y, out long p);
                result = Value.Int(p);
                return high == (p >> 63);
            case BinaryOperator.FloorDiv when y > 0:
                long q = x / y;
                result = Value.Int(x % y < 0 ? q - 1 : q);
                return true;
            case BinaryOperator.Mod when y > 0:
                long m = x % y;
                result = Value.Int(m < 0 ? m + y : m);
                return true;
            case BinaryOperator.Div when y != 0 && FitsDouble(x) && FitsDouble(y):
                result = Value.Float((double)x / y);
                return true;
            case BinaryOperator.BitAnd:
                result = Value.Int(x & y);
                return true;
            case BinaryOperator.BitOr:
                result = Value.Int(x | y);
                return true;
            case BinaryOperator.BitXor:
                result = Value.Int(x ^ y);
                return true;
            case BinaryOperator.RShift when y >= 0:
                result = Value.Int(x >> (int)Math.Min(y, 63));
                return true;
            default:
                result = default;
                return false;
        }
    }

    private static bool TryFloatArith(BinaryOperator op, double x, double y, out Value result)
    {
        switch (op)
        {
            case BinaryOperator.Add:
                result = Value.Float(x + y);
                return true;
            case BinaryOperator.Sub:
                result = Value.Float(x - y);
                return true;
            case BinaryOperator.Mult:
                result = Value.Float(x * y);
                return true;
            case BinaryOperator.Div when y != 0:
                result = Value.Float(x / y);
                return true;
            default:
                result = default;
                return false;
        }
    }
}
