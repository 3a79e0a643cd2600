using System.Numerics;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;
using Reclaim.Python.Syntax.Ast;

namespace Reclaim.Python.Execution;

/// <summary>Comparison operators in the order of CPython's rich comparison ops.</summary>
internal enum CompareOp
{
    Lt, Le, Eq, Ne, Gt, Ge,
}

internal static partial class Ops
{
    private static readonly string[] s_binNames =
        ["__add__", "__sub__", "__mul__", "__matmul__", "__truediv__", "__mod__", "__pow__", "__lshift__", "__rshift__", "__or__", "__xor__", "__and__", "__floordiv__"];

    // The reflected and in-place names, made once: type look-ups are cached by the name's identity.
    private static readonly string[] s_rbinNames = [.. s_binNames.Select(n => string.Intern("__r" + n[2..]))];

    private static readonly string[] s_ibinNames = [.. s_binNames.Select(n => string.Intern("__i" + n[2..]))];

    private static readonly string[] s_symbols = ["+", "-", "*", "@", "/", "%", "** or pow()", "<<", ">>", "|", "^", "&", "//"];

    /// <summary>A binary operator on borrowed operands; returns a new reference.</summary>
    public static Value Binary(BinaryOperator op, Value a, Value b)
    {
        if (a.IsSmallInt && b.IsSmallInt)
        {
            long x = a.Bits, y = b.Bits;
            switch (op)
            {
                case BinaryOperator.Add:
                    long s = x + y;
                    return ((x ^ s) & (y ^ s)) < 0 ? Value.Int((Int128)x + y) : Value.Int(s);
                case BinaryOperator.Sub:
                    long d = x - y;
                    return ((x ^ y) & (x ^ d)) < 0 ? Value.Int((Int128)x - y) : Value.Int(d);
                case BinaryOperator.Mult:
                    // The 128-bit product fits a long when its high half is the sign extension of the low half;
                    // no checked() multiply, whose OverflowException costs microseconds under Native AOT (the
                    // 64-bit LCGs of the benchmarks overflow on every step).
                    long high = Math.BigMul(x, y, out long p);
                    return high == (p >> 63) ? Value.Int(p) : Value.Int(Math.BigMul(x, y));
                case BinaryOperator.FloorDiv:
                    if (y == 0)
                    {
                        throw PyErr.ZeroDivision("integer division or modulo by zero");
                    }

                    if (x == long.MinValue && y == -1)
                    {
                        return Value.Int(-(BigInteger)x);
                    }

                    long q = x / y;
                    if ((x % y != 0) && ((x < 0) != (y < 0)))
                    {
                        q--;
                    }

                    return Value.Int(q);
                case BinaryOperator.Mod:
                    if (y == 0)
                    {
                        throw PyErr.ZeroDivision("integer modulo by zero");
                    }

                    if (y == -1)
                    {
                        return Value.Int(0);
                    }

                    long m = x % y;
                    if (m != 0 && ((m < 0) != (y < 0)))
                    {
                        m += y;
                    }

                    return Value.Int(m);
                case BinaryOperator.Div:
                    if (y == 0)
                    {
                        throw PyErr.ZeroDivision("division by zero");
                    }

                    return Value.Float(TrueDivide(x, y));
                case BinaryOperator.BitAnd:
                    return Value.Int(x & y);
                case BinaryOperator.BitOr:
                    return Value.Int(x | y);
                case BinaryOperator.BitXor:
                    return Value.Int(x ^ y);
                case BinaryOperator.RShift when y >= 0:
                    return Value.Int(x >> (int)Math.Min(y, 63));
            }
        }

        if (a.IsFloat && b.IsFloat)
        {
            Value r = FloatOp(op, a.AsFloat, b.AsFloat);
            if (!r.IsNull)
            {
                return r;
            }
        }

        if (a.IsBool && b.IsBool && op is BinaryOperator.BitAnd or BinaryOperator.BitOr or BinaryOperator.BitXor)
        {
            // bool overrides &, | and ^ to keep the result a bool when both sides are bools.
            bool x = a.Bits != 0, y = b.Bits != 0;
            return Value.Bool(op == BinaryOperator.BitAnd ? x & y : op == BinaryOperator.BitOr ? x | y : x ^ y);
        }

        Value result = BinaryBuiltin(op, a, b);
        if (!result.IsNull)
        {
            return result;
        }

        return BinaryDunder(op, a, b, s_binNames[(int)op]);
    }

    private static Value BinaryDunder(BinaryOperator op, Value a, Value b, string name)
    {
        PyType ta = TypeOf(a), tb = TypeOf(b);
        string rname = s_rbinNames[(int)op];
        Value fa = ta.Lookup(name);
        Value fb = ReferenceEquals(ta, tb) ? default : tb.Lookup(rname);
        PyContext ctx = PyContext.Current;
        if (!fb.IsNull && tb.IsSubtypeOf(ta) && !ReferenceEquals(ta, tb))
        {
            Value r = CallMethod(fb, b, [a]);
            if (!r.Is(ctx.NotImplemented))
            {
                return r;
            }

            fb = default;
        }

        if (!fa.IsNull)
        {
            Value r = CallMethod(fa, a, [b]);
            if (!r.Is(ctx.NotImplemented))
            {
                return r;
            }
        }

        if (!fb.IsNull)
        {
            Value r = CallMethod(fb, b, [a]);
            if (!r.Is(ctx.NotImplemented))
            {
                return r;
            }
        }

        if (a.Obj is PyValueBox || b.Obj is PyValueBox)
        {
            // A subclass of int, float or str that does not define the operator: the base's operator on the values
            // (whose result is of the base type, as CPython's).
            return Binary(op, Modules.ValueSubclasses.Unbox(a), Modules.ValueSubclasses.Unbox(b));
        }

        if (a.Obj is PyTuple || b.Obj is PyTuple)
        {
            // A tuple subclass that does not define the operator: the tuple's concatenation and repetition.
            if (op == BinaryOperator.Add && a.Obj is PyTuple ca && b.Obj is PyTuple cb)
            {
                return Concat(ca, cb);
            }

            if (op == BinaryOperator.Mult && (a.Obj is PyTuple ? IsIntLike(b) : IsIntLike(a)))
            {
                return a.Obj is PyTuple ra ? RepeatSeq(ra, ToIndex(b)) : RepeatSeq((PyTuple)b.Obj!, ToIndex(a));
            }
        }

        if (op == BinaryOperator.Add && ConcatenationError(ta, tb) is { } concat)
        {
            throw PyErr.TypeError(concat);
        }

        string sym = s_symbols[(int)op];
        if (op == BinaryOperator.Add && (a.Obj is string || a.Obj is PyList or PyTuple && !ta.IsHeap))
        {
            // CPython's sequence concatenation names the left operand's type in its own message.
            throw PyErr.TypeError($"can only concatenate {ta.Name} (not \"{tb.Name}\") to {ta.Name}");
        }

        throw PyErr.TypeError($"unsupported operand type(s) for {sym}: '{ta.Name}' and '{tb.Name}'");
    }

    // When neither operand adds, CPython falls back to the left operand's sequence concatenation, whose own message wins.
    private static string? ConcatenationError(PyType left, PyType right)
    {
        PyContext ctx = PyContext.Current;
        foreach (PyType sequence in (ReadOnlySpan<PyType>)[ctx.StrType, ctx.ListType, ctx.TupleType])
        {
            if (left.IsSubtypeOf(sequence))
            {
                return $"can only concatenate {sequence.Name} (not \"{right.Name}\") to {sequence.Name}";
            }
        }

        return left.IsSubtypeOf(ctx.BytesType) ? $"can't concat {right.Name} to {left.Name}" : null;
    }

    /// <summary>An augmented assignment: tries <c>__iop__</c> first, then the binary operator.</summary>
    public static Value InPlace(BinaryOperator op, Value a, Value b)
    {
        if (a.Obj is PyObject o)
        {
            if (o is PyList list && !list.Type.IsHeap && op == BinaryOperator.Add)
            {
                Extend(list, b);
                return a.Dup();
            }

            Value f = o.Type.Lookup(s_ibinNames[(int)op]);
            if (!f.IsNull)
            {
                Value r = CallMethod(f, a, [b]);
                if (!r.Is(PyContext.Current.NotImplemented))
                {
                    return r;
                }
            }
        }

        try
        {
            return Binary(op, a, b);
        }
        catch (PyException e) when (e.Object.Type == PyContext.Current.ExceptionType("TypeError") && op != BinaryOperator.Pow)
        {
            string msg = StrOf(e.Exc);
            if (msg.StartsWith("unsupported operand type(s) for ", StringComparison.Ordinal))
            {
                e.Exc.Drop();
                throw PyErr.TypeError(msg.Replace("for " + s_symbols[(int)op] + ":", "for " + s_symbols[(int)op] + "=:"));
            }

            throw;
        }
    }

    private static bool IsIntLike(Value v) => v.IsSmallInt || v.IsBool || v.Obj is BigInt;

    private static Value BinaryBuiltin(BinaryOperator op, Value a, Value b)
    {
        PyContext ctx = PyContext.Current;
        if (IsIntLike(a) && IsIntLike(b))
        {
            Value narrow = IntOp128(op, a, b);
            if (!narrow.IsNull)
            {
                return narrow;
            }

            TryBig(a, out BigInteger x);
            TryBig(b, out BigInteger y);
            return BigOp(op, x, y);
        }

        if ((a.IsFloat || IsIntLike(a)) && (b.IsFloat || IsIntLike(b)))
        {
            return FloatOp(op, ToDouble(a), ToDouble(b));
        }

        if (a.Obj is string sa)
        {
            if (op == BinaryOperator.Add && b.Obj is string sb)
            {
                return Value.Str(sa + sb);
            }

            if (op == BinaryOperator.Mult && IsIntLike(b))
            {
                return Value.Str(Repeat(sa, ToIndex(b)));
            }

            if (op == BinaryOperator.Mod)
            {
                return Value.Str(Formatting.PercentFormat(sa, b));
            }
        }

        if (op == BinaryOperator.Mult && a.Obj is string s2 && IsIntLike(b))
        {
            return Value.Str(Repeat(s2, ToIndex(b)));
        }

        if (op == BinaryOperator.Mult && b.Obj is string s3 && IsIntLike(a))
        {
            return Value.Str(Repeat(s3, ToIndex(a)));
        }

        if (a.Obj is PySequence qa && !qa.Type.IsHeap)
        {
            if (op == BinaryOperator.Add && b.Obj is PySequence qb && qb.Type == qa.Type)
            {
                return Concat(qa, qb);
            }

            if (op == BinaryOperator.Mult && IsIntLike(b))
            {
                return RepeatSeq(qa, ToIndex(b));
            }
        }

        if (op == BinaryOperator.Mult && b.Obj is PySequence rb && !rb.Type.IsHeap && IsIntLike(a))
        {
            return RepeatSeq(rb, ToIndex(a));
        }

        // Subclasses go through their methods, which they may override (set's own are SetOps.Binary too).
        if (a.Obj is PySet { Type.IsHeap: false } && b.Obj is PySet { Type.IsHeap: false } && op is BinaryOperator.BitOr or BinaryOperator.BitAnd or BinaryOperator.Sub or BinaryOperator.BitXor)
        {
            return SetOps.Binary(op, (PySet)a.Obj, (PySet)b.Obj);
        }

        if (a.Obj is PyDict da && b.Obj is PyDict db && op == BinaryOperator.BitOr && da is not PySet && db is not PySet)
        {
            PyDict d = ctx.NewDict();
            Update(d, a);
            Update(d, b);
            return Value.Steal(d);
        }

        return default;
    }

    /// <summary>A unary operator on a borrowed operand; returns a new reference.</summary>
    public static Value Unary(UnaryOperator op, Value v)
    {
        switch (op)
        {
            case UnaryOperator.Not:
                return Value.Bool(!IsTrue(v));
            case UnaryOperator.USub when v.IsSmallInt:
                return v.Bits == long.MinValue ? Value.Int(-(BigInteger)v.Bits) : Value.Int(-v.Bits);
            case UnaryOperator.USub when v.IsFloat:
                return Value.Float(-v.AsFloat);
            case UnaryOperator.USub when IsIntLike(v):
                TryBig(v, out BigInteger n);
                return Value.Int(-n);
            case UnaryOperator.UAdd when IsIntLike(v):
                TryBig(v, out BigInteger p);
                return Value.Int(p);
            case UnaryOperator.UAdd when v.IsFloat:
                return v;
            case UnaryOperator.Invert when IsIntLike(v):
                TryBig(v, out BigInteger i);
                return Value.Int(-i - 1);
        }

        string name = op switch { UnaryOperator.USub => "__neg__", UnaryOperator.UAdd => "__pos__", _ => "__invert__" };
        Value f = TypeOf(v).Lookup(name);
        if (f.IsNull)
        {
            string sym = op switch { UnaryOperator.USub => "-", UnaryOperator.UAdd => "+", _ => "~" };
            throw PyErr.TypeError($"bad operand type for unary {sym}: '{TypeName(v)}'");
        }

        return CallMethod(f, v, []);
    }
}
