using System.Globalization;
using System.Numerics;
using Reclaim.Python.Execution;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;
using Reclaim.Python.Syntax.Ast;

namespace Reclaim.Python.Modules;

/// <summary>
/// The methods of int and float that programs call by name: the arithmetic and comparison dunders (returning
/// NotImplemented for foreign operands), <c>to_bytes</c>/<c>from_bytes</c>, <c>bit_count</c>, <c>as_integer_ratio</c>,
/// <c>float.hex</c>/<c>fromhex</c>, and <c>pow</c> with a modulus.
/// </summary>
internal static class IntMethods
{
    private static readonly (string Name, BinaryOperator Op)[] s_binary =
    [
        ("add", BinaryOperator.Add), ("sub", BinaryOperator.Sub), ("mul", BinaryOperator.Mult), ("truediv", BinaryOperator.Div),
        ("floordiv", BinaryOperator.FloorDiv), ("mod", BinaryOperator.Mod), ("pow", BinaryOperator.Pow),
        ("lshift", BinaryOperator.LShift), ("rshift", BinaryOperator.RShift), ("and", BinaryOperator.BitAnd),
        ("or", BinaryOperator.BitOr), ("xor", BinaryOperator.BitXor),
    ];

    /// <summary>Installs them.</summary>
    public static void Install(PyContext ctx)
    {
        PyType i = ctx.IntType, f = ctx.FloatType;
        ctx.IntType.SetMember("__new__", TypeMethods.StaticMethod(ctx, ctx.NewBuiltin("__new__", (a, k) =>
        {
            if (a.Length > 3)
            {
                throw PyErr.TypeError($"int() takes at most 2 arguments ({a.Length - 1} given)");
            }

            Value x = a.Length > 1 ? a[1] : k?.Get("x") ?? default;
            Value numberBase = a.Length > 2 ? a[2] : k?.Get("base") ?? default;
            if (x.IsNull)
            {
                return numberBase.IsNull ? Value.Int(0) : throw PyErr.TypeError("int() missing string argument");
            }

            if (!numberBase.IsNull && x.Obj is not (string or PyBytes))
            {
                throw PyErr.TypeError("int() can't convert non-string with explicit base");
            }

            Value text = x.Obj is PyBytes xb ? Value.Str(Codecs.Decode(xb.Data, "latin-1", "strict")) : x;
            if (numberBase.IsNull)
            {
                return NumberMethods.ToInt(text, -1);
            }

            long b = Ops.ToIndexBorrowed(numberBase);
            if (b != 0 && b is < 2 or > 36)
            {
                throw PyErr.ValueError("int() base must be >= 2 and <= 36, or 0");
            }

            return NumberMethods.ToInt(text, (int)b);
        })));

        foreach (PyType t in new[] { i, f })
        {
            bool isInt = t == i;
            foreach ((string name, BinaryOperator op) in s_binary)
            {
                if (!isInt && op is BinaryOperator.LShift or BinaryOperator.RShift or BinaryOperator.BitAnd or BinaryOperator.BitOr or BinaryOperator.BitXor)
                {
                    continue;
                }

                ctx.DefMethod(t, $"__{name}__", (a, k) => !Accepts(a[1], isInt) ? ctx.NotImplemented.Dup()
                    : ModulusGiven(a, op) ? PowWithModulus(ctx, a[0], a[1], a[2], isInt) : Ops.Binary(op, a[0], a[1]));
                ctx.DefMethod(t, $"__r{name}__", (a, k) => !Accepts(a[1], isInt) ? ctx.NotImplemented.Dup()
                    : ModulusGiven(a, op) ? PowWithModulus(ctx, a[1], a[0], a[2], isInt) : Ops.Binary(op, a[1], a[0]));
            }

            foreach ((string name, CompareOp op) in new[] { ("eq", CompareOp.Eq), ("ne", CompareOp.Ne), ("lt", CompareOp.Lt), ("le", CompareOp.Le), ("gt", CompareOp.Gt), ("ge", CompareOp.Ge) })
            {
                ctx.DefMethod(t, $"__{name}__", (a, k) => Accepts(a[1], false) ? Ops.Compare(a[0], a[1], op) : ctx.NotImplemented.Dup());
            }

            ctx.DefMethod(t, "__divmod__", (a, k) => Accepts(a[1], isInt) ? ctx.NewTuple([Ops.Binary(BinaryOperator.FloorDiv, a[0], a[1]), Ops.Binary(BinaryOperator.Mod, a[0], a[1])]) : ctx.NotImplemented.Dup());
            ctx.DefMethod(t, "__neg__", (a, k) => Ops.Unary(UnaryOperator.USub, a[0]));
            ctx.DefMethod(t, "__pos__", (a, k) => Ops.Unary(UnaryOperator.UAdd, a[0]));
            ctx.DefMethod(t, "__abs__", (a, k) => Ops.Compare(a[0], Value.Int(0), CompareOp.Lt).Bits != 0 ? Ops.Unary(UnaryOperator.USub, a[0]) : Ops.Unary(UnaryOperator.UAdd, a[0]));
            ctx.DefMethod(t, "__bool__", (a, k) => Value.Bool(Ops.IsTrue(a[0])));
            ctx.DefMethod(t, "conjugate", (a, k) => Ops.Unary(UnaryOperator.UAdd, a[0]));
            ctx.DefMethod(t, "__trunc__", (a, k) => Truncate(a[0]));
            ctx.DefMethod(t, "__floor__", (a, k) => a[0].IsFloat ? NumberMethods.ToInt(Value.Float(Math.Floor(a[0].AsFloat)), -1) : Ops.Unary(UnaryOperator.UAdd, a[0]));
            ctx.DefMethod(t, "__ceil__", (a, k) => a[0].IsFloat ? NumberMethods.ToInt(Value.Float(Math.Ceiling(a[0].AsFloat)), -1) : Ops.Unary(UnaryOperator.UAdd, a[0]));
            ctx.DefMethod(t, "__round__", (a, k) => Builtins.RoundNumber(a));
        }

        ctx.DefMethod(i, "__invert__", (a, k) => Ops.Unary(UnaryOperator.Invert, a[0]));
        ctx.DefMethod(i, "bit_count", (a, k) =>
        {
            Ops.TryBig(a[0], out BigInteger n);
            n = BigInteger.Abs(n);
            long count = 0;
            foreach (byte b in n.ToByteArray())
            {
                count += BitOperations.PopCount(b);
            }

            return Value.Int(count);
        });
        ctx.DefMethod(i, "as_integer_ratio", (a, k) => ctx.NewTuple([Ops.Unary(UnaryOperator.UAdd, a[0]), Value.Int(1)]));
        ctx.DefMethod(i, "to_bytes", ToBytes);
        i.SetMember("from_bytes", DataModel.NativeClassMethod(ctx, i, "from_bytes", FromBytes));
        ctx.DefMethod(f, "hex", (a, k) => Value.Str(FloatHex(a[0].AsFloat)));
        f.SetMember("fromhex", DataModel.NativeClassMethod(ctx, f, "fromhex", (a, k) => Value.Float(FromHex(a.Length > 1 && a[1].Obj is string s ? s : throw PyErr.TypeError("fromhex() argument must be str")))));
        ctx.DefMethod(f, "as_integer_ratio", (a, k) => Ratio(ctx, a[0].AsFloat));
    }

    private static bool Accepts(Value other, bool intOnly) =>
        other.IsSmallInt || other.IsBool || other.Obj is BigInt || (!intOnly && other.IsFloat);

    private static Value Truncate(Value v) =>
        v.IsFloat ? NumberMethods.ToInt(v, -1) : Ops.Unary(UnaryOperator.UAdd, v);

    /// <summary><c>pow(base, exp, mod)</c> on ints, negative exponents through the modular inverse.</summary>
    // __pow__/__rpow__ take an optional modulus (pow(x, y, z)); None means none.
    private static bool ModulusGiven(ReadOnlySpan<Value> a, BinaryOperator op) => op == BinaryOperator.Pow && a.Length > 2 && !a[2].IsNone;

    // int: pow(b, e, m); float: CPython's float.__pow__ refuses a modulus.
    private static Value PowWithModulus(PyContext ctx, Value b, Value e, Value m, bool isInt) =>
        !isInt ? throw PyErr.TypeError("pow() 3rd argument not allowed unless all arguments are integers")
        : Accepts(m, true) ? PowMod(b, e, m) : ctx.NotImplemented.Dup();

    public static Value PowMod(Value b, Value e, Value m)
    {
        if (!Ops.TryBig(b, out BigInteger x) || !Ops.TryBig(e, out BigInteger y) || !Ops.TryBig(m, out BigInteger z))
        {
            throw PyErr.TypeError("pow() 3rd argument not allowed unless all arguments are integers");
        }

        if (z.IsZero)
        {
            throw PyErr.ValueError("pow() 3rd argument cannot be 0");
        }

        BigInteger mod = BigInteger.Abs(z);
        if (y.Sign < 0)
        {
            x = Inverse(((x % mod) + mod) % mod, mod);
            y = -y;
        }

        BigInteger r = BigInteger.ModPow(((x % mod) + mod) % mod, y, mod);
        if (z.Sign < 0 && !r.IsZero)
        {
            r -= mod;
        }

        return Value.Int(r);
    }

    private static BigInteger Inverse(BigInteger a, BigInteger m)
    {
        BigInteger g = m, x = 0, x1 = 1, a1 = a;
        while (!a1.IsZero)
        {
            BigInteger q = g / a1;
            (g, a1) = (a1, g - (q * a1));
            (x, x1) = (x1, x - (q * x1));
        }

        if (!g.IsOne)
        {
            throw PyErr.ValueError("base is not invertible for the given modulus");
        }

        return ((x % m) + m) % m;
    }

    private static Value ToBytes(ReadOnlySpan<Value> a, PyDict? k)
    {
        Ops.TryBig(a[0], out BigInteger n);
        Value lengthArg = a.Length > 1 ? a[1] : k?.Get("length") ?? Value.Int(1);
        Value orderArg = a.Length > 2 ? a[2] : k?.Get("byteorder") ?? Value.Str("big");
        bool signed = k?.Get("signed") is { IsNull: false } s && Ops.IsTrue(s);
        long length = lengthArg.IsSmallInt ? lengthArg.Bits : throw PyErr.TypeError($"'{Ops.TypeName(lengthArg)}' object cannot be interpreted as an integer");
        string order = orderArg.Obj as string ?? throw PyErr.TypeError($"to_bytes() argument 'byteorder' must be str, not {Ops.TypeName(orderArg)}");
        if (order is not ("big" or "little"))
        {
            throw PyErr.ValueError("byteorder must be either 'little' or 'big'");
        }

        if (length < 0)
        {
            throw PyErr.ValueError("length argument must be non-negative");
        }

        if (n.Sign < 0 && !signed)
        {
            throw PyErr.Overflow("can't convert negative int to unsigned");
        }

        byte[] raw = n.ToByteArray(isUnsigned: !signed, isBigEndian: false);
        if (raw.Length > length && !(raw.Length == length + 1 && !signed && raw[^1] == 0))
        {
            // ToByteArray may add a sign byte; only real digits count.
            bool fits = raw.Skip((int)length).All(x => x == (n.Sign < 0 ? 0xFF : 0)) && (length == 0 ? n.IsZero : (!signed || ((raw[length - 1] & 0x80) != 0) == (n.Sign < 0)));
            if (!fits)
            {
                throw PyErr.Overflow("int too big to convert");
            }
        }

        var result = new byte[length];
        for (int j = 0; j < length; j++)
        {
            result[j] = j < raw.Length ? raw[j] : (byte)(n.Sign < 0 ? 0xFF : 0);
        }

        if (order == "big")
        {
            Array.Reverse(result);
        }

        return BytesMethods.NewBytes(result);
    }

    private static Value FromBytes(ReadOnlySpan<Value> a, PyDict? k)
    {
        Value data = a.Length > 1 ? a[1] : k?.Get("bytes") ?? default;
        Value orderArg = a.Length > 2 ? a[2] : k?.Get("byteorder") ?? Value.Str("big");
        bool signed = k?.Get("signed") is { IsNull: false } s && Ops.IsTrue(s);
        byte[] bytes = data.Obj is PyBytes pb ? pb.Data : [.. Ops.ToList(data).Select(v => BytesMethods.ByteValue(v))];
        string order = orderArg.Obj as string ?? "big";
        if (order is not ("big" or "little"))
        {
            throw PyErr.ValueError("byteorder must be either 'little' or 'big'");
        }

        var n = new BigInteger(bytes, isUnsigned: !signed, isBigEndian: order == "big");
        Value result = Value.Int(n);
        if (a[0].Obj is PyType t && t != PyContext.Current.IntType)
        {
            return Ops.Call(a[0], [result], null);
        }

        return result;
    }

    private static string FloatHex(double d)
    {
        if (double.IsNaN(d))
        {
            return "nan";
        }

        if (double.IsInfinity(d))
        {
            return d > 0 ? "inf" : "-inf";
        }

        string sign = d < 0 || (d == 0 && double.IsNegative(d)) ? "-" : string.Empty;
        long bits = BitConverter.DoubleToInt64Bits(Math.Abs(d));
        int exponent = (int)((bits >> 52) & 0x7FF);
        long fraction = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0 && fraction == 0)
        {
            return sign + "0x0.0p+0";
        }

        int e = exponent == 0 ? -1022 : exponent - 1023;
        string lead = exponent == 0 ? "0" : "1";
        return $"{sign}0x{lead}.{fraction.ToString("x13", CultureInfo.InvariantCulture)}p{(e < 0 ? "-" : "+")}{Math.Abs(e)}";
    }

    private static double FromHex(string text)
    {
        string s = text.Trim().ToLowerInvariant();
        bool negative = s.StartsWith('-');
        if (negative || s.StartsWith('+'))
        {
            s = s[1..];
        }

        if (s is "inf" or "infinity")
        {
            return negative ? double.NegativeInfinity : double.PositiveInfinity;
        }

        if (s == "nan")
        {
            return double.NaN;
        }

        if (s.StartsWith("0x", StringComparison.Ordinal))
        {
            s = s[2..];
        }

        int p = s.IndexOf('p');
        int exp = 0;
        if (p >= 0)
        {
            exp = int.TryParse(s[(p + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int pe) ? pe : throw PyErr.ValueError("invalid hexadecimal floating-point string");
            s = s[..p];
        }

        int dot = s.IndexOf('.');
        string digits = dot < 0 ? s : s[..dot] + s[(dot + 1)..];
        if (digits.Length == 0 || !digits.All(Uri.IsHexDigit))
        {
            throw PyErr.ValueError("invalid hexadecimal floating-point string");
        }

        int fractionDigits = dot < 0 ? 0 : s.Length - dot - 1;
        BigInteger mantissa = BigInteger.Parse("0" + digits, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        double value = (double)mantissa * Math.Pow(2, exp - (4 * fractionDigits));
        return negative ? -value : value;
    }

    private static Value Ratio(PyContext ctx, double d)
    {
        if (double.IsInfinity(d))
        {
            throw PyErr.Overflow("cannot convert Infinity to integer ratio");
        }

        if (double.IsNaN(d))
        {
            throw PyErr.ValueError("cannot convert NaN to integer ratio");
        }

        long bits = BitConverter.DoubleToInt64Bits(d);
        int exponent = (int)((bits >> 52) & 0x7FF);
        long fraction = bits & 0xFFFFFFFFFFFFFL;
        BigInteger mantissa = exponent == 0 ? fraction : fraction | (1L << 52);
        int e = exponent == 0 ? -1074 : exponent - 1075;
        if (d < 0)
        {
            mantissa = -mantissa;
        }

        BigInteger num = mantissa, den = BigInteger.One;
        if (e > 0)
        {
            num <<= e;
        }
        else
        {
            den <<= -e;
        }

        BigInteger g = BigInteger.GreatestCommonDivisor(num, den);
        if (!g.IsZero)
        {
            num /= g;
            den /= g;
        }

        return ctx.NewTuple([Value.Int(num), Value.Int(den)]);
    }
}
