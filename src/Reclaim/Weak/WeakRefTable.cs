namespace Reclaim;

/// <summary>
/// The weak references of a runtime, per referent. Each referent's <see cref="WeakRefList"/> lives in a
/// <see cref="WeakListSlab"/> slot named by its owner word (no per-object cost: most objects never have a weak
/// reference, and <see cref="ObjectFlags.HasWeakRefs"/> tells which do), so finding it is a read of the header the
/// caller already has and two array reads, not a dictionary look-up. This table hands out the runtime's slots.
/// </summary>
internal sealed class WeakRefTable
{
    private readonly int _runtimeIndex;
    private readonly List<WeakListChunk> _chunks = [];
    private int[] _freeSlots = new int[WeakListSlab.ChunkSize];
    private int _freeCount;

    public WeakRefTable(int runtimeIndex) => _runtimeIndex = runtimeIndex;

    /// <summary>
    /// Runs once .NET collected the runtime (the table's only holder), disposed or not: the process-wide tables let go
    /// of its chunks and its index entry, so that a runtime nobody disposed leaks nothing there either.
    /// </summary>
    ~WeakRefTable()
    {
        foreach (WeakListChunk chunk in _chunks)
        {
            WeakListSlab.Forget(chunk);
        }

        RuntimeIndexTable.Forget(_runtimeIndex);
    }

    public void Add(RcObject referent, WeakRef reference)
    {
        WeakRefList? list = ListOf(referent);
        if (list is null)
        {
            list = new WeakRefList();
            int slot = TakeSlot();
            WeakListSlab.Set(slot, list);
            referent._owner = OwnerWord.Weak | slot;
            referent._flags |= ObjectFlags.HasWeakRefs;
        }

        list.Add(reference);
    }

    /// <summary>The shared callback-less weak reference to <paramref name="referent"/>, if one is alive.</summary>
    public WeakRef? FindBasic(RcObject referent)
    {
        if (ListOf(referent) is not { HasCallbackless: true } list)
        {
            // Most referents with many weak references have callbacks on all of them: no scan.
            return null;
        }

        for (int i = 0; i < list.Count; i++)
        {
            WeakRef candidate = list[i];
            if (!candidate.HasCallback && candidate._refCount > 0 && candidate.IsAlive)
            {
                return candidate;
            }
        }

        return null;
    }

    public int CountFor(RcObject referent) =>
        ListOf(referent) is { } list ? list.Count : 0;

    /// <summary>The weak references to <paramref name="referent"/> in CPython's list order: callback-less ones first, then the others newest first.</summary>
    public IReadOnlyList<WeakRef> ListFor(RcObject referent)
    {
        if (ListOf(referent) is not { } list)
        {
            return [];
        }

        List<WeakRef> ordered = [];
        for (int i = 0; i < list.Count; i++)
        {
            if (!list[i].HasCallback)
            {
                ordered.Add(list[i]);
            }
        }

        for (int i = list.Count - 1; i >= 0; i--)
        {
            if (list[i].HasCallback)
            {
                ordered.Add(list[i]);
            }
        }

        return ordered;
    }

    /// <summary>Unlinks one weak reference from its referent (the reference becomes dead, no callback).</summary>
    public void Detach(WeakRef reference)
    {
        RcObject? referent = reference._referent;
        if (referent is null)
        {
            return;
        }

        reference._referent = null;
        if (ListOf(referent) is { } list)
        {
            list.Remove(reference);
            if (list.Count == 0)
            {
                ReturnSlot(referent);
                referent._flags &= ~ObjectFlags.HasWeakRefs;
            }
        }
    }

    /// <summary>Removes and returns every weak reference to <paramref name="referent"/>, oldest first.</summary>
    /// <returns>The list, or <see langword="null"/> when the referent has none.</returns>
    public WeakRefList? TakeList(RcObject referent)
    {
        referent._flags &= ~ObjectFlags.HasWeakRefs;
        WeakRefList? list = ListOf(referent);
        if ((referent._owner & OwnerWord.Weak) != 0)
        {
            ReturnSlot(referent);
        }

        return list;
    }

    /// <summary>
    /// At shutdown: from now on only this table (held by the runtime) keeps the runtime's chunks, so that the
    /// process-wide slab does not keep the lists (and the referents behind them) of a runtime that is gone.
    /// </summary>
    public void RetireAll()
    {
        foreach (WeakListChunk chunk in _chunks)
        {
            WeakListSlab.Retire(chunk);
        }
    }

    /// <summary>The list of <paramref name="referent"/>, from the slot its owner word names; null when it has none.</summary>
    private static WeakRefList? ListOf(RcObject referent)
    {
        int word = referent._owner;
        return (word & OwnerWord.Weak) != 0 ? WeakListSlab.Get(word & OwnerWord.IndexMask) : null;
    }

    private int TakeSlot()
    {
        if (_freeCount == 0)
        {
            (WeakListChunk chunk, int first) = WeakListSlab.NewChunk(_runtimeIndex);
            _chunks.Add(chunk);
            if (_freeSlots.Length < WeakListSlab.ChunkSize)
            {
                _freeSlots = new int[WeakListSlab.ChunkSize];
            }

            // Highest first on the stack, so slots are handed out in ascending order.
            for (int i = 0; i < WeakListSlab.ChunkSize; i++)
            {
                _freeSlots[i] = first + WeakListSlab.ChunkSize - 1 - i;
            }

            _freeCount = WeakListSlab.ChunkSize;
        }

        return _freeSlots[--_freeCount];
    }

    /// <summary>Empties the referent's slot, gives it back, and puts the plain owner word back in the header.</summary>
    private void ReturnSlot(RcObject referent)
    {
        int slot = referent._owner & OwnerWord.IndexMask;
        WeakListSlab.Set(slot, null);
        if (_freeCount == _freeSlots.Length)
        {
            Array.Resize(ref _freeSlots, _freeSlots.Length * 2);
        }

        _freeSlots[_freeCount++] = slot;
        referent._owner = OwnerWord.Plain(referent, _runtimeIndex);
    }
}
