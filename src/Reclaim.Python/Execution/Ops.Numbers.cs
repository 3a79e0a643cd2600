using System.Numerics;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;
using Reclaim.Python.Syntax.Ast;

namespace Reclaim.Python.Execution;

/// <summary>Float and big-int arithmetic with CPython's results (signs of zero, floor division, modulo), and numbers as doubles.</summary>
internal static partial class Ops
{
    private static Value FloatOp(BinaryOperator op, double x, double y)
    {
        switch (op)
        {
            case BinaryOperator.Add: return Value.Float(x + y);
            case BinaryOperator.Sub: return Value.Float(x - y);
            case BinaryOperator.Mult: return Value.Float(x * y);
            case BinaryOperator.Div:
                if (y == 0)
                {
                    throw PyErr.ZeroDivision("float division by zero");
                }

                return Value.Float(x / y);
            case BinaryOperator.FloorDiv:
                if (y == 0)
                {
                    throw PyErr.ZeroDivision("float floor division by zero");
                }

                return Value.Float(FloatDivMod(x, y, out _));
            case BinaryOperator.Mod:
                if (y == 0)
                {
                    throw PyErr.ZeroDivision("float modulo");
                }

                FloatDivMod(x, y, out double m);
                return Value.Float(m);
            case BinaryOperator.Pow:
                if (x == 0 && y < 0)
                {
                    throw PyErr.ZeroDivision("0.0 cannot be raised to a negative power");
                }

                return Value.Float(Math.Pow(x, y));
        }

        return default;
    }

    // CPython's float divmod: the remainder takes the divisor's sign (a zero one too), the quotient is floored and
    // corrected for the remainder's rounding, a zero quotient keeps the sign of x / y (so -1.0 // inf is -1.0 and
    // -1.0 % 0.5 is 0.0, not -0.0). y is not zero.
    private static double FloatDivMod(double x, double y, out double mod)
    {
        // C#'s % on doubles is C's fmod.
        mod = x % y;
        double div = (x - mod) / y;
        if (mod != 0)
        {
            if ((y < 0) != (mod < 0))
            {
                mod += y;
                div -= 1.0;
            }
        }
        else
        {
            mod = Math.CopySign(0.0, y);
        }

        if (div != 0)
        {
            double floor = Math.Floor(div);
            return div - floor > 0.5 ? floor + 1.0 : floor;
        }

        return Math.CopySign(0.0, x / y);
    }

    /// <summary>A number as a double (int or float), for mixed arithmetic.</summary>
    public static double ToDouble(Value v)
    {
        if (v.IsFloat)
        {
            return v.AsFloat;
        }

        if (v.IsSmallInt || v.IsBool)
        {
            return v.Bits;
        }

        if (v.Obj is BigInt b)
        {
            double d = (double)b.Value;
            if (double.IsInfinity(d))
            {
                throw PyErr.Overflow("int too large to convert to float");
            }

            return d;
        }

        Value f = TypeOf(v).Lookup("__float__");
        if (!f.IsNull)
        {
            Value r = CallMethod(f, v, []);
            return r.AsFloat;
        }

        throw PyErr.TypeError($"must be real number, not {TypeName(v)}");
    }

    /// <summary>
    /// <c>x &lt;&lt; y</c> for a non-negative count: zero stays zero; a count past 64 bits is CPython's OverflowError,
    /// and a result past 2^31 bits (256 MB) a MemoryError, where .NET's BigInteger would throw its own exception.
    /// </summary>
    private static BigInteger ShiftLeft(BigInteger x, BigInteger y)
    {
        if (x.IsZero)
        {
            return BigInteger.Zero;
        }

        if (y > long.MaxValue)
        {
            throw PyErr.Make("OverflowError", "too many digits in integer");
        }

        if (x.GetBitLength() + (long)y > int.MaxValue)
        {
            throw PyErr.Make("MemoryError", null);
        }

        return x << (int)y;
    }

    /// <summary>
    /// <c>x ** y</c> for a non-negative exponent. 0, 1 and -1 take any exponent; otherwise a result past 2^31 bits
    /// (256 MB) is a MemoryError, where .NET's BigInteger would throw its own exception (CPython computes on until
    /// memory runs out).
    /// </summary>
    private static BigInteger Power(BigInteger x, BigInteger y)
    {
        if (x.IsZero || x.IsOne)
        {
            return y.IsZero ? BigInteger.One : x;
        }

        if (x == BigInteger.MinusOne)
        {
            return y.IsEven ? BigInteger.One : BigInteger.MinusOne;
        }

        if (y > int.MaxValue || (x.GetBitLength() - 1) * (long)y > int.MaxValue)
        {
            throw PyErr.Make("MemoryError", null);
        }

        return BigInteger.Pow(x, (int)y);
    }

    private static Value BigOp(BinaryOperator op, BigInteger x, BigInteger y)
    {
        switch (op)
        {
            case BinaryOperator.Add: return Value.Int(x + y);
            case BinaryOperator.Sub: return Value.Int(x - y);
            case BinaryOperator.Mult: return Value.Int(x * y);
            case BinaryOperator.BitAnd: return Value.Int(x & y);
            case BinaryOperator.BitOr: return Value.Int(x | y);
            case BinaryOperator.BitXor: return Value.Int(x ^ y);
            case BinaryOperator.LShift:
                if (y < 0)
                {
                    throw PyErr.ValueError("negative shift count");
                }

                return Value.Int(ShiftLeft(x, y));
            case BinaryOperator.RShift:
                if (y < 0)
                {
                    throw PyErr.ValueError("negative shift count");
                }

                return Value.Int(y > 100000 ? (x < 0 ? BigInteger.MinusOne : BigInteger.Zero) : x >> (int)y);
            case BinaryOperator.FloorDiv:
            case BinaryOperator.Mod:
                if (y.IsZero)
                {
                    throw PyErr.ZeroDivision(op == BinaryOperator.Mod ? "integer modulo by zero" : "integer division or modulo by zero");
                }

                BigInteger q = BigInteger.DivRem(x, y, out BigInteger r);
                if (!r.IsZero && ((r.Sign < 0) != (y.Sign < 0)))
                {
                    q -= 1;
                    r += y;
                }

                return op == BinaryOperator.FloorDiv ? Value.Int(q) : Value.Int(r);
            case BinaryOperator.Div:
                if (y.IsZero)
                {
                    throw PyErr.ZeroDivision("division by zero");
                }

                return Value.Float(TrueDivide(x, y));
            case BinaryOperator.Pow:
                if (y.Sign < 0)
                {
                    if (x.IsZero)
                    {
                        throw PyErr.ZeroDivision("0.0 cannot be raised to a negative power");
                    }

                    return Value.Float(Math.Pow((double)x, (double)y));
                }

                return Value.Int(Power(x, y));
        }

        return default;
    }
}
