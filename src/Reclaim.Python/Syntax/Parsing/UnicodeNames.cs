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
    public static IReadOnlyList<string> Aliases => Table.Value.Aliases();

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

        int code = Table.Value.Find(upper);
        return code < 0 ? null : char.ConvertFromUtf32(code);
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
        using var text = new MemoryStream();
        inflate.CopyTo(text);
        byte[] data = text.ToArray();
        int cjk = data.AsSpan().IndexOf("\n@cjk\n"u8);
        const int NamesStart = 7; // past "@names\n"
        byte[] names = data[NamesStart..(cjk + 1)];
        var table = new NameTable(names);
        foreach (string range in Encoding.ASCII.GetString(data, cjk + 6, data.Length - cjk - 6).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            int dash = range.IndexOf('-', StringComparison.Ordinal);
            table.Ideographs.Add((Hex(range.AsSpan(0, dash)), Hex(range.AsSpan(dash + 1))));
        }

        return table;
    }

    private static int Hex(ReadOnlySpan<char> digits) => int.Parse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

    /// <summary>
    /// The loaded table: the name lines as one block of ASCII (<c>HEX;NAME</c>, or <c>HEX=ALIAS</c>, sorted by
    /// name) with the start of each line, searched by bisection; and the ideograph ranges.
    /// </summary>
    private sealed class NameTable
    {
        private readonly byte[] _lines;
        private readonly int[] _starts;

        public NameTable(byte[] lines)
        {
            _lines = lines;
            _starts = new int[lines.AsSpan().Count((byte)'\n')];
            int line = 0;
            for (int i = 0; i < lines.Length && line < _starts.Length; i++)
            {
                _starts[line++] = i;
                i = Array.IndexOf(lines, (byte)'\n', i);
            }
        }

        public List<(int First, int Last)> Ideographs { get; } = [];

        public IReadOnlyList<string> Aliases()
        {
            var aliases = new List<string>();
            for (int line = 0; line < _starts.Length; line++)
            {
                ReadOnlySpan<byte> entry = Line(line);
                int equals = entry.IndexOf((byte)'=');
                if (equals >= 0)
                {
                    aliases.Add(Encoding.ASCII.GetString(entry[(equals + 1)..]));
                }
            }

            return aliases;
        }

        /// <summary>The code point named <paramref name="upper"/> (ASCII, upper case), or -1.</summary>
        public int Find(string upper)
        {
            Span<byte> key = upper.Length <= 256 ? stackalloc byte[upper.Length] : new byte[upper.Length];
            Encoding.ASCII.GetBytes(upper, key);
            int low = 0;
            int high = _starts.Length - 1;
            while (low <= high)
            {
                int middle = low + ((high - low) / 2);
                ReadOnlySpan<byte> entry = Line(middle);
                int separator = entry.IndexOfAny((byte)';', (byte)'=');
                int order = entry[(separator + 1)..].SequenceCompareTo(key);
                if (order == 0)
                {
                    return int.Parse(entry[..separator], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
                }

                if (order < 0)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle - 1;
                }
            }

            return -1;
        }

        private ReadOnlySpan<byte> Line(int line)
        {
            int start = _starts[line];
            int end = Array.IndexOf(_lines, (byte)'\n', start);
            return _lines.AsSpan(start, end - start);
        }
    }
}
