using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Reclaim.Python.Syntax.Parsing;

/// <summary>
/// Character names for <c>\N{…}</c> escapes, from the table <c>scripts/generate-unicode-names.py</c> wrote from
/// CPython 3.11's <c>unicodedata</c> (loaded on the first <c>\N</c>). Names ending in the code point's hex are read
/// from the name itself. Name aliases are not included.
/// </summary>
internal static class UnicodeNames
{
    private static readonly string[] HexSuffixed =
    [
        "CJK UNIFIED IDEOGRAPH-", "CJK COMPATIBILITY IDEOGRAPH-", "TANGUT IDEOGRAPH-", "KHITAN SMALL SCRIPT CHARACTER-", "NUSHU CHARACTER-",
    ];

    private static readonly Lazy<Dictionary<string, int>> Table = new(Load);

    /// <summary>The character named <paramref name="name"/> (case-insensitive, as CPython), or null when unknown.</summary>
    /// <param name="name">The name inside the braces.</param>
    /// <returns>The text, or null.</returns>
    public static string? Lookup(string name)
    {
        string upper = name.ToUpperInvariant();
        foreach (string prefix in HexSuffixed)
        {
            if (upper.StartsWith(prefix, StringComparison.Ordinal)
                && int.TryParse(upper.AsSpan(prefix.Length), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code)
                && code is > 0 and <= 0x10FFFF && upper.Length - prefix.Length is 4 or 5)
            {
                return char.ConvertFromUtf32(code);
            }
        }

        return Table.Value.TryGetValue(upper, out int found) ? (found < 0x10000 ? ((char)found).ToString() : char.ConvertFromUtf32(found)) : null;
    }

    private static Dictionary<string, int> Load()
    {
        using Stream resource = typeof(UnicodeNames).Assembly.GetManifestResourceStream("Reclaim.Python.UnicodeNames.deflate")
            ?? throw new InvalidOperationException("the Unicode name table is not embedded");
        using var inflate = new DeflateStream(resource, CompressionMode.Decompress);
        using var reader = new StreamReader(inflate, Encoding.ASCII);
        var table = new Dictionary<string, int>(40000, StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            int semicolon = line.IndexOf(';', StringComparison.Ordinal);
            table[line[(semicolon + 1)..]] = int.Parse(line.AsSpan(0, semicolon), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        }

        return table;
    }
}
