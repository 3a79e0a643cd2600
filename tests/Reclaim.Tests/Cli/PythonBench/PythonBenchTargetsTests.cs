using Reclaim.Cli.Bench.Python;

namespace Reclaim.Tests.Cli.PythonBench;

/// <summary>How the rows of a run are judged against the speed issue's targets.</summary>
public sealed class PythonBenchTargetsTests
{
    private static PythonBenchRow Row(string program, string kind, double? ratio, double? memory = 1.0, double? pypy = null, string? failure = null) =>
        new(program, kind, kind == "collector" ? "gc.collect()" : "process",
            [new SideFigures("reclaim", failure, failure is null ? 3 : 0, 10, 1, 1000), new SideFigures("cpython", null, 3, 10, 1, 1000)],
            ratio, pypy, memory);

    private static TargetStatus Target(IReadOnlyList<TargetStatus> targets, string prefix) =>
        Assert.Single(targets, t => t.Name.StartsWith(prefix, StringComparison.Ordinal));

    [Fact]
    public void Collector_IsMetAtTwiceCPython()
    {
        IReadOnlyList<TargetStatus> targets = PythonBenchTargets.Judge([Row("gc_collect", "collector", 2.0), Row("gc_traversal", "collector", 1.9)]);

        Assert.True(Target(targets, "gc_collect").Met);
        Assert.False(Target(targets, "gc_traversal").Met);
    }

    [Fact]
    public void GeometricMeanAndFloor_OverGeneralAndLifecyclePrograms()
    {
        IReadOnlyList<TargetStatus> targets = PythonBenchTargets.Judge(
            [Row("gc_collect", "collector", 0.1), Row("nbody", "general", 2.0), Row("del_cycles", "lifecycle", 0.5), Row("float", "general", 1.0)]);

        TargetStatus mean = Target(targets, "general and lifecycle programs: geometric mean");
        Assert.Equal(1.0, mean.Value!.Value, 12);   // the collector row does not count
        Assert.True(mean.Met);
        TargetStatus floor = Target(targets, "general and lifecycle programs: slowest");
        Assert.Equal(0.5, floor.Value);
        Assert.True(floor.Met);
        Assert.StartsWith("del_cycles", floor.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void AProgramThatFailed_MakesTheMeanUnmet_EvenIfTheOthersAreFast()
    {
        IReadOnlyList<TargetStatus> targets = PythonBenchTargets.Judge(
            [Row("nbody", "general", 3.0), Row("richards", "general", null, failure: "exit code 1: boom")]);

        TargetStatus mean = Target(targets, "general and lifecycle programs: geometric mean");
        Assert.Equal(3.0, mean.Value!.Value, 12);
        Assert.False(mean.Met);
        Assert.Contains("1 of 2 programs compared", mean.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void NothingCompared_IsNotMeasured_NotMet()
    {
        IReadOnlyList<TargetStatus> targets = PythonBenchTargets.Judge(
            [Row("gc_collect", "collector", null, null, failure: "exit code 2: reclaim: unknown command 'run'."), Row("nbody", "general", null, null, failure: "x")]);

        Assert.False(Target(targets, "gc_collect").Met);
        Assert.Contains("unknown command 'run'", Target(targets, "gc_collect").Detail, StringComparison.Ordinal);
        Assert.Null(Target(targets, "general and lifecycle programs: geometric mean").Met);
        Assert.Null(Target(targets, "peak memory").Met);
    }

    [Fact]
    public void Memory_IsJudgedOnTheHungriestProgram()
    {
        IReadOnlyList<TargetStatus> targets = PythonBenchTargets.Judge(
            [Row("nbody", "general", 1.0, memory: 0.8), Row("btree", "general", 1.0, memory: 1.6)]);

        TargetStatus memory = Target(targets, "peak memory");
        Assert.Equal(1.6, memory.Value);
        Assert.False(memory.Met);
        Assert.StartsWith("btree", memory.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void StartUp_CountsOnlyForRunDashCPass()
    {
        IReadOnlyList<TargetStatus> stand_in = PythonBenchTargets.Judge([Row("start-up (reclaim --version)", "start-up", 3.0)]);
        IReadOnlyList<TargetStatus> real = PythonBenchTargets.Judge([Row("start-up (-c pass)", "start-up", 0.9)]);

        Assert.Null(Target(stand_in, "start-up").Met);
        Assert.Equal(3.0, Target(stand_in, "start-up").Value);
        Assert.False(Target(real, "start-up").Met);
    }

    [Fact]
    public void PyPy_IsReportedWithoutATarget()
    {
        IReadOnlyList<TargetStatus> targets = PythonBenchTargets.Judge(
            [Row("nbody", "general", 1.0, pypy: 0.25), Row("float", "general", 1.0, pypy: 1.0)]);

        TargetStatus pypy = Target(targets, "against PyPy");
        Assert.Equal(0.5, pypy.Value!.Value, 12);
        Assert.Null(pypy.Met);
    }
}
