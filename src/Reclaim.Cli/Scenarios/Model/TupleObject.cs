namespace Reclaim.Cli.Scenarios.Model;

/// <summary>A fixed-size container of references (a tuple, a cell, or a small dict's values).</summary>
public sealed class TupleObject : RcObject
{
    private readonly RcField<RcObject>[] _items;

    /// <summary>Creates a container holding a new reference to each item.</summary>
    /// <param name="items">The items.</param>
    public TupleObject(params RcObject[] items)
    {
        _items = new RcField<RcObject>[items.Length];
        for (int i = 0; i < items.Length; i++)
        {
            _items[i].Set(items[i]);
        }
    }

    /// <summary>The item at <paramref name="index"/>, borrowed.</summary>
    /// <param name="index">The position.</param>
    public RcObject? this[int index] => _items[index].Value;

    /// <inheritdoc/>
    protected override void TraverseReferences(ref Visitor visitor) => visitor.Visit<RcObject>(_items);

    /// <inheritdoc/>
    protected override void ClearReferences()
    {
        for (int i = 0; i < _items.Length; i++)
        {
            _items[i].Clear();
        }
    }
}
