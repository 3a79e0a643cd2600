using System.Numerics;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Execution.Text;

/// <summary>
/// find/rfind/index/rindex/count/startswith/endswith with their optional start and end, in code points. The search
/// itself runs on UTF-16 units (an astral character matches as its pair); only the bounds and the answer are
/// converted, and only when the string holds a surrogate.
/// </summary>
internal static class StrSearch
{
    /// <summary><c>s.find(sub, start, end)</c> or <c>rfind</c>: a code-point offset or -1.</summary>
    public static int Find(string s, string sub, ReadOnlySpan<Value> bounds, bool reverse)
    {
        if (!Window(s, bounds, out int lo, out int hi) || hi - lo < sub.Length)
        {
            return -1;
        }

        ReadOnlySpan<char> w = s.AsSpan(lo, hi - lo);
        int at = reverse ? w.LastIndexOf(sub.AsSpan()) : w.IndexOf(sub.AsSpan());
        if (reverse && sub.Length == 0)
        {
            at = w.Length;
        }

        return at < 0 ? -1 : UnitToCodePoint(s, lo + at);
    }

    /// <summary><c>s.index(sub, start, end)</c> or <c>rindex</c>: like find, but raises when absent.</summary>
    public static int Index(string s, string sub, ReadOnlySpan<Value> bounds, bool reverse) =>
        Find(s, sub, bounds, reverse) is var i and >= 0 ? i : throw PyErr.ValueError("substring not found");

    /// <summary><c>s.count(sub, start, end)</c>: non-overlapping occurrences; an empty sub counts every gap.</summary>
    public static int Count(string s, string sub, ReadOnlySpan<Value> bounds)
    {
        if (!Window(s, bounds, out int lo, out int hi) || hi < lo)
        {
            return 0;
        }

        ReadOnlySpan<char> w = s.AsSpan(lo, hi - lo);
        if (sub.Length == 0)
        {
            return CodePoints.Length(w.ToString()) + 1;
        }

        int n = 0;
        for (int at = w.IndexOf(sub.AsSpan()); at >= 0; at = w.IndexOf(sub.AsSpan()))
        {
            n++;
            w = w[(at + sub.Length)..];
        }

        return n;
    }

    /// <summary>startswith/endswith of one str (the caller walks a tuple) within start/end.</summary>
    public static bool Affix(string s, string x, ReadOnlySpan<Value> bounds, bool start)
    {
        if (!Window(s, bounds, out int lo, out int hi) || hi - lo < x.Length)
        {
            return false;
        }

        ReadOnlySpan<char> w = s.AsSpan(lo, hi - lo);
        return start ? w.StartsWith(x.AsSpan()) : w.EndsWith(x.AsSpan());
    }

    /// <summary>
    /// The start/end arguments (each optional, None meaning absent) as UTF-16 offsets, adjusted like a slice; false
    /// when start lies past the end of the string, where even an empty needle is not found.
    /// </summary>
    private static bool Window(string s, ReadOnlySpan<Value> bounds, out int lo, out int hi)
    {
        bool slow = CodePoints.HasSurrogates(s);
        long len = slow ? CodePoints.Length(s) : s.Length;
        long start = Bound(bounds, 0, 0, len);
        long end = Bound(bounds, 1, len, len);
        end = Math.Min(end, len);
        lo = hi = 0;
        if (start > len)
        {
            return false;
        }

        lo = slow ? CodePointToUnit(s, (int)start) : (int)start;
        hi = slow ? CodePointToUnit(s, (int)Math.Max(end, 0)) : (int)Math.Max(end, 0);
        if (end < start)
        {
            hi = lo - 1;
        }

        return true;
    }

    // One bound: None or absent gives the default; negatives count from the end, clamped at 0; huge ints saturate.
    private static long Bound(ReadOnlySpan<Value> bounds, int i, long absent, long len)
    {
        if (i >= bounds.Length || bounds[i].IsNone)
        {
            return absent;
        }

        Value v = bounds[i];
        long x;
        if (v.IsSmallInt || v.IsBool)
        {
            x = v.Bits;
        }
        else if (Ops.TryBig(v, out BigInteger big))
        {
            x = big.Sign < 0 ? long.MinValue / 2 : long.MaxValue / 2;
        }
        else
        {
            throw PyErr.TypeError("slice indices must be integers or None or have an __index__ method");
        }

        return x < 0 ? Math.Max(x + len, 0) : x;
    }

    /// <summary>The UTF-16 offset of code point <paramref name="cp"/> (at most the code-point length).</summary>
    public static int CodePointToUnit(string s, int cp)
    {
        int u = 0;
        for (int k = 0; k < cp && u < s.Length; k++)
        {
            u += CodePoints.PairAt(s, u) ? 2 : 1;
        }

        return u;
    }

    /// <summary>The code-point index of UTF-16 offset <paramref name="unit"/>.</summary>
    public static int UnitToCodePoint(string s, int unit) =>
        unit == 0 || !CodePoints.HasSurrogates(s) ? unit : CodePoints.Length(s[..unit]);
}
