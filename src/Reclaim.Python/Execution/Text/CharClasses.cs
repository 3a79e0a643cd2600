using System.Globalization;

namespace Reclaim.Python.Execution.Text;

/// <summary>
/// The isX tests on whole code points, so an astral letter or digit (a surrogate pair) is judged as one character
/// by its Unicode category rather than as two surrogates.
/// </summary>
internal static class CharClasses
{
    /// <summary>Whether <paramref name="s"/> is non-empty and every code point passes <paramref name="test"/>.</summary>
    public static bool All(string s, Func<int, bool> test)
    {
        if (s.Length == 0)
        {
            return false;
        }

        for (int i = 0; i < s.Length; i++)
        {
            bool pair = CodePoints.PairAt(s, i);
            if (!test(pair ? char.ConvertToUtf32(s[i], s[i + 1]) : s[i]))
            {
                return false;
            }

            i += pair ? 1 : 0;
        }

        return true;
    }

    /// <summary>Whether some code point of <paramref name="s"/> passes <paramref name="test"/>.</summary>
    public static bool Any(string s, Func<int, bool> test) => s.Length > 0 && !All(s, cp => !test(cp));

    /// <summary>str.isalpha for one code point: any letter category.</summary>
    public static bool IsAlpha(int cp) => Category(cp) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
        or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter;

    /// <summary>str.isdecimal for one code point.</summary>
    public static bool IsDecimal(int cp) => Category(cp) == UnicodeCategory.DecimalDigitNumber;

    /// <summary>str.isnumeric for one code point: a number category or a numeric value.</summary>
    public static bool IsNumeric(int cp) => Category(cp) is UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber
        or UnicodeCategory.OtherNumber || (cp <= 0xFFFF && CharUnicodeInfo.GetNumericValue((char)cp) >= 0);

    /// <summary>Whether <paramref name="cp"/> is upper- or titlecase (what makes a str not lower).</summary>
    public static bool IsUpperish(int cp) =>
        Category(cp) is UnicodeCategory.UppercaseLetter or UnicodeCategory.TitlecaseLetter || Modules.UnicodeCaseTables.OtherUppercase.Contains(cp);

    /// <summary>Whether <paramref name="cp"/> is lower- or titlecase (what makes a str not upper).</summary>
    public static bool IsLowerish(int cp) =>
        Category(cp) is UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter || Modules.UnicodeCaseTables.OtherLowercase.Contains(cp);

    /// <summary>The Unicode category of a code point; a lone surrogate is Surrogate.</summary>
    public static UnicodeCategory Category(int cp) =>
        cp is >= 0xD800 and <= 0xDFFF ? UnicodeCategory.Surrogate : CharUnicodeInfo.GetUnicodeCategory(cp);
}
