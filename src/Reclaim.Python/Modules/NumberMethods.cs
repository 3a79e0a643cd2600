using System.Globalization;
using System.Numerics;
using Reclaim.Python.Execution;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Modules;

/// <summary>int, bool and float constructors and methods.</summary>
internal static class NumberMethods
{
    /// <summary>Installs them.</summary>
    public static void Install(PyContext ctx)
    {
        ctx.IntType.SetMember("__new__", TypeMethods.StaticMethod(ctx, ctx.NewBuiltin("__new__", (a, k) => a.Length < 2 ? Value.Int(0) : ToInt(a[1], a.Length > 2 ? (int)Ops.ToIndexBorrowed(a[2]) : -1))));
        ctx.BoolType.SetMember("__new__", TypeMethods.StaticMethod(ctx, ctx.NewBuiltin("__new__", (a, k) => a.Length > 2 ? throw PyErr.TypeError($"bool expected at most 1 argument, got {a.Length - 1}") : Value.Bool(a.Length > 1 && Ops.IsTrue(a[1])))));
        ctx.FloatType.SetMember("__new__", TypeMethods.StaticMethod(ctx, ctx.NewBuiltin("__new__", (a, k) =>
            a.Length > 2 ? throw PyErr.TypeError($"float expected at most 1 argument, got {a.Length - 1}")
            : a.Length < 2 ? Value.Float(0) : ToFloat(a[1]))));
        ctx.DefMethod(ctx.IntType, "__repr__", (a, k) => Value.Str(Ops.Repr(a[0])));
        ctx.DefMethod(ctx.FloatType, "__repr__", (a, k) => Value.Str(Ops.Repr(a[0])));
        ctx.DefMethod(ctx.BoolType, "__repr__", (a, k) => Value.Str(Ops.Repr(a[0])));
        ctx.DefMethod(ctx.IntType, "__format__", (a, k) => Value.Str(FormatSpec.Apply(a[0], ArgumentChecks.FormatSpec(a[1]))));
        ctx.DefMethod(ctx.FloatType, "__format__", (a, k) => Value.Str(FormatSpec.Apply(a[0], ArgumentChecks.FormatSpec(a[1]))));
        ctx.DefMethod(ctx.IntType, "bit_length", (a, k) =>
        {
            Ops.TryBig(a[0], out BigInteger n);
            return Value.Int(n.IsZero ? 0 : (long)BigInteger.Abs(n).GetBitLength());
        });
        ctx.DefMethod(ctx.IntType, "__index__", (a, k) => a[0].Dup());
        ctx.DefMethod(ctx.IntType, "__int__", (a, k) => a[0].Dup());
        ctx.DefMethod(ctx.FloatType, "is_integer", (a, k) => Value.Bool(a[0].AsFloat == Math.Floor(a[0].AsFloat)));
        ctx.DefMethod(ctx.FloatType, "__int__", (a, k) => ToInt(a[0], -1));
        ctx.DefMethod(ctx.FloatType, "__float__", (a, k) => a[0].Dup());
        ctx.DefMethod(ctx.IntType, "__float__", (a, k) => Value.Float(Ops.ToDouble(a[0])));
        ctx.DefMethod(ctx.IntType, "__hash__", (a, k) => Value.Int(Ops.Hash(a[0])));
        ctx.DefMethod(ctx.FloatType, "__hash__", (a, k) => Value.Int(Ops.Hash(a[0])));
    }

    /// <summary><c>int(x)</c> / <c>int(s, base)</c>.</summary>
    public static Value ToInt(Value v, int numberBase)
    {
        if (v.Obj is string s)
        {
            return IntFromString.Parse(s, numberBase < 0 ? 10 : numberBase);
        }

        if (v.IsSmallInt || v.Obj is BigInt)
        {
            return v;
        }

        if (v.IsBool)
        {
            return Value.Int(v.Bits);
        }

        if (v.IsFloat)
        {
            double d = v.AsFloat;
            if (double.IsNaN(d))
            {
                throw PyErr.ValueError("cannot convert float NaN to integer");
            }

            if (double.IsInfinity(d))
            {
                throw PyErr.Overflow("cannot convert float infinity to integer");
            }

            return Value.Int(new BigInteger(Math.Truncate(d)));
        }

        Value r = Ops.CallSpecial(v, "__int__", []);
        if (r.IsNull)
        {
            r = Ops.CallSpecial(v, "__index__", []);
        }

        return r.IsNull ? throw PyErr.TypeError($"int() argument must be a string, a bytes-like object or a real number, not '{Ops.TypeName(v)}'") : r;
    }

    private static Value ToFloat(Value v)
    {
        if (v.Obj is string s)
        {
            string t = s.Trim().ToLowerInvariant().Replace("_", string.Empty, StringComparison.Ordinal);
            switch (t)
            {
                case "inf" or "+inf" or "infinity" or "+infinity":
                    return Value.Float(double.PositiveInfinity);
                case "-inf" or "-infinity":
                    return Value.Float(double.NegativeInfinity);
                case "nan" or "+nan" or "-nan":
                    return Value.Float(double.NaN);
            }

            if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double d))
            {
                return Value.Float(d);
            }

            throw PyErr.ValueError($"could not convert string to float: {Ops.StrRepr(s)}");
        }

        return Value.Float(Ops.ToDouble(v));
    }
}
