using Reclaim.Python.Objects;

namespace Reclaim.Python.Execution;

internal static partial class Ops
{
    /// <summary><c>format(v, spec)</c>.</summary>
    public static string Format(Value v, string spec)
    {
        if (v.Obj is string or Value.Tag or BigInt && !v.IsNone && !v.IsBool)
        {
            return FormatSpec.Apply(v, spec);
        }

        Value f = TypeOf(v).Lookup("__format__");
        Value r = CallMethod(f, v, [Value.Str(spec)]);
        if (r.Obj is not string s)
        {
            r.Drop();
            throw PyErr.TypeError("__format__ must return a str");
        }

        return s;
    }
}
