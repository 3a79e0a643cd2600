using System.Globalization;
using System.Text;

namespace Reclaim.Python.Modules;

/// <summary>
/// Python's case rules for str: full case mapping (<c>'ß'.upper()</c> is <c>'SS'</c>), the final-sigma rule of
/// <c>lower()</c>, <c>casefold()</c>, and title/capitalize/swapcase over "cased" characters (Lu, Ll, Lt).
/// </summary>
internal static class StrCase
{
    /// <summary>Whether a character has case (Lu, Ll or Lt).</summary>
    public static bool IsCased(char c) => !char.IsSurrogate(c) && IsCased(new Rune(c));

    private static bool IsCased(Rune r) =>
        Rune.GetUnicodeCategory(r) == UnicodeCategory.TitlecaseLetter || IsUpper(r) || IsLower(r);

    // Python's upper and lower case: categories Lu and Ll and the Other_Uppercase/Other_Lowercase code points.
    private static bool IsUpper(Rune r) => Rune.IsUpper(r) || UnicodeCaseTables.OtherUppercase.Contains(r.Value);

    private static bool IsLower(Rune r) => Rune.IsLower(r) || UnicodeCaseTables.OtherLowercase.Contains(r.Value);

    /// <summary><c>str.upper()</c>.</summary>
    public static string Upper(string s) => Map(s, static (sb, _, _, r) => AppendUpper(sb, r));

    /// <summary><c>str.lower()</c>.</summary>
    public static string Lower(string s) => Map(s, static (sb, text, i, r) => AppendLower(sb, text, i, r));

    /// <summary><c>str.casefold()</c>: no final-sigma rule, the fold table first.</summary>
    public static string Casefold(string s) => Map(s, static (sb, _, _, r) =>
    {
        if (UnicodeCaseTables.Fold.TryGetValue(r.Value, out string? folded))
        {
            sb.Append(folded);
        }
        else
        {
            AppendLowerAlone(sb, r);
        }
    });

    /// <summary><c>str.swapcase()</c>: upper case lowered, lower case uppered, title case (Lt) left as it is.</summary>
    public static string SwapCase(string s) => Map(s, static (sb, text, i, r) =>
    {
        if (IsUpper(r))
        {
            AppendLower(sb, text, i, r);
        }
        else if (IsLower(r))
        {
            AppendUpper(sb, r);
        }
        else
        {
            sb.Append(r.ToString());
        }
    });

    /// <summary><c>str.title()</c>: a cased character after an uncased one starts a word.</summary>
    public static string Title(string s)
    {
        var sb = new StringBuilder(s.Length);
        bool previousCased = false;
        for (int i = 0; i < s.Length;)
        {
            if (!TryRuneAt(s, i, out Rune r, out int width))
            {
                sb.Append(s[i++]);
                previousCased = false;
                continue;
            }

            if (previousCased)
            {
                AppendLower(sb, s, i, r);
            }
            else
            {
                AppendTitle(sb, r);
            }

            previousCased = IsCased(r);
            i += width;
        }

        return sb.ToString();
    }

    /// <summary><c>str.capitalize()</c>: the first character in title case, the rest lower.</summary>
    public static string Capitalize(string s)
    {
        if (s.Length == 0)
        {
            return s;
        }

        var sb = new StringBuilder(s.Length);
        int start = 0;
        if (TryRuneAt(s, 0, out Rune first, out int width))
        {
            AppendTitle(sb, first);
            start = width;
        }
        else
        {
            sb.Append(s[0]);
            start = 1;
        }

        sb.Append(Map(s, static (b, text, i, r) => AppendLower(b, text, i, r), start));
        return sb.ToString();
    }

    /// <summary><c>str.istitle()</c>.</summary>
    public static bool IsTitle(string s)
    {
        bool previousCased = false, any = false;
        for (int i = 0; i < s.Length;)
        {
            if (!TryRuneAt(s, i, out Rune r, out int width))
            {
                previousCased = false;
                i++;
                continue;
            }

            i += width;
            if (IsUpper(r) || Rune.GetUnicodeCategory(r) == UnicodeCategory.TitlecaseLetter)
            {
                if (previousCased)
                {
                    return false;
                }

                previousCased = any = true;
            }
            else if (IsLower(r))
            {
                if (!previousCased)
                {
                    return false;
                }

                previousCased = any = true;
            }
            else
            {
                previousCased = false;
            }
        }

        return any;
    }

    /// <summary><c>ascii()</c> of a repr: every non-ASCII character as <c>\x</c>, <c>\u</c> or <c>\U</c>.</summary>
    public static string Ascii(string repr)
    {
        var sb = new StringBuilder(repr.Length);
        for (int i = 0; i < repr.Length; i++)
        {
            char c = repr[i];
            if (c < 128)
            {
                sb.Append(c);
                continue;
            }

            int cp = char.IsHighSurrogate(c) && i + 1 < repr.Length && char.IsLowSurrogate(repr[i + 1]) ? char.ConvertToUtf32(c, repr[++i]) : c;
            sb.Append(cp <= 0xFF ? $"\\x{cp:x2}" : cp <= 0xFFFF ? $"\\u{cp:x4}" : $"\\U{cp:x8}");
        }

        return sb.ToString();
    }

    /// <summary>Appends, for each code point from <paramref name="start"/> on, what <paramref name="map"/> makes of it; a lone surrogate is kept.</summary>
    private static string Map(string s, Action<StringBuilder, string, int, Rune> map, int start = 0)
    {
        var sb = new StringBuilder(s.Length);
        for (int i = start; i < s.Length;)
        {
            if (TryRuneAt(s, i, out Rune r, out int width))
            {
                map(sb, s, i, r);
                i += width;
            }
            else
            {
                sb.Append(s[i++]);
            }
        }

        return sb.ToString();
    }

    // The code point at i (a surrogate pair counts as one), or false for a lone surrogate, which has no case.
    private static bool TryRuneAt(string s, int i, out Rune r, out int width)
    {
        if (Rune.TryGetRuneAt(s, i, out r))
        {
            width = r.Utf16SequenceLength;
            return true;
        }

        width = 1;
        return false;
    }

    private static void AppendUpper(StringBuilder sb, Rune r)
    {
        if (UnicodeCaseTables.Upper.TryGetValue(r.Value, out string? upper))
        {
            sb.Append(upper);
        }
        else
        {
            sb.Append(Rune.ToUpperInvariant(r).ToString());
        }
    }

    private static void AppendTitle(StringBuilder sb, Rune r)
    {
        if (UnicodeCaseTables.Title.TryGetValue(r.Value, out string? title))
        {
            sb.Append(title);
        }
        else
        {
            AppendUpper(sb, r);
        }
    }

    private static void AppendLower(StringBuilder sb, string s, int i, Rune r)
    {
        if (r.Value == 'Σ')
        {
            sb.Append(IsFinalSigma(s, i) ? 'ς' : 'σ');
        }
        else
        {
            AppendLowerAlone(sb, r);
        }
    }

    // The lower case of a code point out of context (no final-sigma rule).
    private static void AppendLowerAlone(StringBuilder sb, Rune r)
    {
        if (UnicodeCaseTables.Lower.TryGetValue(r.Value, out string? lower))
        {
            sb.Append(lower);
        }
        else
        {
            sb.Append(Rune.ToLowerInvariant(r).ToString());
        }
    }

    // Σ lowers to ς at the end of a word: a cased letter before it and none right after (case-ignorable marks skipped).
    private static bool IsFinalSigma(string s, int i)
    {
        int j = i - 1;
        while (j >= 0 && IsCaseIgnorable(s[j]))
        {
            j--;
        }

        if (j < 0 || !IsCased(s[j]))
        {
            return false;
        }

        j = i + 1;
        while (j < s.Length && IsCaseIgnorable(s[j]))
        {
            j++;
        }

        return j >= s.Length || !IsCased(s[j]);
    }

    private static bool IsCaseIgnorable(char c) =>
        c is '\'' or '.' or ':' or '^' or '`' or '\u00B7' or '\u2019' || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format or UnicodeCategory.ModifierLetter or UnicodeCategory.ModifierSymbol;
}
