using System.Globalization;
using System.Text;

namespace Reclaim.Python.Execution.Text;

/// <summary>
/// Which code points repr shows as themselves (str.isprintable's rule: not a control, format, surrogate,
/// private-use, unassigned or separator character, the ASCII space excepted) and how it escapes the rest.
/// </summary>
internal static class Printable
{
    /// <summary>Whether <paramref name="cp"/> is printable in Python's sense.</summary>
    public static bool IsPrintable(int cp)
    {
        if (cp < 0x7F)
        {
            return cp >= 0x20;
        }

        if (cp is >= 0xD800 and <= 0xDFFF)
        {
            return false;
        }

        return cp == ' ' || CharUnicodeInfo.GetUnicodeCategory(cp) is not (UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.SpaceSeparator);
    }

    /// <summary>
    /// Appends the non-ASCII tail of a repr starting at unit <paramref name="i"/>: printable code points as they are,
    /// the rest (lone surrogates included) as \xNN, \uNNNN or \UNNNNNNNN. Returns the units consumed.
    /// </summary>
    public static int AppendCodePoint(StringBuilder sb, string s, int i)
    {
        bool pair = CodePoints.PairAt(s, i);
        int cp = pair ? char.ConvertToUtf32(s[i], s[i + 1]) : s[i];
        if (IsPrintable(cp))
        {
            sb.Append(s, i, pair ? 2 : 1);
        }
        else
        {
            sb.Append(cp <= 0xFF ? $"\\x{cp:x2}" : cp <= 0xFFFF ? $"\\u{cp:x4}" : $"\\U{cp:x8}");
        }

        return pair ? 2 : 1;
    }
}
