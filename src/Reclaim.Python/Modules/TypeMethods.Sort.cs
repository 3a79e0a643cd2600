using Reclaim.Python.Execution;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Modules;

internal static partial class TypeMethods
{
    /// <summary>
    /// <c>list.sort(key=None, reverse=False)</c>: stable, by <c>&lt;</c>. As in CPython the list is empty while it is
    /// sorted; whatever a key or comparison adds to it meanwhile is dropped and the sort fails with
    /// <c>ValueError: list modified during sort</c>, the list keeping its own items.
    /// </summary>
    public static void SortList(PyList list, PyDict? kw)
    {
        Value key = kw?.Get("key") ?? default;
        bool reverse = kw?.Get("reverse") is { IsNull: false } r && Ops.IsTrue(r);
        Value[] saved = list.Items;
        int count = list.Count;
        list.Items = [];
        list.Count = 0;
        Value[] items = saved.AsSpan(0, count).ToArray();
        Value[] keys = new Value[items.Length];
        bool sortedAll = false;
        try
        {
            for (int i = 0; i < items.Length; i++)
            {
                keys[i] = key.IsNull || key.IsNone ? items[i].Dup() : Ops.Call(key, [items[i]], null);
            }

            int[] order = [.. Enumerable.Range(0, items.Length)];
            Comparison<int> cmp = (x, y) =>
            {
                if (Ops.RichBool(keys[x], keys[y], CompareOp.Lt))
                {
                    return reverse ? 1 : -1;
                }

                if (Ops.RichBool(keys[y], keys[x], CompareOp.Lt))
                {
                    return reverse ? -1 : 1;
                }

                return x.CompareTo(y);
            };
            var sorted = order.ToList();
            MergeSort(sorted, cmp);
            for (int i = 0; i < items.Length; i++)
            {
                saved[i] = items[sorted[i]];
            }

            sortedAll = true;
        }
        finally
        {
            foreach (Value k in keys)
            {
                k.Drop();
            }

            RestoreAfterSort(list, saved, count, complain: sortedAll);
        }
    }

    // Puts the list's own items back and drops what was added while it was being sorted; raises if anything was
    // (unless a key or comparison already raised: that exception is the one the program sees, as in CPython).
    private static void RestoreAfterSort(PyList list, Value[] saved, int count, bool complain)
    {
        Value[] added = list.Items;
        int addedCount = list.Count;
        list.Items = saved;
        list.Count = count;
        for (int i = 0; i < addedCount; i++)
        {
            Value v = added[i];
            added[i] = default;
            v.Drop();
        }

        if (complain && added.Length > 0)
        {
            throw PyErr.ValueError("list modified during sort");
        }
    }

    private static void MergeSort(List<int> a, Comparison<int> cmp)
    {
        if (a.Count < 2)
        {
            return;
        }

        var left = a.GetRange(0, a.Count / 2);
        var right = a.GetRange(a.Count / 2, a.Count - (a.Count / 2));
        MergeSort(left, cmp);
        MergeSort(right, cmp);
        int i = 0, j = 0, k = 0;
        while (i < left.Count && j < right.Count)
        {
            a[k++] = cmp(right[j], left[i]) < 0 ? right[j++] : left[i++];
        }

        while (i < left.Count)
        {
            a[k++] = left[i++];
        }

        while (j < right.Count)
        {
            a[k++] = right[j++];
        }
    }
}
