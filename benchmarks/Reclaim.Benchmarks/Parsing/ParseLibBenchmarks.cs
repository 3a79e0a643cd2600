using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Reclaim.Python.Syntax;
using Reclaim.Python.Syntax.Errors;

namespace Reclaim.Benchmarks.Parsing;

/// <summary>
/// Parses every file of the local CPython's <c>Lib/</c> that CPython parses, to an AST. CPython's time for the same
/// files comes from <c>reclaim bench --parse</c> (benchmarks/cpython/parse_lib.py), which runs both sides.
/// </summary>
[MemoryDiagnoser]
public class ParseLibBenchmarks
{
    private byte[][] _sources = [];

    /// <summary>Reads the files once.</summary>
    [GlobalSetup]
    public void LoadLib()
    {
        var start = new ProcessStartInfo("python3", ["-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"])
        {
            RedirectStandardOutput = true,
        };
        using Process process = Process.Start(start)!;
        string lib = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        _sources = Directory.EnumerateFiles(lib, "*.py", SearchOption.AllDirectories)
            .Where(p => !p.Contains("site-packages", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllBytes)
            .Where(Parses)
            .ToArray();
    }

    /// <summary>One pass over all of Lib/ on one large-stack thread.</summary>
    /// <returns>The number of modules parsed.</returns>
    [Benchmark]
    public int ParseAllOfLib() => PythonSyntax.OnLargeStack(() =>
    {
        int count = 0;
        foreach (byte[] source in _sources)
        {
            count += PythonSyntax.ParseOnThisThread(source).Body.Count > 0 ? 1 : 0;
        }

        return count;
    });

    private static bool Parses(byte[] source)
    {
        try
        {
            PythonSyntax.Parse(source);
            return true;
        }
        catch (PythonSyntaxError)
        {
            return false;
        }
    }
}
