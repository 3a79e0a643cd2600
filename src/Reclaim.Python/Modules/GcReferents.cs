using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Modules;

/// <summary>
/// <c>gc.get_referents</c> as CPython 3.11's traversal functions report them: a list or tuple yields every item, last
/// first, and a set every item (ints and strings included: the collector does not manage them, but the traversal
/// visits them); a dict yields each value followed by its key, or only the values when every key is a string (as
/// CPython's str-keyed tables); other objects yield what the runtime's traversal of them reaches.
/// </summary>
internal static class GcReferents
{
    /// <summary>The referents of every argument, in order (new reference to a list).</summary>
    public static Value Of(PyContext ctx, ReadOnlySpan<Value> objects)
    {
        PyList list = ctx.NewList();
        foreach (Value v in objects)
        {
            AppendReferents(ctx, list, v);
        }

        return Value.Steal(list);
    }

    private static void AppendReferents(PyContext ctx, PyList list, Value v)
    {
        switch (v.Obj)
        {
            case PySequence seq when !seq.Type.IsHeap:
                // Lists and tuples are traversed last item first.
                for (int i = seq.Count - 1; i >= 0; i--)
                {
                    list.Append(seq.Items[i].Dup());
                }

                return;
            case PySet set when !set.Type.IsHeap:
                foreach (Value k in set.Keys)
                {
                    if (!k.IsNull)
                    {
                        list.Append(k.Dup());
                    }
                }

                return;
            case PyDict d when !d.Type.IsHeap:
                bool strKeysOnly = true;
                EachEntry(d, (k, _) => strKeysOnly &= k.Obj is string);
                EachEntry(d, (k, val) =>
                {
                    list.Append(val.Dup());
                    if (!strKeysOnly)
                    {
                        list.Append(k.Dup());
                    }

                });
                return;
            case PyObject o when ctx.Runtime.Gc.IsTracked(o):
                foreach (RcObject r in ctx.Runtime.Gc.GetReferents(o))
                {
                    if (r is PyObject { IsAlive: true } po)
                    {
                        list.Append(Value.New(po));
                    }
                }

                return;
        }
    }

    private static void EachEntry(PyDict d, Action<Value, Value> visit)
    {
        for (int i = 0; i < d.Used; i++)
        {
            if (!d.Keys[i].IsNull)
            {
                visit(d.Keys[i], d.Values[i]);
            }
        }
    }
}
