using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Execution;

internal static partial class Ops
{
    /// <summary>Whether <c>iter(v)</c> can succeed without calling anything: a built-in iterable or a type with
    /// <c>__iter__</c> or <c>__getitem__</c> (CPython's <c>tp_iter</c>/sequence check before unpacking).</summary>
    public static bool IsIterable(Value v)
    {
        PyContext ctx = PyContext.Current;
        switch (v.Obj)
        {
            case string or PySequence or PyDict or PyBytes or PyGenerator:
                return true;
            case PyBox b when b.Type == ctx.RangeType || b.Type == ctx.IteratorType || b.Type == ctx.GeneratorType:
                return true;
        }

        PyType t = TypeOf(v);
        Value iter = t.Lookup("__iter__");
        return (!iter.IsNull && !iter.IsNone) || !t.Lookup("__getitem__").IsNull;
    }
}
