using System.Globalization;
using System.Text;

namespace Reclaim.Python.Modules;

/// <summary>
/// Python's case rules for str: full case mapping (<c>'ß'.upper()</c> is <c>'SS'</c>), the final-sigma rule of
/// <c>lower()</c>, <c>casefold()</c>, and title/capitalize/swapcase over "cased" characters (Lu, Ll, Lt).
/// </summary>
internal static class StrCase
{
    // The SpecialCasing.txt entries that programs meet: one character becomes several.
    private static readonly Dictionary<char, string> s_upperSpecial = new()
    {
        ['ß'] = "SS", ['ŉ'] = "\u02BCN", ['ǰ'] = "J\u030C", ['ΐ'] = "\u0399\u0308\u0301", ['ΰ'] = "\u03A5\u0308\u0301",
        ['և'] = "\u0535\u0552", ['ﬀ'] = "FF", ['ﬁ'] = "FI", ['ﬂ'] = "FL", ['ﬃ'] = "FFI", ['ﬄ'] = "FFL", ['ﬅ'] = "ST", ['ﬆ'] = "ST",
    };

    private static readonly Dictionary<char, string> s_titleSpecial = new()
    {
        ['ß'] = "Ss", ['ﬀ'] = "Ff", ['ﬁ'] = "Fi", ['ﬂ'] = "Fl", ['ﬃ'] = "Ffi", ['ﬄ'] = "Ffl", ['ﬅ'] = "St", ['ﬆ'] = "St", ['ǆ'] = "ǅ", ['Ǆ'] = "ǅ", ['ǉ'] = "ǈ", ['Ǉ'] = "ǈ", ['ǌ'] = "ǋ", ['Ǌ'] = "ǋ", ['ǳ'] = "ǲ", ['Ǳ'] = "ǲ",
    };

    private static readonly Dictionary<char, string> s_foldSpecial = new()
    {
        ['ß'] = "ss", ['ẞ'] = "ss", ['ſ'] = "s", ['ς'] = "σ", ['µ'] = "μ", ['ﬀ'] = "ff", ['ﬁ'] = "fi", ['ﬂ'] = "fl", ['ﬃ'] = "ffi", ['ﬄ'] = "ffl", ['ﬅ'] = "st", ['ﬆ'] = "st", ['ŉ'] = "\u02BCn",
    };

    /// <summary>Whether a character has case (Lu, Ll or Lt).</summary>
    public static bool IsCased(char c) => char.GetUnicodeCategory(c) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter;

    /// <summary><c>str.upper()</c>.</summary>
    public static string Upper(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (char c in s)
        {
            AppendUpper(sb, c);
        }

        return sb.ToString();
    }

    /// <summary><c>str.lower()</c>.</summary>
    public static string Lower(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            AppendLower(sb, s, i);
        }

        return sb.ToString();
    }

    /// <summary><c>str.casefold()</c>.</summary>
    public static string Casefold(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (char c in s)
        {
            if (s_foldSpecial.TryGetValue(c, out string? f))
            {
                sb.Append(f);
            }
            else
            {
                AppendLower(sb, c.ToString(), 0);
            }
        }

        return sb.ToString();
    }

    /// <summary><c>str.swapcase()</c>.</summary>
    public static string SwapCase(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (char.IsUpper(c))
            {
                AppendLower(sb, s, i);
            }
            else if (char.IsLower(c))
            {
                AppendUpper(sb, c);
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary><c>str.title()</c>: a cased character after an uncased one starts a word.</summary>
    public static string Title(string s)
    {
        var sb = new StringBuilder(s.Length);
        bool previousCased = false;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (previousCased)
            {
                AppendLower(sb, s, i);
            }
            else
            {
                AppendTitle(sb, c);
            }

            previousCased = IsCased(c);
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
        AppendTitle(sb, s[0]);
        for (int i = 1; i < s.Length; i++)
        {
            AppendLower(sb, s, i);
        }

        return sb.ToString();
    }

    /// <summary><c>str.istitle()</c>.</summary>
    public static bool IsTitle(string s)
    {
        bool previousCased = false, any = false;
        foreach (char c in s)
        {
            if (char.IsUpper(c) || char.GetUnicodeCategory(c) == UnicodeCategory.TitlecaseLetter)
            {
                if (previousCased)
                {
                    return false;
                }

                previousCased = any = true;
            }
            else if (char.IsLower(c))
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

    private static void AppendUpper(StringBuilder sb, char c)
    {
        if (s_upperSpecial.TryGetValue(c, out string? u))
        {
            sb.Append(u);
        }
        else
        {
            sb.Append(c == 'ı' ? 'I' : char.ToUpperInvariant(c));
        }
    }

    private static void AppendTitle(StringBuilder sb, char c)
    {
        if (s_titleSpecial.TryGetValue(c, out string? t))
        {
            sb.Append(t);
        }
        else
        {
            AppendUpper(sb, c);
        }
    }

    private static void AppendLower(StringBuilder sb, string s, int i)
    {
        char c = s[i];
        if (c == 'İ')
        {
            sb.Append("i\u0307");
        }
        else if (c == 'Σ')
        {
            sb.Append(IsFinalSigma(s, i) ? 'ς' : 'σ');
        }
        else
        {
            sb.Append(char.ToLowerInvariant(c));
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
