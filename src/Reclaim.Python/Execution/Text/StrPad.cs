using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Execution.Text;

/// <summary>ljust/rjust/center/zfill: widths and the fill character count code points, so an astral fill works.</summary>
internal static class StrPad
{
    /// <summary>Pads <paramref name="s"/> to <paramref name="width"/> code points; <paramref name="align"/> is '&lt;', '&gt;' or '^'.</summary>
    public static string Pad(string s, Value width, ReadOnlySpan<Value> fill, char align, string name)
    {
        long w = Ops.ToIndexBorrowed(width);
        string f = Fill(fill, name);
        long pad = w - CodePoints.Length(s);
        if (pad <= 0)
        {
            return s;
        }

        // center puts the odd extra column on the left only when both the padding and the width are odd.
        long left = align switch
        {
            '<' => 0,
            '>' => pad,
            _ => (pad / 2) + (pad & w & 1),
        };
        return Repeat(f, left) + s + Repeat(f, pad - left);
    }

    /// <summary><c>s.zfill(width)</c>: zeros after any leading sign.</summary>
    public static string ZFill(string s, Value width)
    {
        long pad = Ops.ToIndexBorrowed(width) - CodePoints.Length(s);
        if (pad <= 0)
        {
            return s;
        }

        bool sign = s.Length > 0 && (s[0] == '-' || s[0] == '+');
        return sign ? s[0] + new string('0', (int)pad) + s[1..] : new string('0', (int)pad) + s;
    }

    private static string Fill(ReadOnlySpan<Value> fill, string name)
    {
        if (fill.Length == 0)
        {
            return " ";
        }

        string f = fill[0].Obj as string
            ?? throw PyErr.TypeError($"{name}() argument 2 must be str, not {Ops.TypeName(fill[0])}");
        return CodePoints.Length(f) == 1 ? f : throw PyErr.TypeError("The fill character must be exactly one character long");
    }

    private static string Repeat(string f, long n) =>
        n > int.MaxValue / 2 ? throw PyErr.Make("MemoryError", string.Empty) : f.Length == 1 ? new string(f[0], (int)n) : string.Concat(Enumerable.Repeat(f, (int)n));
}
