namespace Reclaim;

/// <summary>
/// The weak references of a runtime, per referent. Kept beside the heap rather than in every object's header:
/// most objects never have a weak reference, and <see cref="ObjectFlags.HasWeakRefs"/> tells which do.
/// </summary>
internal sealed class WeakRefTable
{
    private readonly Dictionary<RcObject, WeakRefList> _lists = new(ReferenceEqualityComparer.Instance);

    public int ReferentCount => _lists.Count;

    public void Add(RcObject referent, WeakRef reference)
    {
        if (!_lists.TryGetValue(referent, out WeakRefList? list))
        {
            list = new WeakRefList();
            _lists.Add(referent, list);
            referent._flags |= ObjectFlags.HasWeakRefs;
        }

        list.Add(reference);
    }

    /// <summary>The shared callback-less weak reference to <paramref name="referent"/>, if one is alive.</summary>
    public WeakRef? FindBasic(RcObject referent)
    {
        if ((referent._flags & ObjectFlags.HasWeakRefs) == 0 || !_lists.TryGetValue(referent, out WeakRefList? list))
        {
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
        (referent._flags & ObjectFlags.HasWeakRefs) != 0 && _lists.TryGetValue(referent, out WeakRefList? list) ? list.Count : 0;

    /// <summary>The weak references to <paramref name="referent"/> in CPython's list order: callback-less ones first, then the others newest first.</summary>
    public IReadOnlyList<WeakRef> ListFor(RcObject referent)
    {
        if ((referent._flags & ObjectFlags.HasWeakRefs) == 0 || !_lists.TryGetValue(referent, out WeakRefList? list))
        {
            return [];
        }

        List<WeakRef> ordered = [.. list.Where(r => !r.HasCallback)];
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
        if (_lists.TryGetValue(referent, out WeakRefList? list))
        {
            list.Remove(reference);
            if (list.Count == 0)
            {
                _lists.Remove(referent);
                referent._flags &= ~ObjectFlags.HasWeakRefs;
            }
        }
    }

    /// <summary>Removes and returns every weak reference to <paramref name="referent"/>, oldest first.</summary>
    public WeakRefList TakeList(RcObject referent)
    {
        referent._flags &= ~ObjectFlags.HasWeakRefs;
        return _lists.Remove(referent, out WeakRefList? list) ? list : WeakRefList.Empty;
    }
}

/// <summary>The weak references to one object, oldest first.</summary>
internal sealed class WeakRefList : List<WeakRef>
{
    public static readonly WeakRefList Empty = [];
}
