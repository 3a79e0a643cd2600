namespace Reclaim;

/// <summary>Per-generation totals since the runtime started (<c>gc.get_stats()</c>).</summary>
/// <param name="Generation">The generation.</param>
/// <param name="Collections">How many times it was collected.</param>
/// <param name="Collected">Objects collected by those collections.</param>
/// <param name="Uncollectable">Objects found uncollectable by them.</param>
public readonly record struct GenerationStats(int Generation, long Collections, long Collected, long Uncollectable);
