using Reclaim.Python.Execution;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Modules;

/// <summary>
/// What <c>gc.is_tracked</c> answers, following CPython 3.11's observable rules rather than the runtime's own list:
/// atoms are never tracked; the empty tuple is not; a plain dict is tracked only while it holds something the
/// collector may track (CPython starts every dict untracked and tracks it when such a key or value goes in).
/// </summary>
internal static class GcTracking
{
    /// <summary>Whether CPython 3.11 would report <paramref name="v"/> as tracked.</summary>
    public static bool IsTracked(PyContext ctx, Value v)
    {
        if (v.Obj is not PyObject o || !ctx.Runtime.Gc.IsTracked(o))
        {
            return false;
        }

        if (o is PyTuple t && t.Type == ctx.TupleType && t.Count == 0)
        {
            return false;
        }

        if (o is PyDict d && d.Type == ctx.DictType)
        {
            for (int i = 0; i < d.Used; i++)
            {
                if (MayBeTracked(ctx, d.Keys[i]) || MayBeTracked(ctx, d.Values[i]))
                {
                    return true;
                }
            }

            return false;
        }

        return true;
    }

    // CPython's _PyObject_GC_MAY_BE_TRACKED: a collector-managed object, except a tuple that is not tracked itself.
    private static bool MayBeTracked(PyContext ctx, Value v) =>
        v.Obj is PyObject o && ctx.Runtime.Gc.IsTracked(o) && (o is not PyTuple { Count: 0 } t || t.Type != ctx.TupleType);
}
