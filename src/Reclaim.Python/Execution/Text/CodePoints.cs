namespace Reclaim.Python.Execution.Text;

/// <summary>
/// A Python str is a .NET string (UTF-16), but a program sees code points: an astral character (a surrogate pair) is
/// one character, a lone surrogate is one too. Each operation first asks whether the string holds any surrogate
/// (a vectorised scan); when it does not, which is nearly always, UTF-16 indices are code-point indices and the
/// caller keeps its fast path.
/// </summary>
internal static class CodePoints
{
    /// <summary>Whether <paramref name="s"/> holds a surrogate, so that units and code points may differ.</summary>
    public static bool HasSurrogates(string s) =>
        s.Length > 1 && s.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0;

    /// <summary>Whether a surrogate pair starts at unit <paramref name="i"/>.</summary>
    public static bool PairAt(string s, int i) =>
        char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]);

    /// <summary><c>len(s)</c>: units less one for each surrogate pair.</summary>
    public static int Length(string s)
    {
        if (!HasSurrogates(s))
        {
            return s.Length;
        }

        int n = s.Length;
        for (int i = 0; i + 1 < s.Length; i++)
        {
            if (PairAt(s, i))
            {
                n--;
                i++;
            }
        }

        return n;
    }

    /// <summary>The code points of <paramref name="s"/>, each as an int.</summary>
    public static int[] ToArray(string s)
    {
        var cps = new int[Length(s)];
        for (int i = 0, k = 0; i < s.Length; i++, k++)
        {
            cps[k] = PairAt(s, i) ? char.ConvertToUtf32(s[i], s[++i]) : s[i];
        }

        return cps;
    }

    /// <summary>One code point as a str (a lone surrogate stays a one-unit string).</summary>
    public static string FromCodePoint(int cp) =>
        cp > 0xFFFF ? char.ConvertFromUtf32(cp) : ((char)cp).ToString();

    /// <summary>Code points back to a str.</summary>
    public static string FromArray(ReadOnlySpan<int> cps)
    {
        var sb = new System.Text.StringBuilder(cps.Length);
        foreach (int cp in cps)
        {
            if (cp > 0xFFFF)
            {
                sb.Append(char.ConvertFromUtf32(cp));
            }
            else
            {
                sb.Append((char)cp);
            }
        }

        return sb.ToString();
    }

    /// <summary>Compares in code-point order, which differs from UTF-16 order only where a surrogate meets U+E000..U+FFFF.</summary>
    public static int Compare(string a, string b)
    {
        int common = a.AsSpan().CommonPrefixLength(b);
        if (common == a.Length || common == b.Length)
        {
            return a.Length.CompareTo(b.Length);
        }

        return Rank(a[common]).CompareTo(Rank(b[common]));
    }

    // Surrogates (the start of an astral code point) rank above every BMP character from U+E000 up.
    private static int Rank(char c) => c switch
    {
        >= '\uD800' and <= '\uDFFF' => c + 0x2000,
        >= '\uE000' => c - 0x800,
        _ => c,
    };
}
