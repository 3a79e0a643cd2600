using System.Globalization;
using System.Text;
using Reclaim.Python.Syntax.Tokenizing;

namespace Reclaim.Python.Tests.Syntax;

/// <summary>
/// Non-ASCII names are NFKC-normalized as CPython 3.11 does (PEP 3131), by the tokenizer's own Unicode 14 tables
/// (the native executable has no ICU). Each case is parsed by both sides and the dumps (or errors) compared.
/// </summary>
public sealed class IdentifierNormalizationTests
{
    // Sequences whose normal form needs reordering or composition, not just a per-character mapping.
    private static readonly string[] Sequences =
    [
        "e\u0301", "E\u0301\u0301", "a\u0316\u0301", "a\u0301\u0316", "o\u0308\u0304", "A\u030a", "\u212b",
        "\u1100\u1161", "\u1100\u1161\u11a8", "\uac00\u11a8", "\ud55c\uae00", "\u1112\u1161\u11ab\u1100\u1173\u11af",
        "x\u0345\u0301", "\u0915\u093c", "\u0b47\u0b3e", "\u0d46\u0d3e", "\ufb01\u0301", "\u2460", "\u00bd_",
        "\u0041\u0327\u0301", "\u0063\u0301\u0327", "\u1e9b\u0323", "\u0071\u0307\u0323", "s\u0323\u0307",
        "\U0001d400\U0001d41b", "\u3131\u314f", "\uff21\uff22", "\u01c4\u01c5\u01c6",
    ];

    [Fact]
    public void Every_character_whose_compatibility_form_differs_normalizes_as_CPython_does()
    {
        var sources = new Dictionary<string, string>();
        for (int code = 0x80; code <= 0x10FFFF; code++)
        {
            // Surrogates cannot stand alone; ICU refuses unassigned code points (noncharacters), which no table maps.
            if (code is >= 0xD800 and <= 0xDFFF || CharUnicodeInfo.GetUnicodeCategory(code) == UnicodeCategory.OtherNotAssigned)
            {
                continue;
            }

            // Candidates come from .NET's ICU normalization (the test process has ICU) and from the tables under test,
            // so that a character either side changes is compared with CPython.
            string name = "a" + char.ConvertFromUtf32(code);
            if (!string.Equals(name.Normalize(NormalizationForm.FormKC), name, StringComparison.Ordinal)
                || !string.Equals(Nfkc.Normalize(name), name, StringComparison.Ordinal))
            {
                sources[$"u{code:x}"] = $"{name} = 1\n";
            }
        }

        Assert.True(sources.Count > 3500, $"only {sources.Count} candidates");
        UnicodeNameTests.CompareWithCPython(sources, "reclaim-nfkc");
    }

    [Fact]
    public void Sequences_are_reordered_and_composed_as_CPython_does()
    {
        UnicodeNameTests.CompareWithCPython(
            Sequences.Select((name, i) => (name, i)).ToDictionary(s => $"seq{s.i:00}", s => $"{s.name} = 1\nprint({s.name})\n"),
            "reclaim-nfkc-sequences");
    }

    [Fact]
    public void ASCII_and_already_normal_names_come_back_as_the_same_instance()
    {
        string ascii = "plain_name";
        string normal = "caf\u00e9";
        Assert.Same(ascii, Nfkc.Normalize(ascii));
        Assert.Same(normal, Nfkc.Normalize(normal));
        Assert.Equal("cafe\u0301".Normalize(NormalizationForm.FormKC), Nfkc.Normalize("cafe\u0301"));
    }
}
