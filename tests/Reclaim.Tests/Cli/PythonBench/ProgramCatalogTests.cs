using System.Diagnostics;
using Reclaim.Cli.Bench.Python;

namespace Reclaim.Tests.Cli.PythonBench;

/// <summary>The programs of <c>benchmarks/python</c>: all there, each of the right kind, each right under CPython.</summary>
public sealed class ProgramCatalogTests
{
    private static readonly string[] s_expected =
    [
        "gc_collect", "gc_traversal",
        "btree", "chaos", "deltablue", "fannkuch", "float", "generators", "nbody", "nqueens", "raytrace", "richards", "spectral_norm",
        "del_cycles", "del_refcount", "exceptions", "recursion", "weakref_callbacks", "weakvalue_cache",
    ];

    [Fact]
    public void Find_ListsEveryProgram_CollectorsFirst()
    {
        IReadOnlyList<BenchProgram>? programs = ProgramCatalog.Find(null, [], out string problem);

        Assert.True(programs is not null, problem);
        Assert.Equal(s_expected.Order(StringComparer.Ordinal), programs.Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["gc_collect", "gc_traversal"], programs.Take(2).Select(p => p.Name));
        Assert.All(programs.Take(2), p => Assert.Equal(ProgramKind.Collector, p.Kind));
        Assert.Equal(ProgramKind.Lifecycle, programs.Single(p => p.Name == "weakvalue_cache").Kind);
        Assert.Equal(ProgramKind.General, programs.Single(p => p.Name == "richards").Kind);
        Assert.All(programs, p => Assert.True(File.Exists(p.Path), p.Path));
    }

    [Fact]
    public void Find_Only_KeepsTheOrderGiven()
    {
        IReadOnlyList<BenchProgram>? programs = ProgramCatalog.Find(null, ["nbody", "gc_collect"], out _);

        Assert.NotNull(programs);
        Assert.Equal(["nbody", "gc_collect"], programs.Select(p => p.Name));
    }

    [Fact]
    public void Find_AMissingFolder_SaysSo()
    {
        Assert.Null(ProgramCatalog.Find("/no/such/folder", [], out string problem));
        Assert.Contains("'/no/such/folder' does not exist", problem, StringComparison.Ordinal);
    }

    /// <summary>
    /// CPython is the oracle: every program, at its quick size, must pass its own check under python3 and print its
    /// timed line. (python3 is the conformance suite's oracle too, so it is on every machine that runs the tests.)
    /// </summary>
    [Fact]
    public async Task EveryProgram_AtItsQuickSize_PassesItsOwnCheckUnderCPython()
    {
        IReadOnlyList<BenchProgram> programs = ProgramCatalog.Find(null, [], out _)!;
        List<string> failures = [];
        foreach (BenchProgram program in programs)
        {
            ProcessStartInfo start = new("python3", [program.Path, "--quick"]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using Process process = Process.Start(start)!;
            Task<string> reading = process.StandardOutput.ReadToEndAsync();
            string stderr = await process.StandardError.ReadToEndAsync();
            string stdout = await reading;
            Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)), $"{program.Name} did not finish");
            if (process.ExitCode != 0 || !BenchOutput.TryParseTimed(stdout, out _, out _))
            {
                failures.Add($"{program.Name}: exit {process.ExitCode}, {BenchOutput.LastLine(stderr)}, stdout '{stdout.Trim()}'");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
