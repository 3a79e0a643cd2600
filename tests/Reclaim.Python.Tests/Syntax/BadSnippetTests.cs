namespace Reclaim.Python.Tests.Syntax;

/// <summary>
/// The bad-snippet corpus (<c>bad-snippets.txt</c>, written by scripts/extract-bad-snippets.py: CPython's test_syntax
/// doctests, hand-written cases from test_fstring, test_eof, test_exceptions, test_grammar and
/// test_unicode_identifiers, and every string constant of fifteen CPython test files that <c>ast.parse</c> refuses):
/// each snippet's exception type, message, line and offset must equal CPython's, asked of python3 at test time.
/// </summary>
public sealed class BadSnippetTests
{
    [Fact]
    public void Corpus_EverySnippet_FailsAsCPythonDoes()
    {
        string corpus = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Syntax", "bad-snippets.txt"));
        string[] snippets = corpus.Split("#---#\n");
        Assert.True(snippets.Length >= 2000, $"only {snippets.Length} snippets");

        string directory = Directory.CreateTempSubdirectory("reclaim-bad-snippets").FullName;
        try
        {
            var paths = new List<string>();
            for (int i = 0; i < snippets.Length; i++)
            {
                string path = Path.Combine(directory, $"snippet{i:000}.py");
                File.WriteAllText(path, snippets[i]);
                paths.Add(path);
            }

            Dictionary<string, ParseOutcome> expected = CPythonOracle.Describe(paths);
            var failures = new List<string>();
            for (int i = 0; i < paths.Count; i++)
            {
                if (KnownDifferences.Snippets.Contains(i))
                {
                    continue;
                }

                string? difference = ReclaimSide.Difference(expected[paths[i]], ReclaimSide.Describe(paths[i]));
                if (difference is not null)
                {
                    failures.Add($"#{i} {snippets[i].Split('\n')[0]}: {difference}");
                }
            }

            Assert.True(failures.Count == 0, $"{failures.Count} of {snippets.Length} differ:\n" + string.Join("\n", failures));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
