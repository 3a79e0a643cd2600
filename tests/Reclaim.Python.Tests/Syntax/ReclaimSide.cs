using Reclaim.Python.Syntax;
using Reclaim.Python.Syntax.Dump;
using Reclaim.Python.Syntax.Errors;

namespace Reclaim.Python.Tests.Syntax;

/// <summary>Reclaim's answer for a source file, in the oracle's shape.</summary>
internal static class ReclaimSide
{
    /// <summary>Parses <paramref name="path"/> and dumps it with attributes, or reports the error.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The outcome.</returns>
    public static ParseOutcome Describe(string path)
    {
        try
        {
            return new ParseOutcome(AstDumper.Dump(PythonSyntax.Parse(File.ReadAllBytes(path)), includeAttributes: true), null);
        }
        catch (PythonSyntaxError e)
        {
            return new ParseOutcome(null, new ErrorOutcome(e.TypeName, e.Message, e.Lineno, e.Offset));
        }
    }

    /// <summary>A short description of how two outcomes differ, or null when they agree.</summary>
    /// <param name="expected">CPython's.</param>
    /// <param name="actual">Reclaim's.</param>
    /// <returns>The difference.</returns>
    public static string? Difference(ParseOutcome expected, ParseOutcome actual)
    {
        if (expected.Dump is not null)
        {
            if (expected.Dump == actual.Dump)
            {
                return null;
            }

            if (actual.Dump is null)
            {
                return $"CPython parsed it; Reclaim: {actual.Error}";
            }

            int i = 0;
            while (i < expected.Dump.Length && i < actual.Dump.Length && expected.Dump[i] == actual.Dump[i])
            {
                i++;
            }

            int from = Math.Max(0, i - 80);
            return $"dumps differ at {i}: CPython …{Slice(expected.Dump, from)}… Reclaim …{Slice(actual.Dump, from)}…";
        }

        return expected.Error == actual.Error ? null : $"CPython {expected.Error}; Reclaim {(actual.Error?.ToString() ?? "parsed it")}";
    }

    private static string Slice(string text, int from) => text.Substring(from, Math.Min(160, text.Length - from));
}
