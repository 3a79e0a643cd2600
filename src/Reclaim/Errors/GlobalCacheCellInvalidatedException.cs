namespace Reclaim;

/// <summary>
/// A <see cref="GlobalCacheCell"/> was read after it stopped being usable: its globals or builtins dictionary died, or
/// its <see cref="GlobalCache"/> was disposed. The cell never returns a value from a dictionary that is gone; ask the
/// cache for a new cell with live dictionaries.
/// </summary>
public sealed class GlobalCacheCellInvalidatedException : ReclaimException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="name">The global name the cell caches.</param>
    /// <param name="reason">Why the cell is unusable.</param>
    public GlobalCacheCellInvalidatedException(string name, string reason)
        : base($"GlobalCacheCell.Value for '{name}': the cell is no longer valid because {reason}.")
    {
        Name = name;
        Reason = reason;
    }

    /// <summary>The global name the cell caches.</summary>
    public string Name { get; }

    /// <summary>Why the cell is unusable.</summary>
    public string Reason { get; }
}
