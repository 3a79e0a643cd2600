using Reclaim.Python.Execution;

namespace Reclaim.Python.Objects;

/// <summary>
/// Python's <c>dict</c>: insertion-ordered entries with an open-addressing index by Python hash, as CPython's compact
/// dict. Each entry keeps its hash, so growing never calls <c>__hash__</c> again; a look-up whose <c>__eq__</c>
/// mutates the dict starts over instead of walking a changed table. <see cref="PySet"/> derives from it so that code
/// walking <see cref="Keys"/> serves both, but keeps its own table there: the entry points hand a set over to it.
/// </summary>
internal class PyDict : PyObject
{
    private const int Empty = -1;
    private const int Dummy = -2;

    /// <summary>Keys in insertion order (null key = hole); a set's hash table itself (see <see cref="PySet"/>).</summary>
    public Value[] Keys;

    /// <summary>Values parallel to <see cref="Keys"/> (empty for a set).</summary>
    public Value[] Values;

    /// <summary>The hash of each entry of <see cref="Keys"/>.</summary>
    private protected long[] _hashes;

    /// <summary>Live entries.</summary>
    private protected int _count;

    private int[] _table;

    /// <summary>An empty dict.</summary>
    public PyDict(PyType type)
        : base(type)
    {
        Keys = new Value[5];
        Values = new Value[5];
        _hashes = new long[5];
        _table = NewTable(8);
    }

    /// <summary>An empty set: <paramref name="tableSize"/> slots of its own table and no dict index.</summary>
    private protected PyDict(PyType type, int tableSize)
        : base(type)
    {
        Keys = new Value[tableSize];
        Values = [];
        _hashes = new long[tableSize];
        _table = [];
        Used = tableSize;
    }

    /// <summary>Used entry slots including holes.</summary>
    public int Used;

    /// <summary>Changes on every insertion, removal or re-indexing; a look-up restarts when it changed under it.</summary>
    public int Mutations;

    /// <summary>Live entries.</summary>
    public int Count => _count;

    /// <summary>Finds a key; the value is borrowed, null when absent.</summary>
    public Value Get(Value key)
    {
        if (this is PySet)
        {
            return default;
        }

        int ix = Find(key, Ops.Hash(key), out _);
        return ix >= 0 ? Values[ix] : default;
    }

    /// <summary>Finds a key's entry index in <see cref="Keys"/>/<see cref="Values"/>; false when absent.</summary>
    public bool TryFindIndex(Value key, out int index)
    {
        if (this is PySet set)
        {
            index = set.Lookup(key, Ops.Hash(key));
            return index >= 0;
        }

        index = Find(key, Ops.Hash(key), out _);
        return index >= 0;
    }

    /// <summary>Finds a str key; the value is borrowed.</summary>
    public Value Get(string key) => Get(Value.Str(key));

    /// <summary>Whether the key is present.</summary>
    public bool ContainsKey(Value key) => this is PySet set ? set.Lookup(key, PySet.ProbeHash(key)) >= 0 : Find(key, Ops.Hash(key), out _) >= 0;

    /// <summary>Sets an entry: takes new references to both key and value.</summary>
    public void Set(Value key, Value value) => SetOwned(key.Dup(), value.Dup());

    /// <summary>Sets an entry, taking over the caller's references to key and value (released if hashing fails).</summary>
    public void SetOwned(Value key, Value value)
    {
        if (this is PySet set)
        {
            set.AddOwned(key, value);
            return;
        }

        long hash;
        int ix;
        int slot;
        try
        {
            hash = Ops.Hash(key);
            ix = Find(key, hash, out slot);
        }
        catch
        {
            key.Drop();
            value.Drop();
            throw;
        }

        if (ix >= 0)
        {
            Value old = Values[ix];
            Values[ix] = value;
            key.Drop();
            old.Drop();
            return;
        }

        if (Used == Keys.Length)
        {
            Grow();
            slot = FreeSlot(hash);
        }

        Keys[Used] = key;
        Values[Used] = value;
        _hashes[Used] = hash;
        _table[slot] = Used;
        Used++;
        _count++;
        Mutations++;
    }

    /// <summary>Removes a key and hands its key and value references to the caller; false when absent.</summary>
    public bool Remove(Value key, out Value oldKey, out Value oldValue)
    {
        if (this is PySet set)
        {
            oldValue = default;
            return set.Discard(key, PySet.ProbeHash(key), out oldKey);
        }

        int ix = Find(key, Ops.Hash(key), out int slot);
        if (ix < 0)
        {
            oldKey = default;
            oldValue = default;
            return false;
        }

        _table[slot] = Dummy;
        oldKey = Keys[ix];
        oldValue = Values[ix];
        Keys[ix] = default;
        Values[ix] = default;
        _count--;
        Mutations++;
        return true;
    }

    /// <summary>Removes a key, releasing what it held; false when absent.</summary>
    public bool Remove(Value key)
    {
        if (!Remove(key, out Value k, out Value v))
        {
            return false;
        }

        k.Drop();
        v.Drop();
        return true;
    }

    /// <summary>Empties the dict, releasing entries in insertion order after the storage is gone.</summary>
    public void ClearEntries()
    {
        if (this is PySet set)
        {
            set.ClearTable();
            return;
        }

        Value[] keys = Keys;
        Value[] values = Values;
        int used = Used;
        Keys = new Value[5];
        Values = new Value[5];
        _hashes = new long[5];
        _table = NewTable(8);
        Used = 0;
        _count = 0;
        Mutations++;
        for (int i = 0; i < used; i++)
        {
            keys[i].Drop();
            values[i].Drop();
        }
    }

    private static int[] NewTable(int size)
    {
        var t = new int[size];
        Array.Fill(t, Empty);
        return t;
    }

    /// <summary>The entry index of <paramref name="key"/>, or -1 with the table slot where it would go.</summary>
    private int Find(Value key, long hash, out int freeSlot)
    {
    Restart:
        int[] table = _table;
        int mask = table.Length - 1;
        ulong perturb = (ulong)hash;
        int i = (int)(hash & mask);
        int firstDummy = -1;
        while (true)
        {
            int ix = table[i];
            if (ix == Empty)
            {
                freeSlot = firstDummy >= 0 ? firstDummy : i;
                return -1;
            }

            if (ix == Dummy)
            {
                if (firstDummy < 0)
                {
                    firstDummy = i;
                }
            }
            else
            {
                Value k = Keys[ix];
                if (k.Is(key))
                {
                    freeSlot = i;
                    return ix;
                }

                if (_hashes[ix] == hash)
                {
                    if (k.Obj is string ks && key.Obj is string s)
                    {
                        if (s == ks)
                        {
                            freeSlot = i;
                            return ix;
                        }
                    }
                    else
                    {
                        int mutations = Mutations;
                        Value[] keys = Keys;
                        bool eq = Ops.StoredKeyEquals(k, key);

                        // __eq__ may have changed the dict: CPython starts the look-up over.
                        if (mutations != Mutations || keys != Keys || table != _table || !Keys[ix].Is(k))
                        {
                            goto Restart;
                        }

                        if (eq)
                        {
                            freeSlot = i;
                            return ix;
                        }
                    }
                }
            }

            perturb >>= 5;
            i = (int)(((ulong)i * 5 + 1 + perturb) & (ulong)mask);
        }
    }

    /// <summary>A free table slot for a hash known to be absent (no comparisons needed).</summary>
    private int FreeSlot(long hash)
    {
        int mask = _table.Length - 1;
        ulong perturb = (ulong)hash;
        int i = (int)(hash & mask);
        while (_table[i] >= 0)
        {
            perturb >>= 5;
            i = (int)(((ulong)i * 5 + 1 + perturb) & (ulong)mask);
        }

        return i;
    }

    /// <summary>Compacts the entries and rebuilds the index at a size fit for the live count, from the stored hashes.</summary>
    private void Grow()
    {
        int size = 8;
        while (size * 2 / 3 < (_count * 2) + 1)
        {
            size *= 2;
        }

        int capacity = size * 2 / 3;
        var keys = new Value[capacity];
        var values = new Value[capacity];
        var hashes = new long[capacity];
        int j = 0;
        for (int i = 0; i < Used; i++)
        {
            if (!Keys[i].IsNull)
            {
                keys[j] = Keys[i];
                values[j] = Values[i];
                hashes[j] = _hashes[i];
                j++;
            }
        }

        Keys = keys;
        Values = values;
        _hashes = hashes;
        Used = j;
        _table = NewTable(size);
        for (int i = 0; i < j; i++)
        {
            _table[FreeSlot(hashes[i])] = i;
        }

        Mutations++;
    }

    /// <inheritdoc/>
    protected override void TraverseReferences(ref Visitor visitor)
    {
        base.TraverseReferences(ref visitor);
        foreach (Value k in Keys)
        {
            if (k.Obj is PyObject o)
            {
                visitor.Visit(o);
            }
        }

        foreach (Value v in Values)
        {
            if (v.Obj is PyObject o)
            {
                visitor.Visit(o);
            }
        }
    }

    /// <inheritdoc/>
    protected override void ClearReferences()
    {
        ClearEntries();
        base.ClearReferences();
    }
}
