using Reclaim.Python.Objects;
using Reclaim.Python.Syntax.Ast;

namespace Reclaim.Python.Execution;

internal static partial class Ops
{
    /// <summary>
    /// An int operator whose operands and result fit 128 bits, computed on <see cref="Int128"/> (no
    /// <see cref="System.Numerics.BigInteger"/> digit arrays): what a 64-bit LCG step or hash mix needs. The null
    /// value when the operands do not fit, the result might not, or the operator is not one of these (true division,
    /// powers, errors such as a zero divisor or a negative shift count): the caller then takes the general path, which
    /// decides exactly as before.
    /// </summary>
    private static Value IntOp128(BinaryOperator op, Value a, Value b)
    {
        if (!TryNarrow(a, out Int128 x) || !TryNarrow(b, out Int128 y))
        {
            return default;
        }

        Int128 r;
        switch (op)
        {
            case BinaryOperator.Add:
                r = x + y;
                if (((x ^ r) & (y ^ r)) < 0)
                {
                    return default;
                }

                break;
            case BinaryOperator.Sub:
                r = x - y;
                if (((x ^ y) & (x ^ r)) < 0)
                {
                    return default;
                }

                break;
            case BinaryOperator.Mult:
                // Both magnitudes are below 2^127 (TryNarrow), and their product is below 2^128 when the bit lengths
                // add up to at most 128, so it is exact in 128 unsigned bits; it must then stay below 2^127. (A 64-bit
                // LCG step, a 64-bit state times a 63-bit multiplier, needs the full 127 bits.)
                if (BitLength(x) + BitLength(y) > 128)
                {
                    return default;
                }

                UInt128 magnitude = (UInt128)Int128.Abs(x) * (UInt128)Int128.Abs(y);
                if (magnitude > (UInt128)Int128.MaxValue)
                {
                    return default;
                }

                r = (x < 0) != (y < 0) ? -(Int128)magnitude : (Int128)magnitude;
                break;
            case BinaryOperator.BitAnd:
                r = x & y;
                break;
            case BinaryOperator.BitOr:
                r = x | y;
                break;
            case BinaryOperator.BitXor:
                r = x ^ y;
                break;
            case BinaryOperator.RShift:
                if (y < 0)
                {
                    return default;
                }

                // An arithmetic shift floors, as Python's >> does on negative ints.
                r = y >= 127 ? (x < 0 ? Int128.NegativeOne : Int128.Zero) : x >> (int)y;
                break;
            case BinaryOperator.LShift:
                if (y < 0 || (x != 0 && BitLength(x) + y > 126))
                {
                    return default;
                }

                r = x == 0 ? Int128.Zero : x << (int)y;
                break;
            case BinaryOperator.FloorDiv:
            case BinaryOperator.Mod:
                if (y == 0)
                {
                    return default;
                }

                // x is above Int128.MinValue, so x / -1 cannot overflow.
                Int128 q = Int128.DivRem(x, y).Quotient;
                Int128 m = x - (q * y);
                if (m != 0 && ((m < 0) != (y < 0)))
                {
                    q -= 1;
                    m += y;
                }

                r = op == BinaryOperator.FloorDiv ? q : m;
                break;
            default:
                return default;
        }

        // BigInt's 128-bit form excludes Int128.MinValue (so that negation always fits): such a result goes the
        // general way.
        return r == Int128.MinValue ? default : Value.Int(r);
    }

    /// <summary>
    /// <c>x / y</c> of two ints, correctly rounded as CPython's is (converting each to a double first rounds twice once
    /// an operand passes 2^53: <c>1 / (2**53 + 1)</c> came out one unit off). Throws OverflowError for a quotient beyond
    /// the float range; y is not zero.
    /// </summary>
    private static double TrueDivide(System.Numerics.BigInteger x, System.Numerics.BigInteger y)
    {
        const long Exact = 1L << 53;
        if (x >= -Exact && x <= Exact && y >= -Exact && y <= Exact)
        {
            // Both convert exactly, and one IEEE division rounds once.
            return (double)(long)x / (long)y;
        }

        bool negative = (x.Sign < 0) != (y.Sign < 0);
        System.Numerics.BigInteger a = System.Numerics.BigInteger.Abs(x), b = System.Numerics.BigInteger.Abs(y);
        if (a.IsZero)
        {
            return negative ? -0.0 : 0.0;
        }

        // Scale so that the integer quotient has 55 or 56 bits: the bits below the double's 53 plus a sticky bit for
        // a non-zero remainder make the one rounding of the ulong → double conversion the correct one.
        int shift = (int)(b.GetBitLength() - a.GetBitLength()) + 55;
        System.Numerics.BigInteger q = shift >= 0
            ? System.Numerics.BigInteger.DivRem(a << shift, b, out System.Numerics.BigInteger r)
            : System.Numerics.BigInteger.DivRem(a, b << -shift, out r);
        ulong bits = (ulong)q | (r.IsZero ? 0UL : 1UL);
        double magnitude = Math.ScaleB((double)bits, -shift);
        if (double.IsInfinity(magnitude))
        {
            throw PyErr.Overflow("integer division result too large for a float");
        }

        return negative ? -magnitude : magnitude;
    }

    // An int that fits the 128-bit fast path: a small int, a bool, or a big int with a 128-bit form.
    private static bool TryNarrow(Value v, out Int128 n)
    {
        if (v.IsSmallInt || v.IsBool)
        {
            n = v.Bits;
            return true;
        }

        if (v.Obj is BigInt { FitsInt128: true } big)
        {
            n = big.Narrow;
            return true;
        }

        n = default;
        return false;
    }

    // The number of bits of |v| (v above Int128.MinValue).
    private static int BitLength(Int128 v) => 128 - (int)UInt128.LeadingZeroCount((UInt128)Int128.Abs(v));
}
