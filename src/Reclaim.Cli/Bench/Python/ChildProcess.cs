using System.ComponentModel;
using System.Diagnostics;

namespace Reclaim.Cli.Bench.Python;

/// <summary>Starts one child process, captures both streams, and waits for it with a deadline.</summary>
internal static class ChildProcess
{
    /// <summary>What a finished (or abandoned) child left.</summary>
    /// <param name="Started">Whether the process started at all.</param>
    /// <param name="TimedOut">Whether it was killed at the deadline.</param>
    /// <param name="ExitCode">Its exit status (meaningless unless it started and finished).</param>
    /// <param name="Stdout">Everything it wrote to standard output.</param>
    /// <param name="Stderr">Everything it wrote to standard error, or why it could not start.</param>
    /// <param name="WallMilliseconds">From just before the start to the exit.</param>
    /// <param name="SampledPeakBytes">The highest VmHWM seen while it ran (see <see cref="Run"/>).</param>
    internal sealed record Result(bool Started, bool TimedOut, int ExitCode, string Stdout, string Stderr, double WallMilliseconds, long SampledPeakBytes);

    /// <summary>Runs a child to the end.</summary>
    /// <param name="fileName">The executable.</param>
    /// <param name="arguments">Its arguments.</param>
    /// <param name="timeout">How long it may run before it is killed.</param>
    /// <param name="samplePeak">
    /// Read the child's peak resident size (VmHWM, via <see cref="Process.PeakWorkingSet64"/>) every few milliseconds
    /// while it runs: the fallback when <c>/usr/bin/time</c> is not there to report it exactly.
    /// </param>
    /// <returns>What happened.</returns>
    public static Result Run(string fileName, IReadOnlyList<string> arguments, TimeSpan timeout, bool samplePeak)
    {
        ProcessStartInfo start = new(fileName, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        Stopwatch clock = Stopwatch.StartNew();
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"'{fileName}' did not start.");
        }
        catch (Exception exception) when (exception is Win32Exception or InvalidOperationException)
        {
            return new Result(false, false, -1, "", $"could not start '{fileName}': {exception.Message}", 0, 0);
        }

        using (process)
        {
            // No program reads standard input; closing it makes one that does see end-of-file instead of hanging.
            process.StandardInput.Close();

            // Both streams are read concurrently: a child that fills one pipe while we wait on the other would block forever.
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            long peak = 0;
            bool finished;
            if (samplePeak)
            {
                DateTime deadline = DateTime.UtcNow + timeout;
                while (!(finished = process.WaitForExit(5)) && DateTime.UtcNow < deadline)
                {
                    peak = Math.Max(peak, SafePeak(process));
                }
            }
            else
            {
                finished = process.WaitForExit(timeout);
            }

            double wall = clock.Elapsed.TotalMilliseconds;
            if (!finished)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                return new Result(true, true, -1, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult(), wall, peak);
            }

            process.WaitForExit(); // drains the redirected streams
            return new Result(true, false, process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult(), wall, peak);
        }
    }

    /// <summary>Runs a short command that identifies something (a version, a path).</summary>
    /// <param name="fileName">The executable.</param>
    /// <param name="arguments">Its arguments.</param>
    /// <param name="timeout">How long it may take.</param>
    /// <param name="output">Its standard output when it succeeded, else why it failed.</param>
    /// <returns>Whether it ran and exited with 0.</returns>
    public static bool Probe(string fileName, IReadOnlyList<string> arguments, TimeSpan timeout, out string output)
    {
        Result result = Run(fileName, arguments, timeout, samplePeak: false);
        if (result.Started && !result.TimedOut && result.ExitCode == 0)
        {
            output = result.Stdout + (result.Stdout.Length == 0 ? result.Stderr : "");
            return true;
        }

        output = !result.Started ? result.Stderr
            : result.TimedOut ? $"no answer within {timeout.TotalSeconds:0} s"
            : $"exit code {result.ExitCode}: {BenchOutput.LastLine(result.Stderr)}";
        return false;
    }

    private static long SafePeak(Process process)
    {
        try
        {
            process.Refresh();
            return process.PeakWorkingSet64;
        }
        catch (InvalidOperationException)
        {
            return 0; // it exited between the wait and the read
        }
    }
}
