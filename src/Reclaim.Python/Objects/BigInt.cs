using System.Numerics;

namespace Reclaim.Python.Objects;

/// <summary>
/// An int beyond 64 bits: an immutable atom, so it lives outside the Reclaim heap. Values strictly inside the 128-bit
/// range also keep a 128-bit form (<see cref="Narrow"/>): the arithmetic of 64-bit hashes and random-number generators
/// (a 64-bit state times a 64-bit multiplier, masked back to 64 bits) then runs on <see cref="Int128"/> and allocates
/// only this box per result, where <see cref="BigInteger"/> would allocate its digit arrays for every operand and
/// result. The <see cref="BigInteger"/> form is made on first use by everything else (printing, hashing, big
/// operations).
/// </summary>
internal sealed class BigInt
{
    // The BigInteger form, boxed so that making it lazily is one atomic reference store (two threads may both make
    // it; they make equal values).
    private object? _big;

    private static readonly BigInteger s_int128Min = Int128.MinValue;
    private static readonly BigInteger s_int128Max = Int128.MaxValue;

    /// <summary>Wraps a number.</summary>
    public BigInt(BigInteger value)
    {
        _big = value;
        if (value > s_int128Min && value <= s_int128Max)
        {
            Narrow = (Int128)value;
            FitsInt128 = true;
        }
    }

    /// <summary>Wraps a number known to lie strictly inside the 128-bit range (above <see cref="Int128.MinValue"/>).</summary>
    public BigInt(Int128 value)
    {
        Narrow = value;
        FitsInt128 = true;
    }

    /// <summary>
    /// Whether <see cref="Narrow"/> holds the value: it lies in (<see cref="Int128.MinValue"/>,
    /// <see cref="Int128.MaxValue"/>], so its negation and absolute value fit too.
    /// </summary>
    public bool FitsInt128 { get; }

    /// <summary>The value as a 128-bit integer (only when <see cref="FitsInt128"/>).</summary>
    public Int128 Narrow { get; }

    /// <summary>The number.</summary>
    public BigInteger Value
    {
        get
        {
            if (_big is BigInteger b)
            {
                return b;
            }

            BigInteger made = Narrow;
            _big = made;
            return made;
        }
    }
}
