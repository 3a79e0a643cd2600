using Reclaim.Python.Execution;

namespace Reclaim.Python.Objects;

/// <summary>
/// Python's <c>dict</c> (and the storage of <c>set</c>): insertion-ordered entries with an index by Python hash and
/// equality. Removal leaves a hole that later compaction squeezes out, so iteration order is insertion order.
/// </summary>
internal class PyDict(PyType type) : PyObject(type)
{
    private static readonly KeyComparer s_comparer = new();

    private readonly Dictionary<Value, int> _index = new(s_comparer);

    /// <summary>Keys in insertion order (null key = hole).</summary>
    public Value[] Keys = new Value[4];

    /// <summary>Values parallel to <see cref="Keys"/>.</summary>
    public Value[] Values = new Value[4];

    /// <summary>Used entry slots including holes.</summary>
    public int Used;

    /// <summary>Changes on every insertion or removal, for "changed size during iteration".</summary>
    public int Mutations;

    /// <summary>Live entries.</summary>
    public int Count => _index.Count;

    /// <summary>Finds a key; the value is borrowed, null when absent.</summary>
    public Value Get(Value key) => _index.TryGetValue(key, out int i) ? Values[i] : default;

    /// <summary>Finds a key's entry index in <see cref="Keys"/>/<see cref="Values"/>; false when absent.</summary>
    public bool TryFindIndex(Value key, out int index) => _index.TryGetValue(key, out index);

    /// <summary>Finds a str key; the value is borrowed.</summary>
    public Value Get(string key) => Get(Value.Str(key));

    /// <summary>Whether the key is present.</summary>
    public bool ContainsKey(Value key) => _index.ContainsKey(key);

    /// <summary>Sets an entry: takes new references to both key and value.</summary>
    public void Set(Value key, Value value) => SetOwned(key.Dup(), value.Dup());

    /// <summary>Sets an entry, taking over the caller's references to key and value.</summary>
    public void SetOwned(Value key, Value value)
    {
        if (_index.TryGetValue(key, out int i))
        {
            Value old = Values[i];
            Values[i] = value;
            key.Drop();
            old.Drop();
            return;
        }

        if (Used == Keys.Length)
        {
            Grow();
        }

        Keys[Used] = key;
        Values[Used] = value;
        _index[key] = Used;
        Used++;
        Mutations++;
    }

    /// <summary>Removes a key and hands its key and value references to the caller; false when absent.</summary>
    public bool Remove(Value key, out Value oldKey, out Value oldValue)
    {
        if (!_index.Remove(key, out int i))
        {
            oldKey = default;
            oldValue = default;
            return false;
        }

        oldKey = Keys[i];
        oldValue = Values[i];
        Keys[i] = default;
        Values[i] = default;
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
        Value[] keys = Keys;
        Value[] values = Values;
        int used = Used;
        Keys = new Value[4];
        Values = new Value[4];
        Used = 0;
        _index.Clear();
        Mutations++;
        for (int i = 0; i < used; i++)
        {
            keys[i].Drop();
            values[i].Drop();
        }
    }

    private void Grow()
    {
        if (_index.Count < Used * 3 / 4)
        {
            int j = 0;
            for (int i = 0; i < Used; i++)
            {
                if (!Keys[i].IsNull)
                {
                    Keys[j] = Keys[i];
                    Values[j] = Values[i];
                    _index[Keys[j]] = j;
                    j++;
                }
            }

            Array.Clear(Keys, j, Used - j);
            Array.Clear(Values, j, Used - j);
            Used = j;
            if (Used < Keys.Length)
            {
                return;
            }
        }

        Array.Resize(ref Keys, Keys.Length * 2);
        Array.Resize(ref Values, Values.Length * 2);
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

    /// <summary>Hashing and equality by Python's rules.</summary>
    private sealed class KeyComparer : IEqualityComparer<Value>
    {
        public bool Equals(Value x, Value y) => Ops.KeyEquals(x, y);

        public int GetHashCode(Value v) => (int)Ops.Hash(v);
    }
}

/// <summary>Python's <c>set</c> and <c>frozenset</c>: a dict whose values are unused.</summary>
internal sealed class PySet(PyType type) : PyDict(type);
