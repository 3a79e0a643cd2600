namespace Reclaim;

/// <summary>
/// The weak references of a runtime, per referent. Each referent's <see cref="WeakRefList"/> lives in its owner word
/// (no per-object cost: most objects never have a weak reference, and <see cref="ObjectFlags.HasWeakRefs"/> tells
/// which do), so finding it is one read of a header the caller already has, not a dictionary look-up.
/// </summary>
internal sealed class WeakRefTable
{
    public void Add(RcObject referent, WeakRef reference)
    {
        if (referent._owner is not WeakRefList list)
        {
            list = new WeakRefList(referent.OwnerRuntime!);
            referent._owner = list;
            referent._flags |= ObjectFlags.HasWeakRefs;
        }

        list.Add(reference);
    }

    /// <summary>The shared callback-less weak reference to <paramref name="referent"/>, if one is alive.</summary>
    public WeakRef? FindBasic(RcObject referent)
    {
        if (referent._owner is not WeakRefList { HasCallbackless: true } list)
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
        referent._owner is WeakRefList list ? list.Count : 0;

    /// <summary>The weak references to <paramref name="referent"/> in CPython's list order: callback-less ones first, then the others newest first.</summary>
    public IReadOnlyList<WeakRef> ListFor(RcObject referent)
    {
        if (referent._owner is not WeakRefList list)
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
        if (referent._owner is WeakRefList list)
        {
            list.Remove(reference);
            if (list.Count == 0)
            {
                referent._owner = list.Runtime.OwnerWordFor(referent);
                referent._flags &= ~ObjectFlags.HasWeakRefs;
            }
        }
    }

    /// <summary>Removes and returns every weak reference to <paramref name="referent"/>, oldest first.</summary>
    /// <returns>The list, or <see langword="null"/> when the referent has none.</returns>
    public static WeakRefList? TakeList(RcObject referent)
    {
        referent._flags &= ~ObjectFlags.HasWeakRefs;
        if (referent._owner is not WeakRefList list)
        {
            return null;
        }

        referent._owner = list.Runtime.OwnerWordFor(referent);
        return list;
    }
}
