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

    /// <summary>Every chunk the runtime holds (each knows its place here, <see cref="WeakListChunk.TableIndex"/>).</summary>
    private readonly List<WeakListChunk> _chunks = [];

    /// <summary>Chunks that had a slot freed while full; entries may be stale (full again, or no longer held).</summary>
    private readonly Stack<WeakListChunk> _partial = new();

    /// <summary>Where slots are taken from; kept even when it empties, so one object gaining and losing a weak reference does not move chunks.</summary>
    private WeakListChunk? _current;

    /// <summary>Set at shutdown: the chunks are retired and stay with the runtime until .NET collects it.</summary>
    private bool _retired;

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
            WeakListChunk chunk = CurrentChunk();
            int slot = chunk.TakeSlot();
            chunk.Lists[slot & (WeakListSlab.ChunkSize - 1)] = list;
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
        _retired = true;
        _current = null;
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

    /// <summary>A chunk of this runtime with a free slot: the current one, one that had slots freed, or a new one from the slab.</summary>
    private WeakListChunk CurrentChunk()
    {
        if (_current is { FreeCount: > 0 } current && current.RuntimeIndex == _runtimeIndex)
        {
            return current;
        }

        while (_partial.TryPop(out WeakListChunk? partial))
        {
            if (partial.FreeCount > 0 && partial.RuntimeIndex == _runtimeIndex)
            {
                return _current = partial;
            }
        }

        WeakListChunk chunk = WeakListSlab.TakeChunk(_runtimeIndex);
        chunk.TableIndex = _chunks.Count;
        _chunks.Add(chunk);
        return _current = chunk;
    }

    /// <summary>Empties the referent's slot, gives it back, and puts the plain owner word back in the header.</summary>
    private void ReturnSlot(RcObject referent)
    {
        int slot = referent._owner & OwnerWord.IndexMask;
        WeakListChunk chunk = WeakListSlab.ChunkOf(slot)!;
        chunk.FreeSlot(slot & (WeakListSlab.ChunkSize - 1));
        referent._owner = OwnerWord.Plain(referent, _runtimeIndex);
        if (chunk == _current || _retired)
        {
            return;
        }

        if (chunk.IsEmpty)
        {
            // No object names the chunk any more: another runtime may use it.
            ReleaseChunk(chunk);
        }
        else if (chunk.FreeCount == 1)
        {
            _partial.Push(chunk);
        }
    }

    private void ReleaseChunk(WeakListChunk chunk)
    {
        int index = chunk.TableIndex;
        WeakListChunk last = _chunks[^1];
        _chunks[index] = last;
        last.TableIndex = index;
        _chunks.RemoveAt(_chunks.Count - 1);
        WeakListSlab.Release(chunk);
    }
}
