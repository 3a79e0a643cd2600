using System.Globalization;

namespace Reclaim.Cli.Bench.Python;

/// <summary>Reads what a program and <c>/usr/bin/time</c> report.</summary>
public static class BenchOutput
{
    /// <summary>The prefix of the one line each program prints for its timed region.</summary>
    public const string TimedPrefix = "#reclaim-bench timed_ms=";

    /// <summary>The timed region a program reported: the last <see cref="TimedPrefix"/> line of its output.</summary>
    /// <param name="stdout">The program's standard output.</param>
    /// <param name="milliseconds">The figure, when there is a valid one.</param>
    /// <param name="problem">Why there is none: no such line, or not a finite non-negative number.</param>
    /// <returns>Whether a figure was found.</returns>
    public static bool TryParseTimed(string stdout, out double milliseconds, out string problem)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        milliseconds = 0;
        string? line = stdout.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.StartsWith(TimedPrefix, StringComparison.Ordinal));
        if (line is null)
        {
            problem = $"printed no '{TimedPrefix}' line";
            return false;
        }

        string value = line[TimedPrefix.Length..];
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out milliseconds)
            || !double.IsFinite(milliseconds) || milliseconds < 0)
        {
            problem = $"printed '{line}', whose figure is not a number of milliseconds";
            return false;
        }

        problem = "";
        return true;
    }

    /// <summary>
    /// The peak resident size <c>/usr/bin/time -f %M -o FILE</c> wrote: the last line that is a whole number of
    /// kilobytes (time writes "Command exited with non-zero status N" above it when the child failed).
    /// </summary>
    /// <param name="text">The file's contents.</param>
    /// <returns>The peak in kilobytes, or <see langword="null"/> when the file holds none.</returns>
    public static long? ParsePeakKilobytes(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (string line in text.Split('\n').Select(l => l.Trim()).Reverse())
        {
            if (long.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out long kilobytes))
            {
                return kilobytes;
            }
        }

        return null;
    }

    /// <summary>The last non-empty line of a stream: the line of a traceback or an error message that says what happened.</summary>
    /// <param name="text">A captured stream.</param>
    /// <returns>The line, or "(nothing on stderr)".</returns>
    public static string LastLine(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string? last = text.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.Length > 0);
        return last is null ? "(nothing on stderr)" : last.Length > 200 ? last[..200] + "…" : last;
    }
}
