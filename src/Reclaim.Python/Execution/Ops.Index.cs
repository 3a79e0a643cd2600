using System.Numerics;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Execution;

/// <summary>Ints as .NET numbers: <c>__index__</c>, ssize_t-sized indexes, big ints.</summary>
internal static partial class Ops
{
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
