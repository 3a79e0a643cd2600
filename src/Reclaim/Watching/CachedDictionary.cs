using System.Runtime.InteropServices;

namespace Reclaim;

/// <summary>
/// One dictionary a <see cref="GlobalCache"/> watches: a weak handle to it, never a strong or raw reference, and the
/// cells that depend on it, chained by name for each role. Every cell is linked into exactly two chains (its globals'
/// and its builtins'), so unlinking one is O(1) and dropping a dictionary costs time linear in its own cells.
/// </summary>
internal sealed class CachedDictionary
{
    private readonly Dictionary<string, GlobalCacheCell>[] _chains =
    [
        new Dictionary<string, GlobalCacheCell>(StringComparer.Ordinal),
        new Dictionary<string, GlobalCacheCell>(StringComparer.Ordinal),
    ];

    public CachedDictionary(long identity, WeakRef handle)
    {
        Identity = identity;
        Handle = handle;
    }

    /// <summary>The dictionary's <see cref="RcDict.Identity"/>.</summary>
    public long Identity { get; }

    /// <summary>The weak handle; the cache owns its count.</summary>
    public WeakRef Handle { get; }

    /// <summary>
    /// The dictionary, or <see langword="null"/> once its weak references were cleared. Weak references are cleared
    /// before a dying or garbage dictionary drops anything, so while this is non-null the dictionary's entries are intact.
    /// </summary>
    public RcDict? Target => Handle._referent as RcDict;

    /// <summary>How many cells are linked here, in either role.</summary>
    public int CellCount { get; private set; }

    /// <summary>The first cell of the chain for <paramref name="name"/> in <paramref name="role"/>.</summary>
    public GlobalCacheCell? First(CellRole role, string name) =>
        _chains[(int)role].TryGetValue(name, out GlobalCacheCell? head) ? head : null;

    /// <summary>The first cell of every chain in <paramref name="role"/>, as a snapshot.</summary>
    public GlobalCacheCell[] Heads(CellRole role) => [.. _chains[(int)role].Values];

    public void Link(GlobalCacheCell cell, CellRole role)
    {
        ref GlobalCacheCell? head = ref CollectionsMarshal.GetValueRefOrAddDefault(_chains[(int)role], cell.Name, out _);
        if (head is not null)
        {
            cell.Next(role) = head;
            head.Previous(role) = cell;
        }

        head = cell;
        CellCount++;
    }

    public void Unlink(GlobalCacheCell cell, CellRole role)
    {
        GlobalCacheCell? previous = cell.Previous(role);
        GlobalCacheCell? next = cell.Next(role);
        if (previous is not null)
        {
            previous.Next(role) = next;
        }
        else if (next is not null)
        {
            _chains[(int)role][cell.Name] = next;
        }
        else
        {
            _chains[(int)role].Remove(cell.Name);
        }

        if (next is not null)
        {
            next.Previous(role) = previous;
        }

        cell.Previous(role) = null;
        cell.Next(role) = null;
        CellCount--;
    }
}
