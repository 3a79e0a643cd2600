using System.Text;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Execution.Traceback;

/// <summary>
/// The "Did you mean" hint CPython 3.11 appends to the last line of an uncaught NameError or AttributeError (exactly
/// those types, not subclasses): the closest name by an edit distance in which a case change costs 1 and any other
/// edit 2, at most a third of the characters involved, among the object's <c>dir()</c> for an AttributeError and among
/// the failing frame's local variable names, then its globals, then the builtins for a NameError.
/// </summary>
internal static class Suggestions
{
    private const int MaxCandidates = 750;
    private const int MaxLength = 40;
    private const int MoveCost = 2;
    private const int CaseCost = 1;

    /// <summary><c>. Did you mean: 'name'?</c>, or null when there is nothing to suggest.</summary>
    public static string? For(PyBaseException e)
    {
        PyContext ctx = PyContext.Current;
        try
        {
            string? best = null;
            if (e.Type == ctx.ExceptionType("AttributeError") && e.Extra.Obj is PyTuple { Count: 2 } context && context.Items[0].Obj is string attribute)
            {
                best = Closest(Dir(context.Items[1]), attribute);
            }
            else if (e.Type == ctx.ExceptionType("NameError") && e.Extra.Obj is string name && e.Entries.Count > 0 && e.Entries[0].Frame is { } frame)
            {
                best = Closest([.. frame.Code.LocalNames], name)
                    ?? Closest(Keys(frame.Globals), name)
                    ?? Closest(Keys(ctx.Builtins), name);
            }

            return best is null ? null : $". Did you mean: '{best}'?";
        }
        catch (PyException failed)
        {
            // A dir() that raises leaves the line as it is, as in CPython.
            failed.Exc.Drop();
            return null;
        }
    }

    private static List<string> Dir(Value obj)
    {
        Value list = Modules.Builtins.Dir([obj], null);
        try
        {
            var names = new List<string>();
            foreach (Value item in Ops.ToList(list))
            {
                if (item.Obj is string s)
                {
                    names.Add(s);
                }

                item.Drop();
            }

            return names;
        }
        finally
        {
            list.Drop();
        }
    }

    private static List<string> Keys(PyDict dict)
    {
        var names = new List<string>();
        for (int i = 0; i < dict.Used; i++)
        {
            if (dict.Keys[i].Obj is string s)
            {
                names.Add(s);
            }
        }

        return names;
    }

    private static string? Closest(List<string> candidates, string name)
    {
        if (candidates.Count >= MaxCandidates)
        {
            return null;
        }

        byte[] wanted = Encoding.UTF8.GetBytes(name);
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string candidate in candidates)
        {
            if (candidate == name)
            {
                continue;
            }

            byte[] bytes = Encoding.UTF8.GetBytes(candidate);
            int limit = Math.Min((wanted.Length + bytes.Length + 3) * MoveCost / 6, bestDistance - 1);
            int distance = Distance(wanted, bytes, limit);
            if (distance <= limit && (best is null || distance < bestDistance))
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    // The edit distance of two UTF-8 names, or limit + 1 as soon as it is sure to exceed limit.
    private static int Distance(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, int limit)
    {
        while (a.Length > 0 && b.Length > 0 && a[0] == b[0])
        {
            a = a[1..];
            b = b[1..];
        }

        while (a.Length > 0 && b.Length > 0 && a[^1] == b[^1])
        {
            a = a[..^1];
            b = b[..^1];
        }

        if (a.Length == 0 || b.Length == 0)
        {
            return (a.Length + b.Length) * MoveCost;
        }

        if (a.Length > MaxLength || b.Length > MaxLength)
        {
            return limit + 1;
        }

        if (b.Length < a.Length)
        {
            ReadOnlySpan<byte> shorter = b;
            b = a;
            a = shorter;
        }

        if ((b.Length - a.Length) * MoveCost > limit)
        {
            return limit + 1;
        }

        // One row of the distance matrix, over the shorter name, updated in place for each byte of the longer one.
        Span<int> row = stackalloc int[a.Length];
        for (int i = 0; i < a.Length; i++)
        {
            row[i] = (i + 1) * MoveCost;
        }

        int result = 0;
        for (int j = 0; j < b.Length; j++)
        {
            int diagonal = j * MoveCost;
            result = diagonal;
            int rowMinimum = int.MaxValue;
            for (int i = 0; i < a.Length; i++)
            {
                int substitute = diagonal + SubstitutionCost(b[j], a[i]);
                diagonal = row[i];
                result = Math.Min(Math.Min(result, diagonal) + MoveCost, substitute);
                row[i] = result;
                rowMinimum = Math.Min(rowMinimum, result);
            }

            if (rowMinimum > limit)
            {
                return limit + 1;
            }
        }

        return result;
    }

    private static int SubstitutionCost(byte x, byte y)
    {
        if (x == y)
        {
            return 0;
        }

        return (x | 0x20) == (y | 0x20) && char.IsAsciiLetter((char)x) && char.IsAsciiLetter((char)y) ? CaseCost : MoveCost;
    }
}
