using Reclaim.Python.Execution;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Modules;

internal static partial class TypeMethods
{
    /// <summary><c>list.sort(key=None, reverse=False)</c>: stable, by <c>&lt;</c>.</summary>
    public static void SortList(PyList list, PyDict? kw)
    {
        Value key = kw?.Get("key") ?? default;
        bool reverse = kw?.Get("reverse") is { IsNull: false } r && Ops.IsTrue(r);
        Value[] items = list.Span.ToArray();
        Value[] keys = new Value[items.Length];
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
                list.Items[i] = items[sorted[i]];
            }
        }
        finally
        {
            foreach (Value k in keys)
            {
                k.Drop();
            }
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
