using Reclaim.Python.Execution;

namespace Reclaim.Python.Objects;

/// <summary>
/// Python's <c>set</c> and <c>frozenset</c>: CPython's set hash table, so that iteration, <c>repr</c> and <c>pop()</c>
/// follow the same order. <see cref="PyDict.Keys"/> is the table itself (a power-of-two number of slots, at least 8)
/// and <see cref="PyDict.Used"/> its size, so code walking a dict's entries walks a set's slots in table order. A
/// free slot holds no value and hash 0, a deleted one no value and hash -1 (no Python hash is -1). A key is probed
/// from <c>hash &amp; mask</c> over ten adjacent slots, then by the perturbed jump; the table grows when the slots ever
/// filled reach three fifths of it.
/// </summary>
internal sealed partial class PySet : PyDict
{
    private const int MinSize = 8;
    private const int LinearProbes = 9;

    /// <summary>Slots holding a key or a deleted marker.</summary>
    private int _fill;

    /// <summary>Where the next <see cref="Pop"/> starts looking.</summary>
    private int _finger;

    /// <summary>An empty set of <paramref name="type"/>.</summary>
    public PySet(PyType type)
        : base(type, MinSize)
    {
    }

    /// <summary>The slot holding a key equal to <paramref name="key"/>, or -1.</summary>
    public int Lookup(Value key, long hash) => Probe(key, hash, out _, out _);

    /// <summary>Adds a borrowed key (a new reference is taken) unless an equal one is present; true when added.</summary>
    public bool AddEntry(Value key, long hash) =>
        Probe(key, hash, out int empty, out int deleted) < 0 && Insert(empty, deleted, key, hash);

    /// <summary>
    /// CPython's probe: from <c>hash &amp; mask</c> over up to ten adjacent slots, then by the perturbed jump, until a
    /// free slot or an equal key. A comparison that changed the set starts the search again.
    /// </summary>
    /// <returns>The slot of an equal key, or -1; then <paramref name="empty"/> is the free slot that ended the search
    /// and <paramref name="deleted"/> the last deleted slot passed on the way (-1 if none), where CPython inserts.</returns>
    private int Probe(Value key, long hash, out int empty, out int deleted)
    {
    Restart:
        Value[] table = Keys;
        long[] hashes = _hashes;
        ulong mask = (ulong)table.Length - 1;
        ulong perturb = (ulong)hash;
        ulong i = (ulong)hash & mask;
        deleted = -1;
        while (true)
        {
            int probes = i + LinearProbes <= mask ? LinearProbes : 0;
            for (int j = (int)i; ; j++)
            {
                if (table[j].IsNull)
                {
                    if (hashes[j] == 0)
                    {
                        empty = j;
                        return -1;
                    }

                    deleted = j;
                }
                else if (hashes[j] == hash)
                {
                    switch (Match(table, j, key))
                    {
                        case 1:
                            empty = -1;
                            return j;
                        case 2:
                            goto Restart;
                    }
                }

                if (probes-- == 0)
                {
                    break;
                }
            }

            perturb >>= 5;
            i = ((i * 5) + 1 + perturb) & mask;
        }
    }

    /// <summary>Adds a key whose reference the caller hands over (the set takes its own); <paramref name="unused"/> is dropped.</summary>
    public void AddOwned(Value key, Value unused)
    {
        try
        {
            AddEntry(key, Ops.Hash(key));
        }
        finally
        {
            key.Drop();
            unused.Drop();
        }
    }

    /// <summary>Removes the key equal to <paramref name="key"/>, handing its reference to the caller.</summary>
    public bool Discard(Value key, long hash, out Value removed)
    {
        int slot = Lookup(key, hash);
        if (slot < 0)
        {
            removed = default;
            return false;
        }

        removed = Keys[slot];
        Keys[slot] = default;
        _hashes[slot] = -1;
        _count--;
        Mutations++;
        return true;
    }

    /// <summary>Removes and returns (owned) the first key at or after the finger, as <c>set.pop()</c>.</summary>
    public Value Pop()
    {
        if (_count == 0)
        {
            throw PyErr.KeyError(Value.Str("pop from an empty set"));
        }

        Value[] table = Keys;
        int i = _finger & (table.Length - 1);
        while (table[i].IsNull)
        {
            i = i == table.Length - 1 ? 0 : i + 1;
        }

        Value key = table[i];
        table[i] = default;
        _hashes[i] = -1;
        _count--;
        _finger = i + 1;
        Mutations++;
        return key;
    }

    /// <summary>Empties the set to the minimum table, releasing the keys in table order after the storage is gone.</summary>
    public void ClearTable()
    {
        if (_fill == 0)
        {
            return;
        }

        Value[] old = Keys;
        Keys = new Value[MinSize];
        _hashes = new long[MinSize];
        Used = MinSize;
        _fill = 0;
        _count = 0;
        Mutations++;
        foreach (Value k in old)
        {
            k.Drop();
        }
    }

    /// <summary>Fills a slot found free by <see cref="AddEntry"/> (or the deleted slot passed on the way).</summary>
    private bool Insert(int empty, int freeSlot, Value key, long hash)
    {
        if (freeSlot >= 0)
        {
            Keys[freeSlot] = key.Dup();
            _hashes[freeSlot] = hash;
            _count++;
            Mutations++;
            return true;
        }

        Keys[empty] = key.Dup();
        _hashes[empty] = hash;
        _fill++;
        _count++;
        Mutations++;
        if ((long)_fill * 5 >= (long)(Keys.Length - 1) * 3)
        {
            Resize(_count > 50000 ? _count * 2 : _count * 4);
        }

        return true;
    }

    /// <summary>1 when slot <paramref name="j"/> of <paramref name="table"/> holds a key equal to <paramref name="key"/>, 2 when the comparison changed the set.</summary>
    private int Match(Value[] table, int j, Value key)
    {
        Value k = table[j];
        if (k.Is(key))
        {
            return 1;
        }

        if (k.Obj is string ks && key.Obj is string s)
        {
            return ks == s ? 1 : 0;
        }

        bool eq = Ops.StoredKeyEquals(k, key);

        // __eq__ may have changed the set: CPython then starts the look-up over.
        return eq ? 1 : table != Keys || !table[j].Is(k) ? 2 : 0;
    }

    /// <summary>Rebuilds the table with the smallest power-of-two size above <paramref name="minUsed"/>.</summary>
    private void Resize(int minUsed)
    {
        int size = MinSize;
        while (size <= minUsed)
        {
            size <<= 1;
        }

        Value[] old = Keys;
        long[] oldHashes = _hashes;
        if (size == MinSize && old.Length == MinSize && _fill == _count)
        {
            return;
        }

        var table = new Value[size];
        var hashes = new long[size];
        for (int i = 0; i < old.Length; i++)
        {
            if (!old[i].IsNull)
            {
                InsertClean(table, hashes, old[i], oldHashes[i]);
            }
        }

        Keys = table;
        _hashes = hashes;
        Used = size;
        _fill = _count;
        Mutations++;
    }

    /// <summary>Puts a key known absent into a table without deleted slots.</summary>
    private static void InsertClean(Value[] table, long[] hashes, Value key, long hash)
    {
        ulong mask = (ulong)table.Length - 1;
        ulong perturb = (ulong)hash;
        ulong i = (ulong)hash & mask;
        while (true)
        {
            int last = i + LinearProbes <= mask ? (int)i + LinearProbes : (int)i;
            for (int j = (int)i; j <= last; j++)
            {
                if (table[j].IsNull)
                {
                    table[j] = key;
                    hashes[j] = hash;
                    return;
                }
            }

            perturb >>= 5;
            i = ((i * 5) + 1 + perturb) & mask;
        }
    }
}
