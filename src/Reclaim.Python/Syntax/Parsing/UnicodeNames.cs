namespace Reclaim.Python.Syntax.Parsing;

/// <summary>
/// Character names for <c>\N{…}</c> escapes. .NET carries no Unicode name table; this holds the names the
/// standard library uses, and unknown names fail as CPython's do for a name it does not know.
/// </summary>
internal static class UnicodeNames
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["EM DASH"] = "\u2014",
        ["EN DASH"] = "\u2013",
        ["BULLET"] = "\u2022",
        ["NO-BREAK SPACE"] = "\u00a0",
        ["EMPTY SET"] = "\u2205",
        ["GREEK SMALL LETTER ALPHA"] = "\u03b1",
        ["LATIN SMALL LETTER SHARP S"] = "\u00df",
        ["EURO SIGN"] = "\u20ac",
        ["DEGREE SIGN"] = "\u00b0",
        ["ZERO WIDTH SPACE"] = "\u200b",
        ["SPACE"] = " ",
        ["LINE FEED"] = "\n",
        ["CARRIAGE RETURN"] = "\r",
        ["CHARACTER TABULATION"] = "\t",
    };

    /// <summary>The character(s) named <paramref name="name"/>, or null when unknown.</summary>
    /// <param name="name">The name inside the braces.</param>
    /// <returns>The text, or null.</returns>
    public static string? Lookup(string name) => Names.GetValueOrDefault(name);
}
