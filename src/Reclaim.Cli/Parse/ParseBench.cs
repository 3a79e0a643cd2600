using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Reclaim.Python.Syntax;
using Reclaim.Python.Syntax.Errors;

namespace Reclaim.Cli.Parse;

/// <summary>
/// <c>reclaim bench --parse</c>: parses every file of the local CPython's <c>Lib/</c> that CPython parses, in
/// Reclaim and in CPython (<c>compile(..., PyCF_ONLY_AST)</c>, benchmarks/cpython/parse_lib.py), and prints both
/// medians, the throughput ratio and each side's peak memory.
/// </summary>
internal static class ParseBench
{
    /// <summary>Runs the comparison.</summary>
    /// <param name="python">The CPython interpreter.</param>
    /// <param name="repetitions">Measured runs per side.</param>
    /// <param name="output">Where the table goes.</param>
    /// <param name="error">Where problems go.</param>
    /// <returns>0, or 1 when CPython cannot be run.</returns>
    public static int Execute(string python, int repetitions, TextWriter output, TextWriter error)
    {
        string lib = RunPython(python, "-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])").Trim();
        List<string> paths = Directory.EnumerateFiles(lib, "*.py", SearchOption.AllDirectories)
            .Where(p => !p.Contains("site-packages", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        // Which files parse is decided on one large-stack thread, as the measured passes run (a thread per file would
        // cost a 256 MB stack reservation each).
        List<(string Path, byte[] Bytes)> sources = PythonSyntax.OnLargeStack(() => paths.Select(p => (p, File.ReadAllBytes(p))).Where(s => Parses(s.Item2)).ToList());

        string list = Path.GetTempFileName();
        File.WriteAllLines(list, sources.Select(s => s.Path));
        string script = Path.Combine(AppContext.BaseDirectory, "cpython", "parse_lib.py");
        JsonElement cpython;
        try
        {
            cpython = JsonDocument.Parse(RunPython(python, script, list, repetitions.ToString(CultureInfo.InvariantCulture))).RootElement;
        }
        catch (InvalidOperationException e)
        {
            error.WriteLine($"reclaim bench --parse: {e.Message}");
            return 1;
        }
        finally
        {
            File.Delete(list);
        }

        double[] reclaim = PythonSyntax.OnLargeStack(() =>
        {
            var times = new double[repetitions + 1];
            for (int r = 0; r <= repetitions; r++)
            {
                long start = Stopwatch.GetTimestamp();
                foreach ((_, byte[] bytes) in sources)
                {
                    PythonSyntax.ParseOnThisThread(bytes);
                }

                times[r] = Stopwatch.GetElapsedTime(start).TotalSeconds;
            }

            return times[1..];
        });

        double reclaimMedian = Median(reclaim);
        double cpythonMedian = Median(cpython.GetProperty("seconds").EnumerateArray().Select(e => e.GetDouble()).ToArray());
        long bytesTotal = sources.Sum(s => (long)s.Bytes.Length);
        double reclaimPeakMb = Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0;
        double cpythonPeakMb = cpython.GetProperty("peak_rss_kb").GetDouble() / 1024;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"parse Lib/: {sources.Count} files, {bytesTotal / 1048576.0:F1} MB, median of {repetitions}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  Reclaim  {reclaimMedian * 1000,8:F0} ms  {bytesTotal / 1048576.0 / reclaimMedian,6:F1} MB/s  peak working set {reclaimPeakMb:F0} MB"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  CPython  {cpythonMedian * 1000,8:F0} ms  {bytesTotal / 1048576.0 / cpythonMedian,6:F1} MB/s  peak RSS {cpythonPeakMb:F0} MB"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ratio (CPython time / Reclaim time): {cpythonMedian / reclaimMedian:F2}x (target >= 2x)"));
        return 0;
    }

    private static bool Parses(byte[] source)
    {
        try
        {
            PythonSyntax.ParseOnThisThread(source);
            return true;
        }
        catch (PythonSyntaxError)
        {
            return false;
        }
    }

    private static double Median(double[] values)
    {
        double[] sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string RunPython(string python, params string[] arguments)
    {
        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"{python} did not start");
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? stdout : throw new InvalidOperationException($"{python} failed: {stderr.Result}");
    }
}
