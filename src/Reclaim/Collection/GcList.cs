using System.Runtime.CompilerServices;

namespace Reclaim;

/// <summary>
/// One collector list (a generation, the permanent generation, or a collection's unreachable set): an
/// array of objects in insertion order, each object knowing its slot so that removal is O(1).
/// </summary>
/// <remarks>
/// Removal leaves a hole (null) instead of moving another object into the slot, so the array keeps
/// allocation order, which keeps a full collection's walk over the heap close to sequential in memory.
/// Holes are squeezed out when the array would otherwise grow, and by every collection of the list.
/// </remarks>
internal sealed class GcList
{
    private const int InitialCapacity = 64;

    public GcList(byte tag, bool keepCapacity = false)
    {
        Tag = tag;
        Items = new RcObject?[InitialCapacity];
        _keepCapacity = keepCapacity;
    }

    // The unreachable list is scratch space refilled by every collection: giving its array back only to
    // allocate it again (on the large-object heap, where each allocation can start a full .NET GC) would
    // cost more than the memory it holds.
    private readonly bool _keepCapacity;

    /// <summary>The tag every object in this list carries in its header.</summary>
    public byte Tag { get; }

    /// <summary>The slots; entries at or past <see cref="Count"/> are null.</summary>
    public RcObject?[] Items { get; private set; }

    /// <summary>How many slots are in use, holes included.</summary>
    public int Count { get; private set; }

    /// <summary>How many of the used slots are holes.</summary>
    public int Holes { get; private set; }

    /// <summary>How many objects the list holds.</summary>
    public int Live => Count - Holes;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(RcObject obj)
    {
        if (Count == Items.Length)
        {
            MakeRoom(1);
        }

        obj._gcTag = Tag;
        obj._gcSlot = Count;
        RcObjectArray.Store(Items, Count++, obj);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Remove(RcObject obj)
    {
        System.Diagnostics.Debug.Assert(obj._gcTag == Tag && ReferenceEquals(Items[obj._gcSlot], obj), "object is not in this list");
        int slot = obj._gcSlot;
        Items[slot] = null;
        obj._gcTag = GcTag.Untracked;
        if (slot == Count - 1)
        {
            // The newest object died first (a temporary, or a structure released from its most recent node): the
            // slot is given back instead of becoming a hole, so allocate-and-release loops never compact.
            Count = slot;
        }
        else
        {
            Holes++;
        }
    }

    /// <summary>Moves every object of <paramref name="source"/> to the end of this list and empties it.</summary>
    public void TakeAll(GcList source)
    {
        if (Count == 0 && source.Count > 0)
        {
            // Nothing here yet (a full collection of a heap that was never collected, say): take the source's array
            // whole instead of copying it. Every object keeps its slot; only its tag changes.
            (Items, source.Items) = (source.Items, Items);
            (Count, Holes) = (source.Count, source.Holes);
            for (int i = 0; i < Count; i++)
            {
                if (Items[i] is { } moved)
                {
                    moved._gcTag = Tag;
                }
            }

            source.Count = 0;
            source.Holes = 0;
            return;
        }

        EnsureCapacity(Count + source.Live);
        RcObject?[] from = source.Items;
        for (int i = 0; i < source.Count; i++)
        {
            RcObject? obj = from[i];
            if (obj is not null)
            {
                obj._gcTag = Tag;
                obj._gcSlot = Count;
                RcObjectArray.Store(Items, Count++, obj);
            }
        }

        source.Reset();
    }

    /// <summary>Makes sure <paramref name="capacity"/> slots exist without another allocation.</summary>
    public void EnsureCapacity(int capacity)
    {
        if (capacity > Items.Length)
        {
            int size = Math.Max(capacity, Items.Length * 2);
            RcObject?[] bigger = new RcObject?[size];
            Array.Copy(Items, bigger, Count);
            Items = bigger;
        }
    }

    /// <summary>Squeezes out the holes, keeping order and renumbering slots.</summary>
    public void Compact()
    {
        if (Holes == 0)
        {
            return;
        }

        RcObject?[] items = Items;
        int write = 0;
        for (int read = 0; read < Count; read++)
        {
            RcObject? obj = items[read];
            if (obj is not null)
            {
                obj._gcSlot = write;
                RcObjectArray.Store(items, write++, obj);
            }
        }

        Array.Clear(items, write, Count - write);
        Count = write;
        Holes = 0;
    }

    /// <summary>Drops every slot from <paramref name="newCount"/> on: the caller already moved the objects it keeps to the front.</summary>
    public void Truncate(int newCount)
    {
        Array.Clear(Items, newCount, Count - newCount);
        Count = newCount;
        Holes = 0;
    }

    /// <summary>Forgets every object (their headers are the caller's business) and returns large arrays.</summary>
    public void Reset()
    {
        Array.Clear(Items, 0, Count);
        Count = 0;
        Holes = 0;
        if (!_keepCapacity && Items.Length > 1 << 16)
        {
            // A collection emptied a large young list: give the memory back rather than keep the peak forever.
            Items = new RcObject?[InitialCapacity];
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void MakeRoom(int extra)
    {
        if (Holes > Count / 4)
        {
            Compact();
            if (Count + extra <= Items.Length)
            {
                return;
            }
        }

        EnsureCapacity(Count + extra);
    }
}
