using Reclaim.Python.Execution;
using Reclaim.Python.Interpreter;

namespace Reclaim.Python.Objects;

/// <summary>The set table's whole-table operations: bulk insertion, swapping, purging, hashing a set as a key.</summary>
internal sealed partial class PySet
{
    /// <summary>
    /// The hash to look <paramref name="key"/> up by in a set: its own, or for a (mutable, unhashable) set the hash
    /// of the frozenset equal to it, as CPython's <c>in</c>, <c>remove</c> and <c>discard</c> retry.
    /// </summary>
    public static long ProbeHash(Value key)
    {
        try
        {
            return Ops.Hash(key);
        }
        catch (PyException e) when (key.Obj is PySet set && e.Object.Type == PyContext.Current.ExceptionType("TypeError"))
        {
            e.Exc.Drop();
            return set.FrozenHash();
        }
    }

    /// <summary>An order-independent hash of the items, as CPython's frozenset hash.</summary>
    public long FrozenHash()
    {
        ulong h = 0;
        for (int i = 0; i < Keys.Length; i++)
        {
            if (!Keys[i].IsNull)
            {
                ulong x = (ulong)_hashes[i];
                h ^= (x ^ 89869747UL ^ (x << 16)) * 3644798167UL;
            }
        }

        h ^= ((ulong)_count + 1) * 1927868237UL;

        // Spreads the bits again so nested frozensets do not collapse.
        h ^= (h >> 11) ^ (h >> 25);
        h = (h * 69069UL) + 907133923UL;
        return (long)h == -1 ? 590923713 : (long)h;
    }

    /// <summary>Grows ahead of adding about <paramref name="incoming"/> keys, as CPython does before a bulk update.</summary>
    public void Presize(int incoming)
    {
        if ((long)(_fill + incoming) * 5 >= (long)(Keys.Length - 1) * 3)
        {
            Resize((_count + incoming) * 2);
        }
    }

    /// <summary>After removals: drops the deleted markers when they are more than a quarter of the table.</summary>
    public void PurgeDeleted()
    {
        if (_fill - _count > (Keys.Length - 1) / 4)
        {
            Resize(_count > 50000 ? _count * 2 : _count * 4);
        }
    }

    /// <summary>Adds every key of <paramref name="other"/>, as CPython's merge of one set into another.</summary>
    public void Merge(PySet other)
    {
        if (other == this || other._count == 0)
        {
            return;
        }

        Presize(other._count);
        Value[] from = other.Keys;
        long[] fromHashes = other._hashes;
        if (_fill == 0)
        {
            // An empty table: a same-sized table without deleted slots copies slot for slot, else clean inserts.
            Value[] table = Keys;
            bool same = table.Length == from.Length && other._fill == other._count;
            for (int i = 0; i < from.Length; i++)
            {
                Value k = from[i];
                if (!k.IsNull)
                {
                    if (same)
                    {
                        table[i] = k.Dup();
                        _hashes[i] = fromHashes[i];
                    }
                    else
                    {
                        InsertClean(table, _hashes, k.Dup(), fromHashes[i]);
                    }
                }
            }

            _fill = other._count;
            _count = other._count;
            Mutations++;
            return;
        }

        for (int i = 0; i < other.Keys.Length; i++)
        {
            Value k = other.Keys[i];
            if (!k.IsNull)
            {
                long h = other._hashes[i];
                k.Dup();
                try
                {
                    AddEntry(k, h);
                }
                finally
                {
                    k.Drop();
                }
            }
        }
    }

    /// <summary>
    /// Fills an empty set with a known layout: <paramref name="values"/>[j] (borrowed) into slot
    /// <paramref name="slots"/>[j] of a table of <paramref name="size"/> slots, skipping those at -1.
    /// </summary>
    public void FillLayout(int size, List<Value> values, int[] slots)
    {
        if (Keys.Length != size)
        {
            Keys = new Value[size];
            _hashes = new long[size];
            Used = size;
        }

        int n = 0;
        for (int j = 0; j < slots.Length; j++)
        {
            if (slots[j] >= 0)
            {
                Keys[slots[j]] = values[j].Dup();
                _hashes[slots[j]] = Ops.Hash(values[j]);
                n++;
            }
        }

        _count = n;
        _fill = n;
        Mutations++;
    }

    /// <summary>Exchanges the tables of two sets (the in-place intersection's last step).</summary>
    public void SwapBodies(PySet other)
    {
        (Keys, other.Keys) = (other.Keys, Keys);
        (_hashes, other._hashes) = (other._hashes, _hashes);
        (Used, other.Used) = (other.Used, Used);
        (_count, other._count) = (other._count, _count);
        (_fill, other._fill) = (other._fill, _fill);
        Mutations++;
        other.Mutations++;
    }

    /// <summary>The hash stored with slot <paramref name="slot"/>.</summary>
    public long HashAt(int slot) => _hashes[slot];
}
