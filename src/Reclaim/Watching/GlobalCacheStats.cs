namespace Reclaim;

/// <summary>What a <see cref="GlobalCache"/> has done so far.</summary>
/// <param name="Hits">Reads a cell answered from its cached value.</param>
/// <param name="Refreshes">Times a cell's value was computed from the dictionaries: when the cell was made, and after each change a watcher reported.</param>
/// <param name="Invalidations">Cells dropped because their globals or builtins dictionary went away (not counting disposal of the cache).</param>
/// <param name="LiveEntries">Cells the cache currently keeps up to date.</param>
public readonly record struct GlobalCacheStats(long Hits, long Refreshes, long Invalidations, int LiveEntries);
