using System.Globalization;
using System.Numerics;
using System.Text;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Execution;

/// <summary>The abstract object protocol: what CPython's <c>PyObject_*</c>/<c>PyNumber_*</c> functions do.</summary>
internal static partial class Ops
{
    /// <summary>The Python type of a value.</summary>
    public static PyType TypeOf(Value v)
    {
        if (v.Heap is { } o)
        {
            return o.Type;
        }

        PyContext ctx = PyContext.Current;
        return v.Obj switch
        {
            string => ctx.StrType,
            BigInt => ctx.IntType,
            _ when v.IsSmallInt => ctx.IntType,
            _ when v.IsFloat => ctx.FloatType,
            _ when v.IsBool => ctx.BoolType,
            _ => ctx.NoneType,
        };
    }

    /// <summary>The type's name as messages show it.</summary>
    public static string TypeName(Value v) => TypeOf(v).Name;

    /// <summary>Truth value (<c>bool(x)</c>).</summary>
    public static bool IsTrue(Value v)
    {
        switch (v.Obj)
        {
            case Value.Tag when v.IsBool || v.IsSmallInt:
                return v.Bits != 0;
            case Value.Tag when v.IsFloat:
                return v.AsFloat != 0.0;
            case Value.Tag:
                return false;
            case string s:
                return s.Length != 0;
            case BigInt:
                return true;
            case PySequence seq when !seq.Type.IsHeap:
                return seq.Count != 0;
            case PyDict d when !d.Type.IsHeap:
                return d.Count != 0;
        }

        PyType t = TypeOf(v);
        Value m = t.Lookup("__bool__");
        if (!m.IsNull)
        {
            Value r = CallMethod(m, v, []);
            if (!r.IsBool)
            {
                r.Drop();
                throw PyErr.TypeError($"__bool__ should return bool, returned {TypeName(r)}");
            }

            return r.Bits != 0;
        }

        m = t.Lookup("__len__");
        if (!m.IsNull)
        {
            Value r = CallMethod(m, v, []);
            return ToIndex(r) != 0;
        }

        return true;
    }

    /// <summary>Python's <c>repr()</c>.</summary>
    public static string Repr(Value v)
    {
        switch (v.Obj)
        {
            case Value.Tag when v.IsSmallInt:
                return v.Bits.ToString(CultureInfo.InvariantCulture);
            case Value.Tag when v.IsFloat:
                return FloatRepr(v.AsFloat);
            case Value.Tag when v.IsBool:
                return v.Bits != 0 ? "True" : "False";
            case Value.Tag:
                return "None";
            case string s:
                return StrRepr(s);
            case BigInt b:
                return b.Value.ToString(CultureInfo.InvariantCulture);
        }

        PyType t = TypeOf(v);
        Value m = t.Lookup("__repr__");
        Value r = CallGuarded(m, v, "repr");
        if (r.Obj is not string rs)
        {
            string n = TypeName(r);
            r.Drop();
            throw PyErr.TypeError($"__repr__ returned non-string (type {n})");
        }

        return rs;
    }

    /// <summary>Python's <c>str()</c>.</summary>
    public static string StrOf(Value v)
    {
        if (v.Obj is string s)
        {
            return s;
        }

        if (v.Obj is Value.Tag or BigInt)
        {
            return Repr(v);
        }

        PyType t = TypeOf(v);
        Value m = t.Lookup("__str__");
        Value r = CallGuarded(m, v, "str");
        if (r.Obj is not string rs)
        {
            string n = TypeName(r);
            r.Drop();
            throw PyErr.TypeError($"__str__ returned non-string (type {n})");
        }

        return rs;
    }

    // repr() and str() count against the recursion limit, as CPython's PyObject_Repr/PyObject_Str do: a container nested
    // a million deep fails with RecursionError instead of walking (or overflowing) the .NET stack.
    private static Value CallGuarded(Value method, Value self, string what)
    {
        PyContext ctx = PyContext.Current;
        if (ctx.Depth >= ctx.RecursionLimit)
        {
            throw PyErr.Make("RecursionError", $"maximum recursion depth exceeded while getting the {what} of an object");
        }

        ctx.Depth++;
        try
        {
            return CallMethod(method, self, []);
        }
        finally
        {
            ctx.Depth--;
        }
    }

    /// <summary>The default <c>object.__repr__</c>.</summary>
    public static string DefaultRepr(Value v)
    {
        PyType t = TypeOf(v);
        string name = t.IsHeap && t.Module is { } mod && mod != "builtins" ? mod + "." + (t.QualName ?? t.Name) : t.Name;
        return $"<{name} object at {Address(v)}>";
    }

    /// <summary>A stable fake address for <c>id()</c> and reprs.</summary>
    public static string Address(Value v) => "0x" + Id(v).ToString("x12", CultureInfo.InvariantCulture);

    /// <summary>Python's <c>id()</c>.</summary>
    public static long Id(Value v)
    {
        if (v.Obj is PyObject o)
        {
            return PyContext.Current.IdOf(o);
        }

        return 0x7f0000000000L + (System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(v.Obj) * 16L) + (v.Bits * 32);
    }

    /// <summary>Python's float repr: shortest round-trip digits, CPython's exponent rules.</summary>
    public static string FloatRepr(double d)
    {
        if (double.IsNaN(d))
        {
            return "nan";
        }

        if (double.IsInfinity(d))
        {
            return d > 0 ? "inf" : "-inf";
        }

        string r = d.ToString("R", CultureInfo.InvariantCulture);
        int e = r.IndexOf('E');
        string mantissa = e < 0 ? r : r[..e];
        int exp = 0;
        if (e >= 0)
        {
            exp = int.Parse(r[(e + 1)..], CultureInfo.InvariantCulture);
        }

        // Normalise to digits and a decimal exponent, then lay out as CPython's repr (exponent form when < -4 or >= 16).
        bool negative = mantissa.StartsWith('-');
        if (negative)
        {
            mantissa = mantissa[1..];
        }

        int dot = mantissa.IndexOf('.');
        string digits = dot < 0 ? mantissa : mantissa[..dot] + mantissa[(dot + 1)..];
        int pointPos = (dot < 0 ? mantissa.Length : dot) + exp;
        int lead = 0;
        while (lead < digits.Length - 1 && digits[lead] == '0')
        {
            lead++;
            pointPos--;
        }

        digits = digits[lead..].TrimEnd('0');
        if (digits.Length == 0)
        {
            return negative ? "-0.0" : "0.0";
        }

        int decExp = pointPos - 1;
        var sb = new StringBuilder();
        if (negative)
        {
            sb.Append('-');
        }

        if (decExp < -4 || decExp >= 16)
        {
            sb.Append(digits[0]);
            if (digits.Length > 1)
            {
                sb.Append('.').Append(digits, 1, digits.Length - 1);
            }

            sb.Append('e').Append(decExp < 0 ? '-' : '+').Append(Math.Abs(decExp).ToString("00", CultureInfo.InvariantCulture));
        }
        else if (pointPos <= 0)
        {
            sb.Append("0.").Append('0', -pointPos).Append(digits);
        }
        else if (pointPos >= digits.Length)
        {
            sb.Append(digits).Append('0', pointPos - digits.Length).Append(".0");
        }
        else
        {
            sb.Append(digits, 0, pointPos).Append('.').Append(digits, pointPos, digits.Length - pointPos);
        }

        return sb.ToString();
    }

    /// <summary>Python's str repr with its quote choice and escapes.</summary>
    public static string StrRepr(string s)
    {
        char quote = s.Contains('\'') && !s.Contains('"') ? '"' : '\'';
        var sb = new StringBuilder(s.Length + 2);
        sb.Append(quote);
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c == quote)
                    {
                        sb.Append('\\').Append(c);
                    }
                    else if (c < 0x20 || c == 0x7f)
                    {
                        sb.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    }
                    else if (c < 0x7f)
                    {
                        sb.Append(c);
                    }
                    else
                    {
                        // Beyond ASCII repr escapes what is not printable, lone surrogates included.
                        i += Text.Printable.AppendCodePoint(sb, s, i) - 1;
                    }

                    break;
            }
        }

        return sb.Append(quote).ToString();
    }
}
