namespace Reclaim.Cli.Bench.Python;

/// <summary>
/// Runs a program once under a side, in a fresh process, and measures it. Peak memory comes from
/// <c>/usr/bin/time -f %M</c> (the kernel's maximum resident set size of the child, from wait4's rusage) when that
/// is installed, which wraps every side alike; otherwise from sampling the child's VmHWM every 5 ms while it runs.
/// </summary>
public sealed class ProgramRunner
{
    /// <summary>GNU time, whose <c>%M</c> is the child's peak resident size in kilobytes.</summary>
    public const string TimeBinary = "/usr/bin/time";

    private readonly TimeSpan _timeout;
    private readonly bool _useTime;

    /// <summary>Creates a runner.</summary>
    /// <param name="timeout">How long one run may take before it is killed and reported as failed.</param>
    /// <param name="useTime">Wrap runs in <see cref="TimeBinary"/> for the peak; <see langword="null"/> to use it when present.</param>
    public ProgramRunner(TimeSpan timeout, bool? useTime = null)
    {
        _timeout = timeout;
        _useTime = useTime ?? File.Exists(TimeBinary);
    }

    /// <summary>How peak memory is measured, for the report.</summary>
    public string MemoryMethod => _useTime
        ? "peak RSS from /usr/bin/time -f %M (wait4 rusage)"
        : "peak RSS sampled from /proc VmHWM every 5 ms";

    /// <summary>Runs <paramref name="arguments"/> under <paramref name="peer"/>.</summary>
    /// <param name="peer">The side.</param>
    /// <param name="arguments">The program's path and arguments, or <c>-c CODE</c>.</param>
    /// <param name="requireTimed">Whether the program must report a timed region.</param>
    /// <returns>The measurement; a failed one says why.</returns>
    public Measurement Run(Peer peer, IReadOnlyList<string> arguments, bool requireTimed)
    {
        ArgumentNullException.ThrowIfNull(peer);
        string? timeFile = _useTime ? Path.GetTempFileName() : null;
        try
        {
            IReadOnlyList<string> command = peer.Arguments(arguments);
            ChildProcess.Result result = timeFile is null
                ? ChildProcess.Run(peer.FileName, command, _timeout, samplePeak: true)
                : ChildProcess.Run(TimeBinary, ["-f", "%M", "-o", timeFile, peer.FileName, .. command], _timeout, samplePeak: false);
            long? peak = timeFile is null
                ? (result.SampledPeakBytes > 0 ? result.SampledPeakBytes / 1024 : null)
                : BenchOutput.ParsePeakKilobytes(File.ReadAllText(timeFile));
            string? failure = Judge(result, requireTimed, out double? timed);
            return new Measurement(failure, result.WallMilliseconds, timed, peak);
        }
        finally
        {
            if (timeFile is not null)
            {
                File.Delete(timeFile);
            }
        }
    }

    private string? Judge(ChildProcess.Result result, bool requireTimed, out double? timed)
    {
        timed = null;
        if (!result.Started)
        {
            return result.Stderr;
        }

        if (result.TimedOut)
        {
            return $"did not finish within {_timeout.TotalSeconds:0} s";
        }

        if (result.ExitCode is > 128 and < 160)
        {
            // The shell's convention, which .NET follows for a child killed by a signal: 128 + the signal's number.
            return $"killed by signal {result.ExitCode - 128}{(result.ExitCode == 139 ? " (SIGSEGV)" : "")}: {BenchOutput.LastLine(result.Stderr)}";
        }

        if (result.ExitCode != 0)
        {
            return $"exit code {result.ExitCode}: {BenchOutput.LastLine(result.Stderr)}";
        }

        if (BenchOutput.TryParseTimed(result.Stdout, out double milliseconds, out string problem))
        {
            timed = milliseconds;
            return null;
        }

        return requireTimed ? problem : null;
    }
}
