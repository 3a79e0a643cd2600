namespace Reclaim;

/// <summary>What a collection callback is told (<c>gc.callbacks</c>' info dictionary).</summary>
/// <param name="Generation">The generation being collected.</param>
/// <param name="Collected">Objects collected (zero at <see cref="GcCallbackPhase.Start"/>).</param>
/// <param name="Uncollectable">Objects found uncollectable (zero at <see cref="GcCallbackPhase.Start"/>).</param>
public readonly record struct GcCallbackInfo(int Generation, int Collected, int Uncollectable);
