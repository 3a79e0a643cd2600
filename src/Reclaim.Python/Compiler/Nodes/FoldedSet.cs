using Reclaim.Python.Execution;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Compiler.Nodes;

/// <summary>
/// The set a display of constants makes, laid out as CPython's folding lays it out: the compiler builds a frozenset
/// from the items, then again from that one's table order, and a display copies the result into a new set (a loop
/// iterates the frozenset). The first evaluation runs those builds; the layout they give (the table size and each
/// item's slot) is kept and reused, since the items are constants: later evaluations fill one table directly.
/// </summary>
internal sealed class FoldedSet
{
    private readonly int _size;
    private readonly int[] _slots;

    private FoldedSet(int size, int[] slots)
    {
        _size = size;
        _slots = slots;
    }

    /// <summary>A new set (a frozenset for <see cref="ConstantSet.Frozen"/>) of the borrowed <paramref name="values"/>.</summary>
    public static PySet Make(ConstantSet mode, List<Value> values, ref FoldedSet? layout)
    {
        PyContext ctx = PyContext.Current;
        PySet set;
        if (layout is { } known)
        {
            set = SetOps.NewSet(mode == ConstantSet.Frozen ? ctx.FrozenSetType : ctx.SetType);
            set.FillLayout(known._size, values, known._slots);
            return set;
        }

        PySet first = SetOps.NewSet(ctx.FrozenSetType);
        PySet second;
        try
        {
            foreach (Value v in values)
            {
                SetOps.Add(first, v);
            }

            second = SetOps.Build(SetOps.NewSet(ctx.FrozenSetType), s => SetOps.EachEntry(first, (k, h) => s.AddEntry(k, h)));
        }
        finally
        {
            first.Release();
        }

        if (mode == ConstantSet.Frozen)
        {
            set = second;
        }
        else
        {
            try
            {
                set = SetOps.Build(SetOps.NewSet(ctx.SetType), s => s.Merge(second));
            }
            finally
            {
                second.Release();
            }
        }

        layout = Of(set, values);
        return set;
    }

    /// <summary>Where each item sits in <paramref name="set"/> (-1 for an item an equal earlier one kept out).</summary>
    private static FoldedSet? Of(PySet set, List<Value> values)
    {
        var slots = new int[values.Count];
        Array.Fill(slots, -1);
        for (int i = 0; i < set.Keys.Length; i++)
        {
            Value k = set.Keys[i];
            if (k.IsNull)
            {
                continue;
            }

            int j = 0;
            while (j < values.Count && (slots[j] >= 0 || !values[j].Is(k)))
            {
                j++;
            }

            if (j == values.Count)
            {
                return null;
            }

            slots[j] = i;
        }

        return new FoldedSet(set.Keys.Length, slots);
    }
}
