using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Reclaim.Python.Syntax.Parsing;

/// <summary>
/// Character names for <c>\N{…}</c> escapes, from the table <c>scripts/generate-unicode-names.py</c> wrote from
/// CPython 3.11's <c>unicodedata</c> and Unicode's name aliases (loaded on the first <c>\N</c>). CPython's rules:
/// names and aliases match without regard to ASCII case, except the two families it computes from the code point,
/// <c>CJK UNIFIED IDEOGRAPH-XXXX</c> and <c>HANGUL SYLLABLE …</c>, which must be written in capitals exactly.
/// </summary>
internal static class UnicodeNames
{
    private const string IdeographPrefix = "CJK UNIFIED IDEOGRAPH-";
    private const string SyllablePrefix = "HANGUL SYLLABLE ";

    private static readonly Lazy<NameTable> Table = new(Load);

    /// <summary>The formal aliases the table holds (for tests that hold them against python3).</summary>
    public static IReadOnlyList<string> Aliases => Table.Value.Aliases;

    /// <summary>The character named <paramref name="name"/>, or null when CPython would not know it.</summary>
    /// <param name="name">The name inside the braces.</param>
    /// <returns>The text, or null.</returns>
    public static string? Lookup(string name)
    {
        // CPython compares names byte by byte after ASCII upper-casing: no other character can be part of a name.
        if (!Ascii.IsValid(name))
        {
            return null;
        }

        if (name.StartsWith(IdeographPrefix, StringComparison.Ordinal))
        {
            return Ideograph(name.AsSpan(IdeographPrefix.Length));
        }

        string upper = name.ToUpperInvariant();
        if (upper.StartsWith(SyllablePrefix, StringComparison.Ordinal) && !string.Equals(upper, name, StringComparison.Ordinal))
        {
            return null;
        }

        return Table.Value.Codes.TryGetValue(upper, out int code) ? char.ConvertFromUtf32(code) : null;
    }

    /// <summary>CPython's rule: four or five upper-case hex digits naming a unified ideograph.</summary>
    private static string? Ideograph(ReadOnlySpan<char> hex)
    {
        if (hex.Length is not (4 or 5) || hex.ContainsAnyExcept("0123456789ABCDEF"))
        {
            return null;
        }

        int code = int.Parse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        foreach ((int first, int last) in Table.Value.Ideographs)
        {
            if (code >= first && code <= last)
            {
                return char.ConvertFromUtf32(code);
            }
        }

        return null;
    }

    private static NameTable Load()
    {
        using Stream resource = typeof(UnicodeNames).Assembly.GetManifestResourceStream("Reclaim.Python.UnicodeNames.deflate")
            ?? throw new InvalidOperationException("the Unicode name table is not embedded");
        using var inflate = new DeflateStream(resource, CompressionMode.Decompress);
        using var reader = new StreamReader(inflate, Encoding.ASCII);
        var table = new NameTable();
        string section = string.Empty;
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('@'))
            {
                section = line;
                continue;
            }

            if (section == "@cjk")
            {
                int dash = line.IndexOf('-', StringComparison.Ordinal);
                table.Ideographs.Add((Hex(line.AsSpan(0, dash)), Hex(line.AsSpan(dash + 1))));
                continue;
            }

            int semicolon = line.IndexOf(';', StringComparison.Ordinal);
            string name = line[(semicolon + 1)..];
            table.Codes[name] = Hex(line.AsSpan(0, semicolon));
            if (section == "@aliases")
            {
                table.Aliases.Add(name);
            }
        }

        return table;
    }

    private static int Hex(ReadOnlySpan<char> digits) => int.Parse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

    /// <summary>The loaded table: names and aliases to code points, and the ideograph ranges.</summary>
    private sealed class NameTable
    {
        public Dictionary<string, int> Codes { get; } = new(46500, StringComparer.Ordinal);

        public List<string> Aliases { get; } = [];

        public List<(int First, int Last)> Ideographs { get; } = [];
    }
}
