using System.Buffers;

namespace Reclaim;

/// <summary>
/// The weak references whose callbacks a collection will run, in calling order. The array comes from the shared
/// array pool and goes back after the collection: a collection that frees a million weakly referenced objects needs
/// a million slots, and fresh memory of that size costs a page fault per 4 KiB the first time it is written.
/// </summary>
internal sealed class PendingWeakRefCallbacks
{
    private const int MinimumLength = 256;

    private WeakRef[] _items = [];

    public int Count { get; private set; }

    public WeakRef this[int index] => _items[index];

    public void Add(WeakRef reference)
    {
        if (Count == _items.Length)
        {
            Grow();
        }

        _items[Count++] = reference;
    }

    /// <summary>Forgets every entry and gives the array back to the pool.</summary>
    public void Clear()
    {
        if (_items.Length == 0)
        {
            return;
        }

        ArrayPool<WeakRef>.Shared.Return(_items, clearArray: true);
        _items = [];
        Count = 0;
    }

    private void Grow()
    {
        WeakRef[] bigger = ArrayPool<WeakRef>.Shared.Rent(Math.Max(MinimumLength, _items.Length * 2));
        if (_items.Length != 0)
        {
            Array.Copy(_items, bigger, Count);
            ArrayPool<WeakRef>.Shared.Return(_items, clearArray: true);
        }

        _items = bigger;
    }
}
