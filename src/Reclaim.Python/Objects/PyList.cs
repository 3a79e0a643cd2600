namespace Reclaim.Python.Objects;

/// <summary>Python's <c>list</c> (and the storage of <c>tuple</c>): owned values in a growable array.</summary>
internal class PySequence(PyType type) : PyObject(type)
{
    /// <summary>The items; only the first <see cref="Count"/> are live.</summary>
    public Value[] Items = [];

    /// <summary>The number of items.</summary>
    public int Count;

    /// <summary>The live items.</summary>
    public Span<Value> Span => Items.AsSpan(0, Count);

    /// <summary>Appends, taking over the caller's reference.</summary>
    public void Append(Value owned)
    {
        if (Count == Items.Length)
        {
            Array.Resize(ref Items, Math.Max(4, Count * 2));
        }

        Items[Count++] = owned;
    }

    /// <summary>Inserts at <paramref name="index"/> (already clamped), taking over the reference.</summary>
    public void Insert(int index, Value owned)
    {
        if (Count == Items.Length)
        {
            Array.Resize(ref Items, Math.Max(4, Count * 2));
        }

        Array.Copy(Items, index, Items, index + 1, Count - index);
        Items[index] = owned;
        Count++;
    }

    /// <summary>Removes the item at <paramref name="index"/> and returns the reference it held.</summary>
    public Value RemoveAt(int index)
    {
        Value v = Items[index];
        Array.Copy(Items, index + 1, Items, index, Count - index - 1);
        Items[--Count] = default;
        return v;
    }

    /// <summary>Empties the sequence, releasing items (last first) after the storage no longer shows them.</summary>
    public void ClearItems()
    {
        Value[] items = Items;
        int count = Count;
        Items = [];
        Count = 0;

        // CPython's list and tuple deallocation release items from the last to the first.
        for (int i = count - 1; i >= 0; i--)
        {
            items[i].Drop();
        }
    }

    /// <inheritdoc/>
    protected override void TraverseReferences(ref Visitor visitor)
    {
        base.TraverseReferences(ref visitor);
        foreach (Value v in Items)
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
        ClearItems();
        base.ClearReferences();
    }
}

/// <summary>Python's <c>list</c>.</summary>
internal sealed class PyList(PyType type) : PySequence(type);

/// <summary>Python's <c>tuple</c>.</summary>
internal sealed class PyTuple(PyType type) : PySequence(type);

/// <summary>A cell of a closure.</summary>
internal sealed class PyCell(PyType type) : PyObject(type)
{
    /// <summary>The contents (null when empty).</summary>
    public Value Contents;

    /// <inheritdoc/>
    protected override void TraverseReferences(ref Visitor visitor)
    {
        base.TraverseReferences(ref visitor);
        if (Contents.Obj is PyObject o)
        {
            visitor.Visit(o);
        }
    }

    /// <inheritdoc/>
    protected override void ClearReferences()
    {
        Value v = Contents;
        Contents = default;
        v.Drop();
        base.ClearReferences();
    }
}

/// <summary>An object whose payload is a fixed array of values (bound methods, slices, iterators, properties...).</summary>
internal class PyBox(PyType type, int size) : PyObject(type)
{
    /// <summary>The held values.</summary>
    public readonly Value[] Slots = new Value[size];

    /// <summary>Any .NET state (iterator position, native function), never a Python reference.</summary>
    public object? Native;

    /// <summary>A counter for iterators.</summary>
    public long Index;

    /// <inheritdoc/>
    protected override void TraverseReferences(ref Visitor visitor)
    {
        base.TraverseReferences(ref visitor);
        foreach (Value v in Slots)
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
        for (int i = 0; i < Slots.Length; i++)
        {
            Value v = Slots[i];
            Slots[i] = default;
            v.Drop();
        }

        base.ClearReferences();
    }
}
