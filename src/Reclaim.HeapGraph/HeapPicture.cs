using System.Globalization;

namespace Reclaim.HeapGraph;

/// <summary>
/// A picture of (part of) a <see cref="HeapSnapshot"/>: objects coloured by <see cref="SnapshotCondition"/>, cycles
/// grouped in boxes, weak references dashed, and one object's why-alive chain highlighted. Written as Graphviz DOT
/// (<see cref="ToDot"/>) or as a self-contained SVG that Reclaim lays out itself (<see cref="ToSvg"/>); no Graphviz
/// is needed to get a picture. Output is deterministic: the same snapshot gives the same text.
/// </summary>
public sealed class HeapPicture
{
    private HeapPicture(HeapSnapshot snapshot, SnapshotAdjacency references, List<int> ids, int omitted, WhyAliveResult? highlighted, string title, string? caption)
    {
        Snapshot = snapshot;
        Title = title;
        Caption = caption;
        OmittedCount = omitted;
        Highlighted = highlighted;
        Objects = [.. ids.Select(id => snapshot[id])];

        Dictionary<int, int> position = [];
        for (int i = 0; i < ids.Count; i++)
        {
            position[ids[i]] = i;
        }

        HashSet<(int, int)> chainLinks = [];
        if (highlighted is not null)
        {
            for (int i = 1; i < highlighted.Chain.Count; i++)
            {
                chainLinks.Add((highlighted.Chain[i - 1].Id, highlighted.Chain[i].Id));
            }

            HashSet<int> chain = [.. highlighted.Chain.Select(o => o.Id)];
            OnChain = [.. ids.Select(chain.Contains)];
        }
        else
        {
            OnChain = new bool[ids.Count];
        }

        Edges = CollectEdges(references, ids, position, chainLinks);
        Cycles = CollectCycles(snapshot, ids, position);
    }

    /// <summary>The snapshot drawn.</summary>
    public HeapSnapshot Snapshot { get; }

    /// <summary>The title drawn above the picture.</summary>
    public string Title { get; }

    /// <summary>The line of explanation drawn under the title, if any.</summary>
    public string? Caption { get; }

    /// <summary>
    /// The objects drawn: the highlighted chain first (from the highlighted object back towards its root), then the
    /// rest of the selection (in id order for <see cref="Of"/>, nearest first for <see cref="Around"/>).
    /// </summary>
    public IReadOnlyList<SnapshotObject> Objects { get; }

    /// <summary>How many objects of the selection were left out because of <see cref="HeapPictureOptions.MaxObjects"/>.</summary>
    public int OmittedCount { get; }

    /// <summary>The why-alive answer whose chain is highlighted, if any.</summary>
    public WhyAliveResult? Highlighted { get; }

    internal IReadOnlyList<bool> OnChain { get; }

    internal IReadOnlyList<GraphEdge> Edges { get; }

    /// <summary>Groups of positions (in <see cref="Objects"/>) that belong to one cycle; only groups of two or more drawn objects.</summary>
    internal IReadOnlyList<int[]> Cycles { get; }

    /// <summary>Every object of the snapshot (up to <see cref="HeapPictureOptions.MaxObjects"/>).</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="options">Title, highlight and size limit.</param>
    /// <returns>The picture.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The highlight is not an id of the snapshot, or the size limit is not positive.</exception>
    public static HeapPicture Of(HeapSnapshot snapshot, HeapPictureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        options ??= new HeapPictureOptions();
        WhyAliveResult? highlighted = Highlight(snapshot, options, options.Highlight);
        List<int> selection = [.. Enumerable.Range(0, snapshot.Count)];
        string title = options.Title ?? string.Create(CultureInfo.InvariantCulture, $"heap: {snapshot.Count} objects");
        return Limit(snapshot, SnapshotAdjacency.Of(snapshot), selection, highlighted, options, title);
    }

    /// <summary>
    /// The objects within <paramref name="depth"/> references of <paramref name="id"/>, following references either
    /// way, plus the chain of its why-alive answer, which is highlighted.
    /// </summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="id">The object at the centre.</param>
    /// <param name="depth">How many references away to go; 0 draws the object and its chain only.</param>
    /// <param name="options">Title, another object to highlight, and size limit.</param>
    /// <returns>The picture.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="id"/> or the highlight is not an id of the snapshot, <paramref name="depth"/> is negative, or the size limit is not positive.</exception>
    public static HeapPicture Around(HeapSnapshot snapshot, int id, int depth, HeapPictureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentOutOfRangeException.ThrowIfNegative(depth);
        options ??= new HeapPictureOptions();
        _ = snapshot[id];
        WhyAliveResult? highlighted = Highlight(snapshot, options, options.Highlight ?? id);
        SnapshotAdjacency references = SnapshotAdjacency.Of(snapshot);
        List<int> selection = Neighbourhood(references, id, depth);

        string title = options.Title ?? string.Create(
            CultureInfo.InvariantCulture, $"around {snapshot[id].DisplayName}: {depth} reference(s) deep");
        return Limit(snapshot, references, selection, highlighted, options, title);
    }

    /// <summary>The picture as Graphviz DOT (<c>dot -Tsvg</c> draws it).</summary>
    /// <returns>The DOT text.</returns>
    public string ToDot()
    {
        StringWriter writer = new(CultureInfo.InvariantCulture);
        WriteDot(writer);
        return writer.ToString();
    }

    /// <summary>Writes the picture as Graphviz DOT.</summary>
    /// <param name="writer">Where to write.</param>
    public void WriteDot(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        DotWriter.Write(this, writer);
    }

    /// <summary>The picture as a self-contained SVG document.</summary>
    /// <returns>The SVG text.</returns>
    public string ToSvg()
    {
        StringWriter writer = new(CultureInfo.InvariantCulture);
        WriteSvg(writer);
        return writer.ToString();
    }

    /// <summary>Writes the picture as a self-contained SVG document.</summary>
    /// <param name="writer">Where to write.</param>
    public void WriteSvg(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        SvgWriter.Write(this, writer);
    }

    private static WhyAliveResult? Highlight(HeapSnapshot snapshot, HeapPictureOptions options, int? id)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxObjects, nameof(options.MaxObjects));
        return id is { } highlight ? snapshot.WhyAlive(highlight) : null;
    }

    private static HeapPicture Limit(HeapSnapshot snapshot, SnapshotAdjacency references, List<int> selection, WhyAliveResult? highlighted, HeapPictureOptions options, string title)
    {
        // The highlighted chain is the point of the picture: it goes first, from the object back towards the root,
        // so a limit cuts a long chain at its far end and never loses the object itself.
        List<int> ordered = highlighted is null
            ? selection
            : [.. highlighted.Chain.Select(o => o.Id).Reverse().Concat(selection).Distinct()];
        int omitted = Math.Max(0, ordered.Count - options.MaxObjects);
        if (omitted > 0)
        {
            ordered.RemoveRange(options.MaxObjects, omitted);
        }

        return new HeapPicture(snapshot, references, ordered, omitted, highlighted, title, options.Caption);
    }

    /// <summary>Breadth-first over references in both directions, up to <paramref name="depth"/> steps.</summary>
    private static List<int> Neighbourhood(SnapshotAdjacency references, int centre, int depth)
    {
        Dictionary<int, List<int>> weak = [];
        foreach (SnapshotEdge edge in references.WeakEdges)
        {
            (weak.TryGetValue(edge.From, out List<int>? a) ? a : weak[edge.From] = []).Add(edge.To);
            (weak.TryGetValue(edge.To, out List<int>? b) ? b : weak[edge.To] = []).Add(edge.From);
        }

        Dictionary<int, int> distance = new() { [centre] = 0 };
        List<int> order = [centre];
        void Visit(int near, int d)
        {
            if (distance.TryAdd(near, d))
            {
                order.Add(near);
            }
        }

        for (int head = 0; head < order.Count; head++)
        {
            int node = order[head];
            int d = distance[node] + 1;
            if (d > depth)
            {
                continue;
            }

            foreach (int target in references.TargetsOf(node))
            {
                Visit(target, d);
            }

            foreach (int source in references.SourcesOf(node))
            {
                Visit(source, d);
            }

            foreach (int other in weak.GetValueOrDefault(node) ?? [])
            {
                Visit(other, d);
            }
        }

        return order;
    }

    private static List<GraphEdge> CollectEdges(SnapshotAdjacency references, List<int> ids, Dictionary<int, int> position, HashSet<(int, int)> chainLinks)
    {
        // Parallel references (a holder reporting the same target twice) become one arrow with a count.
        Dictionary<(int, int, SnapshotEdgeKind), int> counts = [];
        List<(int, int, SnapshotEdgeKind)> order = [];
        void Add(int from, int to, SnapshotEdgeKind kind)
        {
            if (!position.TryGetValue(to, out int target))
            {
                return;
            }

            (int, int, SnapshotEdgeKind) key = (position[from], target, kind);
            if (counts.TryGetValue(key, out int count))
            {
                counts[key] = count + 1;
            }
            else
            {
                counts[key] = 1;
                order.Add(key);
            }
        }

        foreach (int id in ids)
        {
            foreach (int target in references.TargetsOf(id))
            {
                Add(id, target, SnapshotEdgeKind.Strong);
            }
        }

        foreach (SnapshotEdge edge in references.WeakEdges)
        {
            if (position.ContainsKey(edge.From))
            {
                Add(edge.From, edge.To, SnapshotEdgeKind.Weak);
            }
        }

        return [.. order.Select(key => new GraphEdge(
            key.Item1,
            key.Item2,
            key.Item3,
            counts[key],
            key.Item3 == SnapshotEdgeKind.Strong && chainLinks.Contains((ids[key.Item1], ids[key.Item2]))))];
    }

    private static List<int[]> CollectCycles(HeapSnapshot snapshot, List<int> ids, Dictionary<int, int> position)
    {
        // One CycleOf per cycle met, not per drawn object: a drawn member marks every other drawn member of its
        // cycle, so a picture of a million-object ring asks for the ring once.
        Dictionary<int, int> groupOf = [];
        HashSet<int> outsideCycles = [];
        List<List<int>> groups = [];
        for (int i = 0; i < ids.Count; i++)
        {
            int id = ids[i];
            if (!groupOf.TryGetValue(id, out int group))
            {
                if (outsideCycles.Contains(id))
                {
                    continue;
                }

                IReadOnlyList<int> cycle = snapshot.CycleOf(id);
                if (cycle.Count == 0)
                {
                    outsideCycles.Add(id);
                    continue;
                }

                group = groups.Count;
                groups.Add([]);
                foreach (int member in cycle)
                {
                    if (position.ContainsKey(member))
                    {
                        groupOf[member] = group;
                    }
                }
            }

            groups[group].Add(i);
        }

        return [.. groups.Where(m => m.Count > 1).Select(m => m.ToArray())];
    }
}
