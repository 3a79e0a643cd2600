namespace Reclaim.Python.Tests.Conformance.Runner;

/// <summary>
/// <c>pending.txt</c>: the programs the interpreter does not pass yet, one per line as <c>area/name: reason</c>
/// (lines starting with <c>#</c> are comments). The list can only shrink: a pending program that starts passing
/// fails the suite until its line is removed.
/// </summary>
internal static class PendingList
{
    /// <summary>Reads the list.</summary>
    /// <param name="path">The file; a missing file is an empty list.</param>
    /// <returns>Reason by program id (<c>area/name</c>).</returns>
    public static IReadOnlyDictionary<string, string> Load(string path)
    {
        Dictionary<string, string> pending = new(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return pending;
        }

        foreach (string raw in File.ReadLines(path))
        {
            string line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            int colon = line.IndexOf(':', StringComparison.Ordinal);
            string id = colon < 0 ? line : line[..colon].Trim();
            string reason = colon < 0 ? "" : line[(colon + 1)..].Trim();
            if (!pending.TryAdd(id, reason))
            {
                throw new FormatException($"{path}: '{id}' is listed twice.");
            }
        }

        return pending;
    }
}
