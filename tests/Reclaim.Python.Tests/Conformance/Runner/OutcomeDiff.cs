using System.Text;

namespace Reclaim.Python.Tests.Conformance.Runner;

/// <summary>Compares two outcomes and explains the difference: a one-line reason and a readable diff.</summary>
internal static class OutcomeDiff
{
    private const int ContextLines = 3;

    /// <summary>A one-line reason the outcomes differ (for <c>pending.txt</c>), or <see langword="null"/> when they agree.</summary>
    /// <param name="expected">CPython's outcome.</param>
    /// <param name="actual">Reclaim's outcome.</param>
    /// <returns>The reason, at most about 150 characters.</returns>
    public static string? Reason(ConformanceOutcome expected, ConformanceOutcome actual)
    {
        string? reason = null;
        if (expected.Exit != actual.Exit)
        {
            reason = $"exit {actual.Exit}, expected {expected.Exit}; stderr ends: {LastLine(actual.Stderr)}";
        }
        else if (expected.Stdout != actual.Stdout)
        {
            reason = "stdout " + FirstDifference(expected.Stdout, actual.Stdout);
        }
        else if (expected.Stderr != actual.Stderr)
        {
            reason = "stderr " + FirstDifference(expected.Stderr, actual.Stderr);
        }

        return reason is null ? null : Shorten(reason.ReplaceLineEndings(" "), 150);
    }

    /// <summary>A diff of every stream that differs, with a few lines of context around the first difference.</summary>
    /// <param name="expected">CPython's outcome.</param>
    /// <param name="actual">Reclaim's outcome.</param>
    /// <returns>Text for the test's failure message.</returns>
    public static string Describe(ConformanceOutcome expected, ConformanceOutcome actual)
    {
        StringBuilder text = new();
        if (expected.Exit != actual.Exit)
        {
            text.AppendLine($"exit status: expected {expected.Exit}, got {actual.Exit}");
        }

        AppendStream(text, "stdout", expected.Stdout, actual.Stdout);
        AppendStream(text, "stderr", expected.Stderr, actual.Stderr);
        return text.ToString();
    }

    private static void AppendStream(StringBuilder text, string name, string expected, string actual)
    {
        if (expected == actual)
        {
            return;
        }

        string[] want = Lines(expected);
        string[] got = Lines(actual);
        int first = 0;
        while (first < want.Length && first < got.Length && want[first] == got[first])
        {
            first++;
        }

        text.AppendLine($"{name} differs from line {first + 1} (expected {want.Length} lines, got {got.Length}):");
        for (int i = Math.Max(0, first - ContextLines); i < first; i++)
        {
            text.AppendLine($"    {want[i]}");
        }

        for (int i = first; i < Math.Min(want.Length, first + 2 * ContextLines); i++)
        {
            text.AppendLine($"  - {want[i]}");
        }

        for (int i = first; i < Math.Min(got.Length, first + 2 * ContextLines); i++)
        {
            text.AppendLine($"  + {got[i]}");
        }
    }

    private static string FirstDifference(string expected, string actual)
    {
        string[] want = Lines(expected);
        string[] got = Lines(actual);
        int i = 0;
        while (i < want.Length && i < got.Length && want[i] == got[i])
        {
            i++;
        }

        string wanted = i < want.Length ? $"'{want[i]}'" : "end of output";
        string gotten = i < got.Length ? $"'{got[i]}'" : "end of output";
        return $"line {i + 1}: expected {Shorten(wanted, 50)}, got {Shorten(gotten, 60)}";
    }

    private static string LastLine(string text)
    {
        string[] lines = Lines(text);
        return lines.Length == 0 ? "(empty)" : lines[^1];
    }

    private static string[] Lines(string text) =>
        text.Length == 0 ? [] : text.TrimEnd('\n').Split('\n');

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
