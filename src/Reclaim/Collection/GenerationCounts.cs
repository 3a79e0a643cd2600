using System.Runtime.CompilerServices;

namespace Reclaim;

/// <summary>
/// CPython's per-generation counts (allocations minus deaths of containers for generation 0, collections of the
/// generation below for the others), stored inline in the <see cref="Collector"/>.
/// </summary>
[InlineArray(Collector.GenerationCount)]
internal struct GenerationCounts
{
    private int _first;
}
