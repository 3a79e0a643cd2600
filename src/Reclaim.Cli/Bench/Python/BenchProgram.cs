namespace Reclaim.Cli.Bench.Python;

/// <summary>What a program measures, which decides the figure its target is judged on.</summary>
public enum ProgramKind
{
    /// <summary>A collector benchmark: judged on its timed <c>gc.collect()</c> alone.</summary>
    Collector,

    /// <summary>A general program (pyperformance's shapes): judged on whole-process time.</summary>
    General,

    /// <summary>A lifecycle program of our own (finalizers, weak references, exceptions, recursion): whole-process time.</summary>
    Lifecycle,
}

/// <summary>One program of <c>benchmarks/python</c>.</summary>
/// <param name="Name">The file name without <c>.py</c>.</param>
/// <param name="Path">The full path of the file.</param>
/// <param name="Kind">What it measures.</param>
public sealed record BenchProgram(string Name, string Path, ProgramKind Kind);
