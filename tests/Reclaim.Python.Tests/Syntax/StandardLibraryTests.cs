namespace Reclaim.Python.Tests.Syntax;

/// <summary>
/// A fixed, spread sample of CPython's own <c>Lib/</c> (every fourth file of the sorted list, at least 400): Reclaim's
/// dump with attributes, or its error, must equal CPython's. <c>scripts/parse-lib.py</c> runs every file.
/// </summary>
public sealed class StandardLibraryTests
{
    [Fact]
    public void LibSample_EveryFile_MatchesCPython()
    {
        string lib = CPythonOracle.Stdlib;
        List<string> all = Directory.EnumerateFiles(lib, "*.py", SearchOption.AllDirectories)
            .Where(p => !p.Contains("site-packages", StringComparison.Ordinal) && !p.Contains("__pycache__", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        List<string> sample = all.Where((_, i) => i % 4 == 0).ToList();
        Assert.True(sample.Count >= 400, $"only {sample.Count} files in the sample");

        Dictionary<string, ParseOutcome> expected = CPythonOracle.Describe(sample);
        var failures = new List<string>();
        foreach (string path in sample)
        {
            string relative = Path.GetRelativePath(lib, path);
            string? difference = ReclaimSide.Difference(expected[path], ReclaimSide.Describe(path));
            if (difference is not null)
            {
                failures.Add($"{relative}: {difference}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {sample.Count} differ:\n" + string.Join("\n", failures.Take(20)));
    }
}
