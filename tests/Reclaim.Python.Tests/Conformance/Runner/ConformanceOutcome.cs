using System.Text;

namespace Reclaim.Python.Tests.Conformance.Runner;

/// <summary>
/// What running a program produced: its exit status and both streams, masked. The <c>.expected</c> files hold
/// CPython's outcome in the format <see cref="Parse"/> reads and <c>scripts/regen-conformance.py</c> writes.
/// </summary>
/// <param name="Exit">The exit status.</param>
/// <param name="Stdout">Everything written to <c>sys.stdout</c>.</param>
/// <param name="Stderr">Everything written to <c>sys.stderr</c>.</param>
internal sealed record ConformanceOutcome(int Exit, string Stdout, string Stderr)
{
    private const string ExitPrefix = "exit: ";
    private const string StdoutHeader = "--- stdout";
    private const string StderrHeader = "--- stderr";
    private const string NoNewline = "\\ no newline at end";

    /// <summary>Reads an <c>.expected</c> file's text.</summary>
    /// <param name="text">The file's text.</param>
    /// <param name="source">The file's name, for the error message.</param>
    /// <returns>The outcome it records.</returns>
    public static ConformanceOutcome Parse(string text, string source)
    {
        string[] lines = text.Replace("\r\n", "\n").Split('\n');
        if (lines.Length < 3 || !lines[0].StartsWith(ExitPrefix, StringComparison.Ordinal)
            || !int.TryParse(lines[0].AsSpan(ExitPrefix.Length), out int exit) || lines[1] != StdoutHeader)
        {
            throw new FormatException($"{source}: not an expected-outcome file (it must start 'exit: N' then '{StdoutHeader}').");
        }

        int stderrAt = Array.IndexOf(lines, StderrHeader, 2);
        if (stderrAt < 0)
        {
            throw new FormatException($"{source}: no '{StderrHeader}' line.");
        }

        // The file ends in a newline, so the split leaves one empty string after the last line.
        string stdout = Join(lines[2..stderrAt]);
        string stderr = Join(lines[(stderrAt + 1)..^1]);
        return new ConformanceOutcome(exit, stdout, stderr);
    }

    private static string Join(string[] lines)
    {
        StringBuilder text = new();
        foreach (string line in lines)
        {
            if (line == NoNewline)
            {
                text.Length--;
                continue;
            }

            text.Append(line).Append('\n');
        }

        return text.ToString();
    }
}
