using System.Xml.Linq;
using Reclaim.HeapGraph.Tests.Support;

namespace Reclaim.HeapGraph.Tests;

/// <summary>The DOT and SVG pictures: colours by condition, cycles grouped, weak edges dashed, the chain highlighted.</summary>
public sealed class HeapPictureTests
{
    private static readonly XNamespace s_svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void ToDot_MarksConditionsCyclesWeakEdgesAndChain()
    {
        using Scene scene = new();
        HeapPicture graph = HeapPicture.Of(scene.Snapshot, new HeapPictureOptions { Highlight = scene.Id("b") });

        string dot = graph.ToDot();

        Assert.StartsWith("digraph heap {", dot, StringComparison.Ordinal);
        string cluster = dot[dot.IndexOf("subgraph cluster_cycle0 {", StringComparison.Ordinal)..dot.IndexOf("  }", StringComparison.Ordinal)];
        Assert.Contains("label=\"cycle of 2\"", cluster, StringComparison.Ordinal);
        Assert.Contains($"n{scene.Id("a")} [", cluster, StringComparison.Ordinal);
        Assert.Contains($"n{scene.Id("b")} [", cluster, StringComparison.Ordinal);
        Assert.DoesNotContain($"n{scene.Id("root")} [", cluster, StringComparison.Ordinal);
        Assert.Contains($"n{scene.Id("root")} [label=\"root\\nNode rc=1 gen 0\\nroot: 1 external\", fillcolor=\"#dcedc8\"", dot, StringComparison.Ordinal);
        Assert.Matches($@"n{scene.Id("garbage")} \[label=""garbage.*fillcolor=""#ffcdd2""", dot);
        Assert.Contains($"n{scene.Id("weak")} -> n{scene.Id("a")} [style=dashed", dot, StringComparison.Ordinal);
        Assert.Contains($"n{scene.Id("root")} -> n{scene.Id("a")} [color=\"#ef6c00\", penwidth=3];", dot, StringComparison.Ordinal);
        Assert.Contains($"n{scene.Id("a")} -> n{scene.Id("b")} [color=\"#ef6c00\", penwidth=3];", dot, StringComparison.Ordinal);
        Assert.Contains($"n{scene.Id("b")} -> n{scene.Id("a")};", dot, StringComparison.Ordinal);
        Assert.EndsWith("}" + Environment.NewLine, dot, StringComparison.Ordinal);
    }

    [Fact]
    public void ToSvg_WellFormed_NodesColouredByCondition_WeakDashed_ChainHighlighted()
    {
        using Scene scene = new();
        HeapPicture graph = HeapPicture.Of(scene.Snapshot, new HeapPictureOptions { Highlight = scene.Id("b"), Title = "scene" });

        XDocument svg = XDocument.Parse(graph.ToSvg());

        List<XElement> nodes = [.. svg.Descendants(s_svg + "g").Where(g => Classes(g).Contains("node"))];
        Assert.Equal(scene.Snapshot.Count, nodes.Count);
        foreach (SnapshotObject obj in scene.Snapshot.Objects)
        {
            XElement node = Assert.Single(nodes, n => (int)n.Attribute("data-id")! == obj.Id);
            Assert.Contains(obj.Condition.ToString().ToLowerInvariant(), Classes(node));
            Assert.Equal(ExpectedFill(obj.Condition), (string?)node.Element(s_svg + "rect")!.Attribute("fill"));
            Assert.Equal(obj.IsRoot, Classes(node).Contains("root"));
        }

        Assert.Contains("chain", Classes(nodes.Single(n => (int)n.Attribute("data-id")! == scene.Id("root"))));
        List<XElement> edges = [.. svg.Descendants(s_svg + "path").Where(p => Classes(p).Contains("edge"))];
        XElement weak = Assert.Single(edges, e => Classes(e).Contains("weak"));
        Assert.Equal("6 4", (string?)weak.Attribute("stroke-dasharray"));
        Assert.Equal([(scene.Id("root"), scene.Id("a")), (scene.Id("a"), scene.Id("b"))], edges
            .Where(e => Classes(e).Contains("chain"))
            .Select(e => ((int)e.Attribute("data-from")!, (int)e.Attribute("data-to")!))
            .Order());
        Assert.All(edges.Where(e => !Classes(e).Contains("weak")), e => Assert.Null(e.Attribute("stroke-dasharray")));
        XElement cycle = Assert.Single(svg.Descendants(s_svg + "g"), g => Classes(g).Contains("cycle"));
        Assert.Equal("2", (string?)cycle.Attribute("data-size"));
        Assert.Equal("scene", (string?)svg.Root!.Element(s_svg + "title"));
    }

    [Fact]
    public void ToSvg_SameHeapTwice_SameText()
    {
        using Scene scene = new();
        HeapSnapshot again = HeapSnapshot.Take(scene.Runtime, TestHeap.Labels);

        Assert.Equal(HeapPicture.Of(scene.Snapshot).ToSvg(), HeapPicture.Of(again).ToSvg());
        Assert.Equal(HeapPicture.Of(scene.Snapshot).ToDot(), HeapPicture.Of(again).ToDot());
    }

    [Fact]
    public void ToSvgAndDot_LabelsWithMarkup_AreEscaped()
    {
        using TestHeap t = new();
        using Owned<Node> odd = t.Node("<a href=\"x\">&'\\");
        HeapSnapshot snapshot = t.Snapshot();
        HeapPicture graph = HeapPicture.Of(snapshot, new HeapPictureOptions { Title = "1 < 2 & \"3\"" });

        XDocument svg = XDocument.Parse(graph.ToSvg());

        Assert.Contains(svg.Descendants(s_svg + "text"), e => e.Value == "<a href=\"x\">&'\\");
        Assert.Contains("label=\"<a href=\\\"x\\\">&'\\\\\\n", graph.ToDot(), StringComparison.Ordinal);
    }

    [Fact]
    public void Around_DepthOne_DrawsNeighboursAndTheWholeChain()
    {
        using TestHeap t = new();
        using Owned<Node> root = t.Node("n0");
        Node last = root.Value;
        for (int i = 1; i <= 10; i++)
        {
            last = t.Link(last, $"n{i}");
        }

        HeapSnapshot snapshot = t.Snapshot();
        int centre = snapshot.Objects.Single(o => o.Label == "n5").Id;

        HeapPicture graph = HeapPicture.Around(snapshot, centre, depth: 1);

        Assert.Equal(["n0", "n1", "n2", "n3", "n4", "n5", "n6"], graph.Objects.Select(o => o.Label!).Order(StringComparer.Ordinal));
        Assert.Equal("n5", graph.Highlighted!.Object.Label);
        Assert.Equal(0, graph.OmittedCount);
        Assert.Contains("around n5", graph.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_MoreObjectsThanTheLimit_DrawsTheLimitAndCountsTheRest()
    {
        using TestHeap t = new();
        using Owned<Node> ring = t.Ring(12);
        HeapSnapshot snapshot = HeapSnapshot.Take(t.Runtime);

        HeapPicture graph = HeapPicture.Of(snapshot, new HeapPictureOptions { MaxObjects = 5 });

        Assert.Equal(5, graph.Objects.Count);
        Assert.Equal(7, graph.OmittedCount);
        Assert.Contains("7 more objects not drawn", graph.ToSvg(), StringComparison.Ordinal);
        Assert.Contains("7 more objects not drawn", graph.ToDot(), StringComparison.Ordinal);
    }

    [Fact]
    public void Around_PartOfALongRing_BoxesTheDrawnMembersAsOneCycle()
    {
        using TestHeap t = new();
        using Owned<Node> ring = t.Ring(1000);
        HeapSnapshot snapshot = t.Snapshot();
        int centre = snapshot.Objects.Single(o => o.Label == "0").Id;   // the root: its why-alive chain is itself

        HeapPicture graph = HeapPicture.Around(snapshot, centre, depth: 1);

        XDocument svg = XDocument.Parse(graph.ToSvg());
        XElement cycle = Assert.Single(svg.Descendants(s_svg + "g"), g => Classes(g).Contains("cycle"));
        Assert.Equal("3", (string?)cycle.Attribute("data-size"));
        Assert.Equal(["0", "1", "999"], graph.Objects.Select(o => o.Label!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Options_Invalid_ThrowNamingTheArgument()
    {
        using TestHeap t = new();
        using Owned<Node> node = t.Node();
        HeapSnapshot snapshot = HeapSnapshot.Take(t.Runtime);

        Assert.Equal("MaxObjects", Assert.Throws<ArgumentOutOfRangeException>(() => HeapPicture.Of(snapshot, new HeapPictureOptions { MaxObjects = 0 })).ParamName);
        Assert.Equal("depth", Assert.Throws<ArgumentOutOfRangeException>(() => HeapPicture.Around(snapshot, 0, -1)).ParamName);
        Assert.Equal("id", Assert.Throws<ArgumentOutOfRangeException>(() => HeapPicture.Around(snapshot, 3, 1)).ParamName);
        Assert.Equal("id", Assert.Throws<ArgumentOutOfRangeException>(() => HeapPicture.Of(snapshot, new HeapPictureOptions { Highlight = 9 })).ParamName);
    }

    [Fact]
    public void ToSvg_RenderedToPng_HasSaneSizeAndDrawnContent()
    {
        using Scene scene = new();
        string svg = HeapPicture.Of(scene.Snapshot, new HeapPictureOptions { Highlight = scene.Id("b"), Caption = "a live cycle, a weak reference and garbage" }).ToSvg();

        PngImage png = PngImage.Decode(SvgRenderer.RenderPng(svg));

        Assert.InRange(png.Width, 300, 4000);
        Assert.InRange(png.Height, 200, 4000);
        int drawn = 0, garbageFill = 0, chainStroke = 0;
        for (int y = 0; y < png.Height; y++)
        {
            for (int x = 0; x < png.Width; x++)
            {
                (byte r, byte g, byte b, byte _) = png.Pixel(x, y);
                drawn += r < 250 || g < 250 || b < 250 ? 1 : 0;
                garbageFill += (r, g, b) == (0xff, 0xcd, 0xd2) ? 1 : 0;
                chainStroke += (r, g, b) == (0xef, 0x6c, 0x00) ? 1 : 0;
            }
        }

        Assert.InRange(drawn, png.Width * png.Height / 50, png.Width * png.Height / 2);
        Assert.True(garbageFill > 1000, $"expected garbage-coloured boxes, found {garbageFill} pixels");
        Assert.True(chainStroke > 100, $"expected the highlighted chain, found {chainStroke} pixels");
    }

    private static HashSet<string> Classes(XElement element) =>
        [.. ((string?)element.Attribute("class") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)];

    private static string ExpectedFill(SnapshotCondition condition) => condition switch
    {
        SnapshotCondition.Alive => "#dcedc8",
        SnapshotCondition.Garbage => "#ffcdd2",
        SnapshotCondition.Finalized => "#ffe0b2",
        SnapshotCondition.Resurrected => "#e1bee7",
        _ => "#e0e0e0",
    };

    /// <summary>root → a ⇄ b (a live cycle), a weak reference to a held from outside, and a garbage self-cycle.</summary>
    private sealed class Scene : IDisposable
    {
        private readonly TestHeap _t = new();
        private readonly Owned<Node> _root;
        private readonly Owned<WeakRef> _weak;

        public Scene()
        {
            _root = _t.Node("root");
            Node a = _t.Link(_root.Value, "a");
            Node b = _t.Link(a, "b");
            b.Next.Set(a);
            _weak = _t.Runtime.WeakRef(a).ToOwned();
            using (Owned<Node> garbage = _t.Node("garbage"))
            {
                garbage.Value.Next.Set(garbage.Value);
            }

            Snapshot = _t.Snapshot();
        }

        public Runtime Runtime => _t.Runtime;

        public HeapSnapshot Snapshot { get; }

        public int Id(string label) => Snapshot.Objects.Single(o => o.Label == label).Id;

        public void Dispose()
        {
            _weak.Dispose();
            _root.Dispose();
            _t.Dispose();
        }
    }
}
