using System.Text;
using Reclaim.Python.Execution.Traceback;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Execution;

/// <summary>
/// Formats exceptions as CPython 3.11's C traceback printer does: chained causes and contexts first, each traceback's
/// entries outermost first with their source lines and PEP 657 markers, long runs of one recursive line folded, and the
/// <c>Type: message</c> line last.
/// </summary>
internal static class Tracebacks
{
    // CPython prints at most this many entries (sys.tracebacklimit's default), the innermost ones.
    private const int EntryLimit = 1000;

    // After this many identical entries in a row the rest are counted in one "[Previous line repeated ...]" line.
    private const int RepeatCutoff = 3;

    /// <summary>The full report for an uncaught exception, chained exceptions included.</summary>
    public static string Format(Value exc)
    {
        var sb = new StringBuilder();
        AppendChain(sb, exc, new HashSet<object>(ReferenceEqualityComparer.Instance), 0);
        return sb.ToString();
    }

    /// <summary>
    /// The report under an "Exception ignored in" header: the exception's own traceback and its last line, without
    /// the exceptions chained to it (CPython's default unraisable hook prints only those).
    /// </summary>
    public static string FormatUnchained(Value exc)
    {
        var sb = new StringBuilder();
        if (exc.Obj is PyBaseException e)
        {
            AppendEntries(sb, e);
        }

        sb.Append(ExceptionLine(exc)).Append('\n');
        return sb.ToString();
    }

    private static void AppendChain(StringBuilder sb, Value exc, HashSet<object> seen, int depth)
    {
        if (exc.Obj is not PyBaseException e || !seen.Add(e) || depth > 100)
        {
            return;
        }

        if (!e.Cause.IsNull && !e.Cause.IsNone)
        {
            AppendChain(sb, e.Cause, seen, depth + 1);
            sb.Append("\nThe above exception was the direct cause of the following exception:\n\n");
        }
        else if (!e.Context.IsNull && !e.Context.IsNone && !e.SuppressContext)
        {
            AppendChain(sb, e.Context, seen, depth + 1);
            sb.Append("\nDuring handling of the above exception, another exception occurred:\n\n");
        }

        AppendEntries(sb, e);
        sb.Append(ExceptionLine(exc)).Append(Suggestions.For(e)).Append('\n');
        AppendNotes(sb, exc);
    }

    // PEP 678: each of __notes__ on its own line after the exception's line (its repr when it is not a sequence).
    private static void AppendNotes(StringBuilder sb, Value exc)
    {
        Value notes;
        try
        {
            notes = Ops.TryGetAttr(exc, "__notes__");
        }
        catch (PyException failed)
        {
            failed.Exc.Drop();
            return;
        }

        if (notes.IsNull)
        {
            return;
        }

        try
        {
            if (notes.Obj is not (PyList or PyTuple))
            {
                sb.Append(Describe(notes, Ops.Repr, "<__notes__ repr() failed>")).Append('\n');
                return;
            }

            foreach (Value note in Ops.ToList(notes))
            {
                sb.Append(Describe(note, Ops.StrOf, "<note str() failed>")).Append('\n');
                note.Drop();
            }
        }
        finally
        {
            notes.Drop();
        }
    }

    private static string Describe(Value v, Func<Value, string> show, string fallback)
    {
        try
        {
            return show(v);
        }
        catch (PyException failed)
        {
            failed.Exc.Drop();
            return fallback;
        }
    }

    private static void AppendEntries(StringBuilder sb, PyBaseException e)
    {
        List<TracebackEntry> entries = e.Entries;
        if (entries.Count == 0)
        {
            return;
        }

        sb.Append("Traceback (most recent call last):\n");

        // Entries are stored innermost first; the report starts at the outermost one the limit leaves.
        int first = Math.Min(entries.Count, EntryLimit) - 1;
        TracebackEntry? last = null;
        int run = 0;
        for (int i = first; i >= 0; i--)
        {
            TracebackEntry entry = entries[i];
            if (last is not { } previous || previous.File != entry.File || previous.Line != entry.Line || previous.Function != entry.Function)
            {
                AppendRepeated(sb, run);
                last = entry;
                run = 0;
            }

            run++;
            if (run <= RepeatCutoff)
            {
                AppendEntry(sb, entry);
            }
        }

        AppendRepeated(sb, run);
    }

    private static void AppendRepeated(StringBuilder sb, int run)
    {
        if (run > RepeatCutoff)
        {
            int more = run - RepeatCutoff;
            sb.Append("  [Previous line repeated ").Append(more).Append(more > 1 ? " more times]\n" : " more time]\n");
        }
    }

    private static void AppendEntry(StringBuilder sb, TracebackEntry entry)
    {
        sb.Append("  File \"").Append(entry.File).Append("\", line ").Append(entry.Line).Append(", in ").Append(entry.Function).Append('\n');
        if (SourceLine(entry.File, entry.Line) is not { } line)
        {
            return;
        }

        sb.Append("    ").Append(line.TrimStart(' ', '\t', '\f')).Append('\n');
        if (MarkerLine.For(line, entry.Span) is { } markers)
        {
            sb.Append(markers).Append('\n');
        }
    }

    /// <summary>The source line as CPython reads it back (without its line end), or null when it is not known.</summary>
    private static string? SourceLine(string file, int line)
    {
        if (file.StartsWith('<') && file.EndsWith('>'))
        {
            return null;
        }

        if (!PyContext.Current.SourceLines.TryGetValue(file, out string[]? lines) || line < 1 || line > lines.Length)
        {
            return null;
        }

        return lines[line - 1].TrimEnd('\r');
    }

    /// <summary>The last line: <c>Type: message</c>, or just <c>Type</c> for an empty message.</summary>
    public static string ExceptionLine(Value exc)
    {
        PyType t = Ops.TypeOf(exc);

        // Like CPython, the module is shown for classes defined anywhere but builtins and __main__.
        string name = t.IsHeap && t.Module is { } m && m != "builtins" && m != "__main__" ? m + "." + t.Name : t.Name;
        string msg;
        try
        {
            msg = Ops.StrOf(exc);
        }
        catch (PyException inner)
        {
            inner.Exc.Drop();
            msg = "<exception str() failed>";
        }

        return msg.Length == 0 ? name : name + ": " + msg;
    }
}
