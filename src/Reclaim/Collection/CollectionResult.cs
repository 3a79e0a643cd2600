namespace Reclaim;

/// <summary>What one collection did.</summary>
/// <param name="Generation">The generation collected (younger generations were merged into it).</param>
/// <param name="Collected">Objects found to be cyclic garbage and freed (or saved, with <see cref="GcDebugFlags.SaveAll"/>).</param>
/// <param name="Uncollectable">Garbage objects still alive after being cleared: something holds them that no traversal reports.</param>
/// <param name="Elapsed">Wall time of the collection, callbacks excluded.</param>
public readonly record struct CollectionResult(int Generation, int Collected, int Uncollectable, TimeSpan Elapsed);
