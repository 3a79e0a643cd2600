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

    /// <summary>Python's <c>hash()</c>.</summary>
    public static long Hash(Value v)
    {
        switch (v.Obj)
        {
            case Value.Tag when v.IsSmallInt || v.IsBool:
                return HashInt(v.Bits);
            case Value.Tag when v.IsFloat:
                return HashFloat(v.AsFloat);
            case Value.Tag:
                return 0x5a5a5a5a;
            case string s:
                return string.GetHashCode(s, StringComparison.Ordinal);
            case BigInt b:
                return HashBig(b);
            case PyTuple t when !t.Type.IsHeap || (t.Type.Lookup("__hash__").Obj is PyBuiltin { Owner: { } hashOwner } && hashOwner == PyContext.Current.ObjectType):
                return HashTuple(t.Span);
        }

        PyType type = TypeOf(v);
        Value m = type.Lookup("__hash__");
        if (m.IsNone || (m.IsNull && type.Lookup("__eq__") is { IsNull: false } eq && !IsObjectSlot(eq, "__eq__")))
        {
            throw PyErr.TypeError($"unhashable type: '{type.Name}'");
        }

        if (!m.IsNull && !IsObjectSlot(m, "__hash__"))
        {
            Value r = CallMethod(m, v, []);
            if (!r.IsSmallInt && !r.IsBool && r.Obj is not BigInt)
            {
                r.Drop();
                throw PyErr.TypeError("__hash__ method should return an integer");
            }

            // A result that fits 64 bits is the hash as it is (only -1 becomes -2); a bigger int is hashed.
            return r.IsSmallInt || r.IsBool ? (r.Bits == -1 ? -2 : r.Bits) : HashBig((BigInt)r.Obj!);
        }

        return System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(v.Obj) >> 4;
    }

    // CPython's float hash (the numeric-hash rule of the data model): the value as a fraction modulo 2^61 - 1, so a float
    // hashes as the int or Fraction it equals; read 28 bits of the mantissa at a time, then the exponent as a rotation.
    // Infinities hash to +-314159; a NaN by its bits here (CPython: by the float object's identity).
    private static long HashFloat(double d)
    {
        const int Bits = 61;
        const ulong Modulus = (1UL << Bits) - 1;
        if (!double.IsFinite(d))
        {
            return double.IsNaN(d) ? d.GetHashCode() : d > 0 ? 314159 : -314159;
        }

        double mantissa = Math.Abs(d);
        int exponent = mantissa == 0 ? 0 : Math.ILogB(mantissa) + 1;
        mantissa = mantissa == 0 ? 0 : Math.ScaleB(mantissa, -exponent); // in [0.5, 1), as frexp gives it
        ulong x = 0;
        while (mantissa != 0)
        {
            x = ((x << 28) & Modulus) | (x >> (Bits - 28));
            mantissa *= 268435456.0;
            exponent -= 28;
            ulong integer = (ulong)mantissa;
            mantissa -= integer;
            x += integer;
            if (x >= Modulus)
            {
                x -= Modulus;
            }
        }

        int rotation = exponent >= 0 ? exponent % Bits : Bits - 1 - ((-1 - exponent) % Bits);
        x = ((x << rotation) & Modulus) | (x >> (Bits - rotation));
        long h = d < 0 ? -(long)x : (long)x;
        return h == -1 ? -2 : h;
    }

    // CPython's tuple hash (3.8+): an xxHash-style accumulation of the items' hashes, the length mixed in at the end.
    private static long HashTuple(ReadOnlySpan<Value> items)
    {
        const ulong Prime1 = 11400714785074694791UL;
        const ulong Prime2 = 14029467366897019727UL;
        const ulong Prime5 = 2870177450012600261UL;
        ulong acc = Prime5;
        foreach (Value item in items)
        {
            acc += unchecked((ulong)Hash(item) * Prime2);
            acc = (acc << 31) | (acc >> 33);
            acc *= Prime1;
        }

        acc += (ulong)items.Length ^ (Prime5 ^ 3527539UL);
        return acc == ulong.MaxValue ? 1546275796 : unchecked((long)acc);
    }

    // CPython's int hash: the value modulo the Mersenne prime 2^61 - 1, carrying the sign, with -1 (the C API's error
    // value) made -2. Ints below the prime in magnitude hash to themselves.
    private static long HashInt(long i)
    {
        const long Modulus = (1L << 61) - 1;
        if (i > -Modulus && i < Modulus)
        {
            return i == -1 ? -2 : i;
        }

        ulong magnitude = i < 0 ? (ulong)(-(i + 1)) + 1 : (ulong)i;
        long h = (long)(magnitude % Modulus);
        return i < 0 ? (h == 1 ? -2 : -h) : h;
    }

    // The same for ints beyond 64 bits (C#'s % truncates, so the sign carries as in CPython).
    private static long HashBig(BigInt b)
    {
        long h = (long)(b.Value % 2305843009213693951);
        return h == -1 ? -2 : h;
    }

    /// <summary>Whether <paramref name="method"/> is <c>object</c>'s own implementation of the slot.</summary>
    public static bool IsObjectSlot(Value method, string name) =>
        method.Obj is PyBuiltin { Owner: { } owner } && ReferenceEquals(owner, PyContext.Current.ObjectType);

    /// <summary>Dictionary key equality: identity first, then <c>==</c>.</summary>
    public static bool KeyEquals(Value a, Value b)
    {
        if (a.Is(b))
        {
            return true;
        }

        if (a.Obj is string sa)
        {
            return b.Obj is string sb && sa == sb;
        }

        return RichBool(a, b, CompareOp.Eq);
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

    /// <summary>An index-like int (<c>__index__</c>) as a .NET long; releases <paramref name="owned"/>.</summary>
    public static long ToIndex(Value owned)
    {
        try
        {
            return ToIndexBorrowed(owned);
        }
        catch (PyException)
        {
            owned.Drop();
            throw;
        }
    }

    /// <summary>
    /// An index-like int as a .NET long, reading <paramref name="borrowed"/> without releasing it: for arguments a
    /// built-in only lends (its argument span, a slice's slots, a keyword dictionary's values).
    /// </summary>
    public static long ToIndexBorrowed(Value borrowed)
    {
        if (borrowed.IsSmallInt || borrowed.IsBool)
        {
            return borrowed.Bits;
        }

        if (borrowed.Obj is BigInt)
        {
            throw PyErr.Make("OverflowError", "Python int too large to convert to C ssize_t");
        }

        if (borrowed.Obj is PyValueBox { Inner: { } inner } && (inner.IsSmallInt || inner.IsBool || inner.Obj is BigInt))
        {
            // An int subclass instance gives its value; the box stays with whoever holds it.
            return ToIndexBorrowed(inner);
        }

        // Any other object with __index__ (CPython's PyNumber_Index): its result must be an int.
        if (!borrowed.IsNull && TypeOf(borrowed).Lookup("__index__") is { IsNull: false } index)
        {
            Value result = CallMethod(index, borrowed, []);
            try
            {
                if (!(result.IsSmallInt || result.IsBool || result.Obj is BigInt || result.Obj is PyValueBox { Inner: { IsSmallInt: true } or { Obj: BigInt } }))
                {
                    throw PyErr.TypeError($"__index__ returned non-int (type {TypeName(result)})");
                }

                return ToIndexBorrowed(result);
            }
            finally
            {
                result.Drop();
            }
        }

        throw PyErr.TypeError($"'{TypeName(borrowed)}' object cannot be interpreted as an integer");
    }

    /// <summary>An int value as a BigInteger (bool and small ints included).</summary>
    public static bool TryBig(Value v, out BigInteger big)
    {
        if (v.IsSmallInt || v.IsBool)
        {
            big = v.Bits;
            return true;
        }

        if (v.Obj is BigInt b)
        {
            big = b.Value;
            return true;
        }

        big = default;
        return false;
    }
}
