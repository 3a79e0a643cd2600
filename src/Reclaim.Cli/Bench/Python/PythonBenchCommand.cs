using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Reclaim.Cli.Json;

namespace Reclaim.Cli.Bench.Python;

/// <summary>
/// <c>reclaim bench --python</c>: every program of <c>benchmarks/python</c> under reclaim, CPython and PyPy, one side
/// after the other within each repetition so that a drift in the machine's speed hits every side alike, each run a
/// fresh process. A side that fails a program is reported as failed for that program and not run again on it.
/// </summary>
public static class PythonBenchCommand
{
    private static readonly TimeSpan s_runTimeout = TimeSpan.FromMinutes(3);

    /// <summary>Runs the command.</summary>
    /// <param name="options">The parsed options.</param>
    /// <param name="output">Where the table or JSON goes.</param>
    /// <param name="error">Where progress and problems go.</param>
    /// <returns>0 when every side ran every program, 1 when one failed, 2 when the programs cannot be found.</returns>
    public static int Execute(PythonBenchOptions options, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        IReadOnlyList<BenchProgram>? programs = ProgramCatalog.Find(options.Programs, options.Only, out string problem);
        if (programs is null)
        {
            error.WriteLine($"reclaim bench --python: {problem}");
            return 2;
        }

        (List<Peer> peers, List<PeerStatus> statuses) = FindPeers(options, error);
        ProgramRunner runner = new(s_runTimeout);
        List<PythonBenchRow> rows = [];
        foreach (BenchProgram program in programs)
        {
            error.WriteLine($"reclaim bench --python: {program.Name}...");
            string[] arguments = options.Quick ? [program.Path, "--quick"] : [program.Path];
            rows.Add(Measure(program.Name, program.Kind.ToString().ToLowerInvariant(), program.Kind == ProgramKind.Collector,
                peers, _ => arguments, requireTimed: true, runner, options.Repetitions));
        }

        error.WriteLine("reclaim bench --python: start-up...");
        rows.Add(MeasureStartUp(peers, runner, Math.Max(options.Repetitions, 5)));
        PythonBenchReport report = new(
            string.Create(CultureInfo.InvariantCulture, $"{RuntimeInformation.OSDescription}, {Environment.ProcessorCount} cores, .NET {Environment.Version}"),
            runner.MemoryMethod,
            options.Quick,
            options.Repetitions,
            statuses,
            rows,
            PythonBenchTargets.Judge(rows));
        if (options.Json)
        {
            output.WriteLine(JsonSerializer.Serialize(report, CliJsonContext.Output.PythonBenchReport));
        }
        else
        {
            PythonBenchTable.Write(report, output);
        }

        return rows.Any(r => r.Sides.Any(s => s.Failure is not null)) ? 1 : 0;
    }

    /// <summary>Runs one row: every repetition, every side in turn, and the medians.</summary>
    /// <param name="name">The row's name.</param>
    /// <param name="kind">The row's kind.</param>
    /// <param name="timedMetric">Compare the timed region rather than whole-process time.</param>
    /// <param name="peers">The sides, reclaim first.</param>
    /// <param name="arguments">The arguments for each side.</param>
    /// <param name="requireTimed">Whether a run must report a timed region to count.</param>
    /// <param name="runner">The runner.</param>
    /// <param name="repetitions">Measured runs per side.</param>
    /// <returns>The row.</returns>
    internal static PythonBenchRow Measure(
        string name, string kind, bool timedMetric, IReadOnlyList<Peer> peers, Func<Peer, IReadOnlyList<string>> arguments,
        bool requireTimed, ProgramRunner runner, int repetitions)
    {
        Dictionary<Peer, List<Measurement>> runs = peers.ToDictionary(p => p, _ => new List<Measurement>());
        Dictionary<Peer, string> failures = [];
        for (int repetition = 0; repetition < repetitions; repetition++)
        {
            foreach (Peer peer in peers.Where(p => !failures.ContainsKey(p)))
            {
                Measurement measurement = runner.Run(peer, arguments(peer), requireTimed);
                if (measurement.Failure is { } failure)
                {
                    failures[peer] = failure;
                }
                else
                {
                    runs[peer].Add(measurement);
                }
            }
        }

        List<SideFigures> sides = [.. peers.Select(p => Summarise(p, runs[p], failures.GetValueOrDefault(p)))];
        double? Figure(string peer)
        {
            SideFigures? side = sides.FirstOrDefault(s => s.Peer == peer && s.Failure is null);
            return timedMetric ? side?.TimedMs : side?.WallMs;
        }

        double? Peak(string peer) => sides.FirstOrDefault(s => s.Peer == peer && s.Failure is null)?.PeakKb;
        return new PythonBenchRow(name, kind, timedMetric ? "gc.collect()" : "process", sides,
            BenchMath.Ratio(Figure("cpython"), Figure("reclaim")),
            BenchMath.Ratio(Figure("pypy"), Figure("reclaim")),
            BenchMath.Ratio(Peak("reclaim"), Peak("cpython")));
    }

    /// <summary>One side's medians; a side that failed keeps its failure and no figures.</summary>
    /// <param name="peer">The side.</param>
    /// <param name="runs">Its successful runs.</param>
    /// <param name="failure">Why it failed, if it did.</param>
    /// <returns>The figures.</returns>
    internal static SideFigures Summarise(Peer peer, IReadOnlyList<Measurement> runs, string? failure)
    {
        if (failure is not null)
        {
            return new SideFigures(peer.Name, failure, runs.Count, null, null, null);
        }

        List<double> timed = [.. runs.Where(r => r.TimedMilliseconds.HasValue).Select(r => r.TimedMilliseconds!.Value)];
        List<long> peaks = [.. runs.Where(r => r.PeakKilobytes.HasValue).Select(r => r.PeakKilobytes!.Value)];
        return new SideFigures(peer.Name, null, runs.Count,
            BenchMath.Median([.. runs.Select(r => r.WallMilliseconds)]),
            BenchMath.Median(timed),
            peaks.Count == 0 ? null : peaks.Max());
    }

    private static PythonBenchRow MeasureStartUp(List<Peer> peers, ProgramRunner runner, int repetitions)
    {
        // `run -c pass` is the target's command; until reclaim runs Python, `--version` stands in for the process
        // start, and the row says so.
        Peer? reclaim = peers.FirstOrDefault(p => p.Name == "reclaim");
        bool runsPython = reclaim is not null && runner.Run(reclaim, ["-c", "pass"], requireTimed: false).Succeeded;
        List<Peer> sides = [.. peers.Select(p => p.Name == "reclaim" && !runsPython
            ? p with { Prefix = [.. p.Prefix.Take(p.Prefix.Count - 1)] }
            : p)];
        string name = runsPython ? "start-up (-c pass)" : "start-up (reclaim --version)";
        return Measure(name, "start-up", timedMetric: false, sides,
            p => p.Name == "reclaim" && !runsPython ? ["--version"] : ["-c", "pass"], requireTimed: false, runner, repetitions);
    }

    private static (List<Peer> Peers, List<PeerStatus> Statuses) FindPeers(PythonBenchOptions options, TextWriter error)
    {
        List<Peer> peers = [];
        List<PeerStatus> statuses = [];
        Peer reclaim = PeerLocator.Reclaim(options.Reclaim);
        peers.Add(reclaim);
        statuses.Add(new PeerStatus("reclaim", true, reclaim.Version));
        foreach ((string name, string? command) in new[] { ("cpython", options.CPython), ("pypy", options.PyPy) })
        {
            if (command is null)
            {
                statuses.Add(new PeerStatus(name, false, "skipped on the command line"));
                continue;
            }

            Peer? peer = PeerLocator.Python(name, command, out string problem);
            if (peer is null)
            {
                // PyPy is optional (scripts/install-bench-tools.sh installs it); a missing CPython is worth a warning.
                if (name == "cpython" || options.PyPy != "pypy3")
                {
                    error.WriteLine($"reclaim bench --python: {name} is skipped: {problem}");
                }

                statuses.Add(new PeerStatus(name, false, problem));
                continue;
            }

            if (name == "cpython" && !peer.Version.StartsWith("3.11", StringComparison.Ordinal))
            {
                error.WriteLine($"reclaim bench --python: comparing with CPython {peer.Version}; the targets are stated against 3.11.");
            }

            peers.Add(peer);
            statuses.Add(new PeerStatus(name, true, peer.Version));
        }

        return (peers, statuses);
    }
}
