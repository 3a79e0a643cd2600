using Reclaim.Python.Objects;

namespace Reclaim.Python.Execution;

/// <summary>Slice arithmetic (<c>slice.indices</c>) and slice assignment/deletion on lists.</summary>
internal static class Slices
{
    /// <summary>Start, stop, step and element count of a slice over a sequence of <paramref name="length"/>.</summary>
    public static (long Start, long Stop, long Step, long Count) Indices(PyBox slice, long length)
    {
        long step = slice.Slots[2].IsNull || slice.Slots[2].IsNone ? 1 : SliceIndex(slice.Slots[2]);
        if (step == 0)
        {
            throw PyErr.ValueError("slice step cannot be zero");
        }

        long lower = step < 0 ? -1 : 0, upper = step < 0 ? length - 1 : length;
        long start = Bound(slice.Slots[0], step < 0 ? upper : lower, length, lower, upper);
        long stop = Bound(slice.Slots[1], step < 0 ? lower : upper, length, lower, upper);
        long count = step > 0 ? (stop > start ? ((stop - start - 1) / step) + 1 : 0) : (start > stop ? ((start - stop - 1) / -step) + 1 : 0);
        return (start, stop, step, count);
    }

    // A slice bound or step: an int (or an int subclass), refused with CPython's slice message otherwise.
    private static long SliceIndex(Value borrowed)
    {
        try
        {
            return Ops.ToIndexBorrowed(borrowed);
        }
        catch (PyException) when (!(borrowed.IsSmallInt || borrowed.IsBool || borrowed.Obj is BigInt))
        {
            throw PyErr.TypeError("slice indices must be integers or None or have an __index__ method");
        }
    }

    private static long Bound(Value v, long dflt, long length, long lower, long upper)
    {
        if (v.IsNull || v.IsNone)
        {
            return dflt;
        }

        long i = v.Obj is BigInt b ? (b.Value.Sign < 0 ? long.MinValue / 2 : long.MaxValue / 2) : SliceIndex(v);
        if (i < 0)
        {
            i += length;
            return i < lower ? lower : i;
        }

        return i > upper ? upper : i;
    }

    /// <summary>
    /// <c>seq[a:b]</c> of a built-in list or tuple with small-int or None bounds: a new list, or a new tuple (the tuple
    /// itself when the slice covers it, as CPython gives).
    /// </summary>
    public static Value Take(PySequence q, Value lower, Value upper)
    {
        long length = q.Count;
        long start = lower.IsNone ? 0 : Clamp(lower.Bits, length);
        long stop = upper.IsNone ? length : Clamp(upper.Bits, length);
        long n = stop > start ? stop - start : 0;
        if (q is PyTuple && n == length)
        {
            q.AddRef();
            return Value.Steal(q);
        }

        var items = new Value[n];
        for (long k = 0; k < n; k++)
        {
            items[k] = q.Items[start + k].Dup();
        }

        return Ops.NewSequenceLike(q, items);
    }

    // A bound of a step-1 slice, put inside [0, length].
    private static long Clamp(long i, long length)
    {
        if (i < 0)
        {
            i += length;
            return i < 0 ? 0 : i;
        }

        return i > length ? length : i;
    }

    /// <summary><c>list[a:b:c] = iterable</c>.</summary>
    public static void Assign(PyList list, PyBox slice, Value value)
    {
        List<Value> items = Ops.ToList(value);
        (long start, long stop, long step, long count) = Indices(slice, list.Count);
        if (step == 1)
        {
            if (stop < start)
            {
                stop = start;
            }

            var removed = new List<Value>();
            for (long i = stop - 1; i >= start; i--)
            {
                removed.Add(list.RemoveAt((int)i));
            }

            for (int i = 0; i < items.Count; i++)
            {
                list.Insert((int)start + i, items[i]);
            }

            foreach (Value r in removed)
            {
                r.Drop();
            }

            return;
        }

        if (items.Count != count)
        {
            foreach (Value v in items)
            {
                v.Drop();
            }

            throw PyErr.ValueError($"attempt to assign sequence of size {items.Count} to extended slice of size {count}");
        }

        for (long k = 0, j = start; k < count; k++, j += step)
        {
            Value old = list.Items[j];
            list.Items[j] = items[(int)k];
            old.Drop();
        }
    }

    /// <summary><c>del list[a:b:c]</c>.</summary>
    public static void Delete(PyList list, PyBox slice)
    {
        (long start, long _, long step, long count) = Indices(slice, list.Count);
        var indices = new List<long>();
        for (long k = 0, j = start; k < count; k++, j += step)
        {
            indices.Add(j);
        }

        indices.Sort();
        var removed = new List<Value>();
        for (int i = indices.Count - 1; i >= 0; i--)
        {
            removed.Add(list.RemoveAt((int)indices[i]));
        }

        foreach (Value r in removed)
        {
            r.Drop();
        }
    }
}
