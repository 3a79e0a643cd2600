using System.Text;
using Reclaim.Python.Syntax.Parsing;

namespace Reclaim.Python.Tests.Syntax;

/// <summary>
/// <c>\N{…}</c> escapes held against python3 at test time: every formal alias in the table (as written and in lower
/// case), and the edges of CPython's name rules (case of the computed CJK and Hangul names, ideograph ranges, named
/// sequences, names CPython 3.11 does not know).
/// </summary>
public sealed class UnicodeNameTests
{
    /// <summary>Names CPython 3.11 accepts or refuses for reasons other than a plain table miss; each is its own file.</summary>
    private static readonly string[] EdgeNames =
    [
        "LATIN CAPITAL LETTER GHA", "BYTE ORDER MARK", "byte order mark", "BOM", "NBSP", "zwj", "LINE FEED", "NULL",
        "CJK UNIFIED IDEOGRAPH-4E00", "CJK UNIFIED IDEOGRAPH-04E00", "CJK UNIFIED IDEOGRAPH-3134A", "CJK UNIFIED IDEOGRAPH-9FFF",
        "cjk unified ideograph-4E00", "CJK UNIFIED IDEOGRAPH-4e00", "CJK UNIFIED IDEOGRAPH-0041", "CJK UNIFIED IDEOGRAPH-2A6E0",
        "CJK UNIFIED IDEOGRAPH-2B739", "CJK UNIFIED IDEOGRAPH-000041", "CJK UNIFIED IDEOGRAPH-",
        "CJK COMPATIBILITY IDEOGRAPH-F900", "cjk compatibility ideograph-f900", "TANGUT IDEOGRAPH-17000",
        "KHITAN SMALL SCRIPT CHARACTER-18B00", "nushu character-1b170",
        "HANGUL SYLLABLE GA", "HANGUL SYLLABLE GAG", "HANGUL SYLLABLE ga", "hangul syllable GA",
        "LATIN CAPITAL LETTER A WITH MACRON AND GRAVE", "LATİN CAPİTAL LETTER A", "latin small letter a", " LATIN SMALL LETTER A",
        "EM DASH", "em dash", "NO SUCH NAME",
    ];

    [Fact]
    public void EveryAlias_AsWrittenAndInLowerCase_ParsesAsCPythonDoes()
    {
        IReadOnlyList<string> aliases = UnicodeNames.Aliases;
        Assert.True(aliases.Count > 400, $"only {aliases.Count} aliases in the table");

        Compare(new Dictionary<string, string>
        {
            ["aliases"] = string.Concat(aliases.Select(a => $"x = '\\N{{{a}}}'\n")),
            ["aliases-lower"] = string.Concat(aliases.Select(a => $"x = '\\N{{{a.ToLowerInvariant()}}}'\n")),
            ["aliases-in-fstring"] = string.Concat(aliases.Select(a => $"x = f'<\\N{{{a}}}>'\n")),
        });
    }

    [Fact]
    public void NameRuleEdges_MatchCPython()
    {
        Compare(EdgeNames.Select((name, i) => (name, i)).ToDictionary(e => $"edge{e.i:00}", e => $"x = '\\N{{{e.name}}}'\n"));
    }

    [Fact]
    public void CharactersAssignedAfterUnicode14_AreEscapedInTheDumpAsCPythonDoes()
    {
        // U+2FFC, U+31E4, U+0CF3, U+1E030 and U+1F6DC were assigned after Unicode 14; .NET knows them, CPython 3.11 does not.
        Compare(new Dictionary<string, string>
        {
            ["newer-characters"] = "x = '\u2ffc \u31e4 \u0cf3 \U0001e030 \U0001f6dc \u0378 é \u4e00'\ny = '\u2ffc\U0001f6dc'\n",
        });
    }

    private static void Compare(Dictionary<string, string> sources) => CompareWithCPython(sources, "reclaim-unicode-names");

    /// <summary>Parses each source with CPython and with Reclaim and fails with every difference in the dumps or errors.</summary>
    /// <param name="sources">Source text by file name (without <c>.py</c>).</param>
    /// <param name="scratch">The prefix of the temporary folder the files are written to.</param>
    internal static void CompareWithCPython(Dictionary<string, string> sources, string scratch)
    {
        string directory = Directory.CreateTempSubdirectory(scratch).FullName;
        try
        {
            var paths = sources.ToDictionary(s => Path.Combine(directory, s.Key + ".py"), s => s.Value);
            foreach ((string path, string text) in paths)
            {
                File.WriteAllText(path, text, new UTF8Encoding(false));
            }

            Dictionary<string, ParseOutcome> expected = CPythonOracle.Describe(paths.Keys.ToList());
            var failures = paths
                .Select(p => (p, difference: ReclaimSide.Difference(expected[p.Key], ReclaimSide.Describe(p.Key))))
                .Where(r => r.difference is not null)
                .Select(r => $"{r.p.Value.Trim()}: {r.difference}")
                .ToList();
            Assert.True(failures.Count == 0, string.Join("\n", failures));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
