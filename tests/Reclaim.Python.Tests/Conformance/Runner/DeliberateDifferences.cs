namespace Reclaim.Python.Tests.Conformance.Runner;

/// <summary>
/// <c>deliberate-differences.txt</c>: single output lines in which Reclaim differs from CPython on purpose, one per line
/// as <c>area/name | stream | CPython's line | Reclaim's line | reason</c> (lines compared without their indentation;
/// <c>#</c> starts a comment). Each entry rewrites exactly one line of the expected outcome before the comparison, and
/// every other line is still compared: it is a declared substitution, not a mask. An entry whose CPython line is not
/// found once in the expected stream is an error, so an entry cannot outlive the difference it describes.
/// </summary>
internal sealed record DeliberateDifference(string Id, string Stream, string CPythonLine, string ReclaimLine, string Reason)
{
    private static readonly string[] Streams = ["stdout", "stderr"];

    /// <summary>Reads the file; a missing file is an empty list.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The entries by program id.</returns>
    public static ILookup<string, DeliberateDifference> Load(string path)
    {
        List<DeliberateDifference> entries = [];
        if (File.Exists(path))
        {
            foreach (string raw in File.ReadLines(path))
            {
                string line = raw.Trim();
                if (line.Length == 0 || line.StartsWith('#'))
                {
                    continue;
                }

                string[] fields = line.Split(" | ");
                if (fields.Length != 5 || !Streams.Contains(fields[1].Trim()) || fields[4].Trim().Length == 0)
                {
                    throw new FormatException($"{path}: '{line}' is not 'area/name | stdout|stderr | CPython's line | Reclaim's line | reason'.");
                }

                entries.Add(new DeliberateDifference(fields[0].Trim(), fields[1].Trim(), fields[2].Trim(), fields[3].Trim(), fields[4].Trim()));
            }
        }

        return entries.ToLookup(e => e.Id, StringComparer.Ordinal);
    }

    /// <summary>The expected outcome with this entry's line replaced by Reclaim's (keeping its indentation).</summary>
    /// <param name="expected">CPython's outcome.</param>
    /// <returns>The outcome Reclaim must produce.</returns>
    public ConformanceOutcome ApplyTo(ConformanceOutcome expected)
    {
        string text = Stream == "stdout" ? expected.Stdout : expected.Stderr;
        string[] lines = text.Split('\n');
        int[] matches = [.. Enumerable.Range(0, lines.Length).Where(i => lines[i].Trim() == CPythonLine)];
        if (matches.Length != 1)
        {
            throw new InvalidOperationException(
                $"deliberate-differences.txt: {Id}'s {Stream} has {matches.Length} lines '{CPythonLine}', not one: update or remove the entry.");
        }

        string line = lines[matches[0]];
        lines[matches[0]] = line[..(line.Length - line.TrimStart().Length)] + ReclaimLine;
        string rewritten = string.Join('\n', lines);
        return Stream == "stdout" ? expected with { Stdout = rewritten } : expected with { Stderr = rewritten };
    }
}
