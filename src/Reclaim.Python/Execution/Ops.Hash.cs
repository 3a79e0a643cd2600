using System.Numerics;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Execution;

/// <summary>Python's <c>hash()</c> (CPython's numeric and tuple hashes) and dictionary key equality.</summary>
internal static partial class Ops
{
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

    /// <summary>
    /// <see cref="KeyEquals"/> of a key borrowed from a hash table's slot: the key is held for the comparison, since
    /// its <c>__eq__</c> may take it out of the table (and drop the table's reference) before returning.
    /// </summary>
    public static bool StoredKeyEquals(Value stored, Value key)
    {
        stored.Dup();
        try
        {
            return KeyEquals(stored, key);
        }
        finally
        {
            stored.Drop();
        }
    }

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
}
