namespace Reclaim.HeapGraph;

/// <summary>One arrow of a <see cref="HeapPicture"/>, between positions in its object list; parallel references are merged.</summary>
/// <param name="From">Position of the holder.</param>
/// <param name="To">Position of the object referred to.</param>
/// <param name="Kind">Strong or weak.</param>
/// <param name="Count">How many such references the holder has (a reference held twice is drawn once, marked ×2).</param>
/// <param name="OnChain">Whether the arrow is a link of the highlighted why-alive chain.</param>
internal readonly record struct GraphEdge(int From, int To, SnapshotEdgeKind Kind, int Count, bool OnChain);
