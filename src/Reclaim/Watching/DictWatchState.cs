namespace Reclaim;

/// <summary>
/// What a watched <see cref="RcDict"/> carries (CPython keeps the same in the low bits of <c>ma_version_tag</c>): which
/// watchers watch it, the slot generation each one had when it started, and the weak reference that tells the
/// dictionary's watchers it is going away.
/// </summary>
/// <remarks>
/// The dictionary owns one count on <see cref="DeathReference"/> and deliberately does not report it from its traversal.
/// Reported, the weak reference would be cyclic garbage together with the dictionary, and the collector clears garbage
/// weak references without calling them; unreported, it is always a root, so its callback runs in the collector's
/// weak-reference step, before any finalizer and before anything is cleared (I1). It cannot keep anything alive: a weak
/// reference does not hold its referent, and its callback refers to the dictionary with a plain .NET reference.
/// </remarks>
internal sealed class DictWatchState
{
    private readonly int[] _generations = new int[DictWatcherRegistry.Capacity];

    public DictWatchState(WeakRef deathReference)
    {
        DeathReference = deathReference;
    }

    /// <summary>One bit per watcher id.</summary>
    public int Mask { get; private set; }

    /// <summary>The weak reference whose callback delivers <see cref="DictWatcherEvent.Deallocated"/>; the dictionary owns its count.</summary>
    public WeakRef? DeathReference { get; set; }

    public bool IsWatchedBy(int watcherId) => (Mask & (1 << watcherId)) != 0;

    public int GenerationOf(int watcherId) => _generations[watcherId];

    public void Add(int watcherId, int generation)
    {
        Mask |= 1 << watcherId;
        _generations[watcherId] = generation;
    }

    public void Remove(int watcherId) => Mask &= ~(1 << watcherId);
}
