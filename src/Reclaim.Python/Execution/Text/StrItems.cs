using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Execution.Text;

/// <summary>
/// Indexing and slicing of a str that holds surrogates (the slow path; <c>Ops.GetItem</c> keeps the UTF-16 one for
/// the rest), by code point.
/// </summary>
internal static class StrItems
{
    /// <summary><c>s[key]</c> for an int or a slice; a new reference.</summary>
    public static Value GetItem(string s, Value key)
    {
        int[] cps = CodePoints.ToArray(s);
        if (key.IsSmallInt || key.IsBool)
        {
            long i = key.Bits < 0 ? key.Bits + cps.Length : key.Bits;
            if (i < 0 || i >= cps.Length)
            {
                throw PyErr.IndexError("string index out of range");
            }

            return Value.Str(CodePoints.FromCodePoint(cps[(int)i]));
        }

        if (key.Obj is PyBox slice && slice.Type == PyContext.Current.SliceType)
        {
            (long start, long _, long step, long n) = Slices.Indices(slice, cps.Length);
            var picked = new int[n];
            for (long k = 0, j = start; k < n; k++, j += step)
            {
                picked[k] = cps[(int)j];
            }

            return Value.Str(CodePoints.FromArray(picked));
        }

        throw PyErr.TypeError($"string indices must be integers, not '{Ops.TypeName(key)}'");
    }
}
