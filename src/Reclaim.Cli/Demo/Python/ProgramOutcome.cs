using System.Text;
using System.Text.RegularExpressions;

namespace Reclaim.Cli.Demo.Python;

/// <summary>
/// What a Python program produced: exit status, stdout and stderr, with object addresses masked
/// (<c>at 0x7f…</c> becomes <c>at 0x?</c>), the form <c>scripts/regen-conformance.py</c> records.
/// </summary>
/// <param name="Exit">The exit status.</param>
/// <param name="Stdout">Standard output, masked.</param>
/// <param name="Stderr">Standard error, masked.</param>
public sealed partial record ProgramOutcome(int Exit, string Stdout, string Stderr)
{
    /// <summary>An outcome from raw streams, masked and with line ends normalised.</summary>
    /// <param name="exit">The exit status.</param>
    /// <param name="stdout">Raw standard output.</param>
    /// <param name="stderr">Raw standard error.</param>
    /// <returns>The masked outcome.</returns>
    public static ProgramOutcome Masked(int exit, string stdout, string stderr) =>
        new(exit, Mask(stdout), Mask(stderr));

    /// <summary>Reads an <c>.expected</c> file: <c>exit: N</c>, <c>--- stdout</c>, lines, <c>--- stderr</c>, lines.</summary>
    /// <param name="text">The file's text.</param>
    /// <returns>The outcome it records, or <see langword="null"/> when the text is not in that format.</returns>
    public static ProgramOutcome? ParseExpected(string text)
    {
        string[] lines = text.Replace("\r\n", "\n").Split('\n');
        int stderrAt = Array.IndexOf(lines, "--- stderr");
        if (lines.Length < 3 || !lines[0].StartsWith("exit: ", StringComparison.Ordinal) || lines[1] != "--- stdout"
            || stderrAt < 0 || !int.TryParse(lines[0].AsSpan("exit: ".Length), out int exit))
        {
            return null;
        }

        return new ProgramOutcome(exit, Join(lines[2..stderrAt]), Join(lines[(stderrAt + 1)..^1]));
    }

    /// <summary>The outcome in one line for a table cell: stdout's lines joined by " / ", then the exit status if not 0.</summary>
    /// <returns>A short summary.</returns>
    public string Summary()
    {
        string printed = string.Join(" / ", Stdout.TrimEnd('\n').Split('\n'));
        if (Exit != 0)
        {
            string last = Stderr.TrimEnd('\n').Split('\n')[^1];
            printed = $"{printed} [exit {Exit}: {last}]".Trim();
        }

        return printed.Length <= 220 ? printed : printed[..219] + "…";
    }

    private static string Mask(string text) => Address().Replace(text.Replace("\r\n", "\n"), "at 0x?");

    private static string Join(string[] lines)
    {
        StringBuilder text = new();
        foreach (string line in lines)
        {
            if (line == "\\ no newline at end")
            {
                text.Length--;
                continue;
            }

            text.Append(line).Append('\n');
        }

        return text.ToString();
    }

    [GeneratedRegex(@"\bat 0x[0-9a-fA-F]+")]
    private static partial Regex Address();
}
