namespace Reclaim;

/// <summary>Debugging switches of the collector (<c>gc.set_debug</c>).</summary>
[Flags]
public enum GcDebugFlags
{
    /// <summary>No debugging.</summary>
    None = 0,

    /// <summary>
    /// Keep every garbage object found instead of freeing it: each is appended to <see cref="Gc.Garbage"/>
    /// (which holds a reference) and left uncleared (<c>DEBUG_SAVEALL</c>).
    /// </summary>
    SaveAll = 1 << 5,
}
