namespace Reclaim.Cli.Bench.Python;

/// <summary>The whole result of <c>reclaim bench --python</c>: the JSON shape is part of the command's contract.</summary>
/// <param name="Machine">The operating system, core count and .NET version of the machine that ran it.</param>
/// <param name="MemoryMethod">How peak memory was measured.</param>
/// <param name="Quick">Whether the programs ran at their <c>--quick</c> sizes.</param>
/// <param name="Repetitions">Measured runs per program and side.</param>
/// <param name="Peers">Every side looked for, found or not.</param>
/// <param name="Rows">One row per program, then the start-up row.</param>
/// <param name="Targets">The targets with their status.</param>
public sealed record PythonBenchReport(
    string Machine,
    string MemoryMethod,
    bool Quick,
    int Repetitions,
    IReadOnlyList<PeerStatus> Peers,
    IReadOnlyList<PythonBenchRow> Rows,
    IReadOnlyList<TargetStatus> Targets);

/// <summary>One side as found.</summary>
/// <param name="Name">"reclaim", "cpython" or "pypy".</param>
/// <param name="Available">Whether it can be run.</param>
/// <param name="Version">Its version line, or why it is not available.</param>
public sealed record PeerStatus(string Name, bool Available, string Version);

/// <summary>One program's figures on every side.</summary>
/// <param name="Program">The program (or <c>start-up</c>).</param>
/// <param name="Kind">collector, general, lifecycle or start-up.</param>
/// <param name="Metric">The figure the ratios compare: "gc.collect()" (the timed region) or "process" (whole-process time).</param>
/// <param name="Sides">Each side's medians, or its failure.</param>
/// <param name="RatioCPython">CPython ÷ reclaim on <paramref name="Metric"/>: above 1 reclaim is faster.</param>
/// <param name="RatioPyPy">PyPy ÷ reclaim on <paramref name="Metric"/>.</param>
/// <param name="MemoryRatioCPython">Reclaim's peak ÷ CPython's: below 1 reclaim uses less.</param>
public sealed record PythonBenchRow(
    string Program,
    string Kind,
    string Metric,
    IReadOnlyList<SideFigures> Sides,
    double? RatioCPython,
    double? RatioPyPy,
    double? MemoryRatioCPython);

/// <summary>One side's medians for one program.</summary>
/// <param name="Peer">The side.</param>
/// <param name="Failure">Why it failed, or <see langword="null"/> when every repetition ran.</param>
/// <param name="Runs">Repetitions that ran.</param>
/// <param name="WallMs">Median whole-process time.</param>
/// <param name="TimedMs">Median of the program's own timed region.</param>
/// <param name="PeakKb">Highest peak resident size over the repetitions.</param>
public sealed record SideFigures(string Peer, string? Failure, int Runs, double? WallMs, double? TimedMs, long? PeakKb);

/// <summary>A target of the speed issue and where it stands.</summary>
/// <param name="Name">What is measured.</param>
/// <param name="Requirement">The target in words.</param>
/// <param name="Value">The measured figure, when there is one.</param>
/// <param name="Met">Whether it is met; <see langword="null"/> when it could not be measured.</param>
/// <param name="Detail">What the figure is made of, or why it is missing.</param>
public sealed record TargetStatus(string Name, string Requirement, double? Value, bool? Met, string Detail);
