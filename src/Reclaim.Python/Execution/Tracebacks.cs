using System.Text;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Execution;

/// <summary>Formats exceptions as CPython 3.11's traceback printer does (chained causes and contexts included).</summary>
internal static class Tracebacks
{
    /// <summary>The full report for an exception, ending with its "Type: message" line.</summary>
    public static string Format(Value exc)
    {
        var sb = new StringBuilder();
        Append(sb, exc, new HashSet<object>(ReferenceEqualityComparer.Instance), 0);
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, Value exc, HashSet<object> seen, int depth)
    {
        if (exc.Obj is not PyBaseException e || !seen.Add(e) || depth > 100)
        {
            return;
        }

        if (!e.Cause.IsNull && !e.Cause.IsNone)
        {
            Append(sb, e.Cause, seen, depth + 1);
            sb.Append("\nThe above exception was the direct cause of the following exception:\n\n");
        }
        else if (!e.Context.IsNull && !e.Context.IsNone && !e.SuppressContext)
        {
            Append(sb, e.Context, seen, depth + 1);
            sb.Append("\nDuring handling of the above exception, another exception occurred:\n\n");
        }

        PyContext ctx = PyContext.Current;
        if (e.Entries.Count > 0)
        {
            sb.Append("Traceback (most recent call last):\n");
            for (int i = e.Entries.Count - 1; i >= 0; i--)
            {
                (string file, int line, string fn) = e.Entries[i];
                sb.Append("  File \"").Append(file).Append("\", line ").Append(line).Append(", in ").Append(fn).Append('\n');
                if (ctx.SourceLines.TryGetValue(file, out string[]? lines) && line >= 1 && line <= lines.Length)
                {
                    string text = lines[line - 1].Trim();
                    if (text.Length > 0)
                    {
                        sb.Append("    ").Append(text).Append('\n');
                    }
                }
            }
        }

        sb.Append(ExceptionLine(exc)).Append('\n');
    }

    /// <summary>The last line: <c>Type: message</c>, or just <c>Type</c> for an empty message.</summary>
    public static string ExceptionLine(Value exc)
    {
        PyType t = Ops.TypeOf(exc);
        string name = t.IsHeap && t.Module is { } m && m != "builtins" && m != "__main__" ? m + "." + t.Name : t.Name;
        if (t.IsHeap && t.Module == "__main__")
        {
            name = "__main__." + t.Name;
        }

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
