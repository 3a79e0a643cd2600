using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Reclaim.Python.Syntax.Tokenizing;

/// <summary>
/// NFKC normalization of identifiers (PEP 3131), from CPython 3.11's Unicode 14 data in the table
/// <c>scripts/generate-identifier-tables.py</c> wrote (loaded on the first non-ASCII name). The tokenizer does not use .NET's
/// <see cref="string.Normalize(NormalizationForm)"/>: that needs ICU, which the native executable leaves out (its
/// libraries were about 4 MB of every process's memory), and ICU's Unicode is newer than CPython 3.11's.
/// </summary>
internal static class Nfkc
{
    // Hangul syllables are composed of jamo by arithmetic (Unicode's chapter 3.12), not by table.
    private const int SyllableBase = 0xAC00;
    private const int LeadingBase = 0x1100;
    private const int VowelBase = 0x1161;
    private const int TrailingBase = 0x11A7;
    private const int VowelCount = 21;
    private const int TrailingCount = 28;
    private const int SyllableCount = 19 * VowelCount * TrailingCount;

    private static readonly Lazy<Tables> Data = new(Load);

    /// <summary>The NFKC form of <paramref name="text"/> (CPython's <c>unicodedata.normalize('NFKC', text)</c>).</summary>
    /// <param name="text">Well-formed UTF-16 text; a lone surrogate is kept as it is.</param>
    /// <returns>The normalized text (the same instance when nothing changes).</returns>
    public static string Normalize(string text)
    {
        if (Ascii.IsValid(text))
        {
            return text;
        }

        Tables tables = Data.Value;
        var points = new List<int>(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            int code = text[i];
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                code = char.ConvertToUtf32(text[i], text[i + 1]);
                i++;
            }

            Decompose(code, points, tables);
        }

        Reorder(points, tables);
        Compose(points, tables);
        var result = new StringBuilder(points.Count);
        foreach (int code in points)
        {
            if (code is >= 0xD800 and <= 0xDFFF)
            {
                result.Append((char)code);
            }
            else
            {
                result.Append(char.ConvertFromUtf32(code));
            }
        }

        string normalized = result.ToString();
        return string.Equals(normalized, text, StringComparison.Ordinal) ? text : normalized;
    }

    private static void Decompose(int code, List<int> points, Tables tables)
    {
        int syllable = code - SyllableBase;
        if ((uint)syllable < SyllableCount)
        {
            points.Add(LeadingBase + (syllable / (VowelCount * TrailingCount)));
            points.Add(VowelBase + (syllable % (VowelCount * TrailingCount) / TrailingCount));
            if (syllable % TrailingCount != 0)
            {
                points.Add(TrailingBase + (syllable % TrailingCount));
            }
        }
        else if (tables.Decompositions.TryGetValue(code, out int[]? full))
        {
            points.AddRange(full);
        }
        else
        {
            points.Add(code);
        }
    }

    /// <summary>The canonical ordering: each run of combining marks sorted by class, stably.</summary>
    private static void Reorder(List<int> points, Tables tables)
    {
        for (int i = 1; i < points.Count; i++)
        {
            int code = points[i];
            int cls = tables.ClassOf(code);
            if (cls == 0)
            {
                continue;
            }

            int j = i;
            while (j > 0 && tables.ClassOf(points[j - 1]) > cls)
            {
                points[j] = points[j - 1];
                j--;
            }

            points[j] = code;
        }
    }

    /// <summary>The canonical composition: each mark joins the last starter unless a mark of the same or a higher class, or a starter, stands between.</summary>
    private static void Compose(List<int> points, Tables tables)
    {
        int write = 0;
        int starter = -1;
        int lastClass = -1; // -1: nothing written since the starter
        for (int read = 0; read < points.Count; read++)
        {
            int code = points[read];
            int cls = tables.ClassOf(code);
            if (starter >= 0 && (lastClass == -1 || lastClass < cls) && TryCompose(points[starter], code, tables, out int composite))
            {
                points[starter] = composite;
                continue;
            }

            if (cls == 0)
            {
                starter = write;
                lastClass = -1;
            }
            else
            {
                lastClass = cls;
            }

            points[write++] = code;
        }

        points.RemoveRange(write, points.Count - write);
    }

    private static bool TryCompose(int first, int second, Tables tables, out int composite)
    {
        int leading = first - LeadingBase;
        int vowel = second - VowelBase;
        if ((uint)leading < 19 && (uint)vowel < VowelCount)
        {
            composite = SyllableBase + (((leading * VowelCount) + vowel) * TrailingCount);
            return true;
        }

        int syllable = first - SyllableBase;
        int trailing = second - TrailingBase;
        if ((uint)syllable < SyllableCount && syllable % TrailingCount == 0 && trailing is > 0 and < TrailingCount)
        {
            composite = first + trailing;
            return true;
        }

        return tables.Compositions.TryGetValue(((long)first << 21) | (uint)second, out composite);
    }

    private static Tables Load()
    {
        using Stream resource = typeof(Nfkc).Assembly.GetManifestResourceStream("Reclaim.Python.Nfkc.deflate")
            ?? throw new InvalidOperationException("the NFKC table is not embedded");
        using var inflate = new DeflateStream(resource, CompressionMode.Decompress);
        using var reader = new StreamReader(inflate, Encoding.ASCII);
        var tables = new Tables();
        string section = "";
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('@'))
            {
                section = line;
                continue;
            }

            int colon = line.IndexOf(':', StringComparison.Ordinal);
            string key = line[..colon];
            string value = line[(colon + 1)..];
            switch (section)
            {
                case "@decompose":
                    tables.Decompositions[Hex(key)] = value.Split(' ').Select(Hex).ToArray();
                    break;
                case "@classes":
                    int dash = key.IndexOf('-', StringComparison.Ordinal);
                    tables.ClassRuns.Add((Hex(key[..dash]), Hex(key[(dash + 1)..]), (byte)Hex(value)));
                    break;
                case "@compose":
                    string[] pair = key.Split(' ');
                    tables.Compositions[((long)Hex(pair[0]) << 21) | (uint)Hex(pair[1])] = Hex(value);
                    break;
                default:
                    throw new InvalidOperationException($"the NFKC table has a line outside its sections: {line}");
            }
        }

        return tables;
    }

    private static int Hex(string digits) => int.Parse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

    /// <summary>The three sections of the table.</summary>
    private sealed class Tables
    {
        public Dictionary<int, int[]> Decompositions { get; } = new(6000);

        public Dictionary<long, int> Compositions { get; } = new(1000);

        /// <summary>Runs of nonzero combining class, in code point order.</summary>
        public List<(int First, int Last, byte Class)> ClassRuns { get; } = new(1000);

        public int ClassOf(int code)
        {
            // ASCII and most letters are class 0 and below the first mark (U+0300): no search for them.
            if (code < 0x300)
            {
                return 0;
            }

            int low = 0;
            int high = ClassRuns.Count - 1;
            while (low <= high)
            {
                int middle = (low + high) >>> 1;
                (int first, int last, byte cls) = ClassRuns[middle];
                if (code < first)
                {
                    high = middle - 1;
                }
                else if (code > last)
                {
                    low = middle + 1;
                }
                else
                {
                    return cls;
                }
            }

            return 0;
        }
    }
}
