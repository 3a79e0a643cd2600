using System.Globalization;
using System.Text;

namespace Reclaim.HeapGraph;

/// <summary>
/// Draws a <see cref="HeapPicture"/> as a self-contained SVG document (no scripts, no external fonts or images):
/// boxes from <see cref="GraphLayout"/>, arrows clipped to the boxes and bent around other boxes, a legend.
/// </summary>
internal static class SvgWriter
{
    private const double NameFont = 12;
    private const double DetailFont = 10;
    private const double NameCharWidth = NameFont * 0.61;
    private const double DetailCharWidth = DetailFont * 0.61;
    private const double LineHeight = 14;
    private const double TitleHeight = 46;
    private const double LegendHeight = 64;

    public static void Write(HeapPicture graph, TextWriter writer)
    {
        int n = graph.Objects.Count;
        List<string>[] lines = [.. graph.Objects.Select(GraphPalette.NodeLines)];
        double[] width = [.. lines.Select(l => Math.Ceiling(Math.Max(l[0].Length * NameCharWidth, l.Skip(1).Select(s => s.Length * DetailCharWidth).DefaultIfEmpty(0).Max()) + 20))];
        double[] height = [.. lines.Select(l => 14 + (l.Count * LineHeight))];
        List<(int From, int To)> links = [.. graph.Edges.Select(e => (e.From, e.To))];

        int notes = (graph.Caption is null ? 0 : 1) + (graph.OmittedCount > 0 ? 1 : 0);
        double top = GraphLayout.Margin + TitleHeight + (notes * 16);
        GraphLayout layout = GraphLayout.Compute(width, height, links, graph.Cycles, top);

        string title = graph.Title;
        double legendWidth = LegendWidth();
        double textWidth = Math.Max(title.Length * 9.5, (graph.Caption?.Length ?? 0) * 7.2);
        double canvasWidth = Math.Max(Math.Max(layout.Width, legendWidth + (2 * GraphLayout.Margin)), textWidth + (2 * GraphLayout.Margin));
        double shift = (canvasWidth - layout.Width) / 2;
        double graphBottom = n == 0 ? top + 40 : layout.Height;
        double canvasHeight = graphBottom + LegendHeight;

        StringBuilder svg = new();
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{F(canvasWidth)}\" height=\"{F(canvasHeight)}\" viewBox=\"0 0 {F(canvasWidth)} {F(canvasHeight)}\" font-family=\"DejaVu Sans Mono, Menlo, Consolas, monospace\">")).Append('\n');
        svg.Append("<title>").Append(Escape(title)).Append("</title>\n");
        AppendMarkers(svg);
        svg.Append(Invariant($"<rect class=\"background\" x=\"0\" y=\"0\" width=\"{F(canvasWidth)}\" height=\"{F(canvasHeight)}\" fill=\"#ffffff\"/>")).Append('\n');
        svg.Append(Invariant($"<text class=\"title\" x=\"{F(canvasWidth / 2)}\" y=\"{F(GraphLayout.Margin + 16)}\" text-anchor=\"middle\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"16\" font-weight=\"bold\" fill=\"#212121\">{Escape(title)}</text>")).Append('\n');
        double noteY = GraphLayout.Margin + 36;
        if (graph.Caption is not null)
        {
            svg.Append(Invariant($"<text class=\"caption\" x=\"{F(canvasWidth / 2)}\" y=\"{F(noteY)}\" text-anchor=\"middle\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"12\" fill=\"#424242\">{Escape(graph.Caption)}</text>")).Append('\n');
            noteY += 16;
        }

        if (graph.OmittedCount > 0)
        {
            svg.Append(Invariant($"<text class=\"note\" x=\"{F(canvasWidth / 2)}\" y=\"{F(noteY)}\" text-anchor=\"middle\" font-size=\"11\" fill=\"#616161\">{graph.OmittedCount} more objects not drawn</text>")).Append('\n');
        }

        if (n == 0)
        {
            svg.Append(Invariant($"<text class=\"empty\" x=\"{F(canvasWidth / 2)}\" y=\"{F(top + 20)}\" text-anchor=\"middle\" font-size=\"12\" fill=\"#616161\">(no objects: the heap is empty)</text>")).Append('\n');
        }

        double[] x = [.. layout.X.Select(v => v + shift)];
        double[] y = layout.Y;
        AppendCycles(svg, graph, layout, shift);

        // Root badges sit above the top corner facing away from the box's neighbours, where arrows rarely arrive.
        for (int i = 0; i < n; i++)
        {
            if (graph.Objects[i].IsRoot)
            {
                double[] partners = [.. graph.Edges.Where(e => e.From == i ^ e.To == i).Select(e => x[e.From == i ? e.To : e.From])];
                bool right = partners.Length > 0 && partners.Average() < x[i];
                double badgeLeft = right ? x[i] + (width[i] / 2) - 40 : x[i] - (width[i] / 2) + 6;
                AppendRootBadge(svg, graph.Objects[i].Id, badgeLeft, y[i] - (height[i] / 2));
            }
        }

        AppendEdges(svg, graph, x, y, width, height);
        for (int i = 0; i < n; i++)
        {
            AppendNode(svg, graph, i, lines[i], x[i], y[i], width[i], height[i]);
        }

        AppendLegend(svg, (canvasWidth - legendWidth) / 2, graphBottom + 8);
        svg.Append("</svg>\n");
        writer.Write(svg.ToString());
    }

    private static void AppendMarkers(StringBuilder svg)
    {
        svg.Append("<defs>\n");
        foreach ((string name, string colour) in new[] { ("strong", GraphPalette.StrongEdgeColour), ("weak", GraphPalette.WeakEdgeColour), ("chain", GraphPalette.ChainColour) })
        {
            svg.Append(Invariant($"<marker id=\"arrow-{name}\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"9\" markerHeight=\"9\" markerUnits=\"userSpaceOnUse\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"{colour}\"/></marker>")).Append('\n');
        }

        svg.Append("</defs>\n");
    }

    private static void AppendCycles(StringBuilder svg, HeapPicture graph, GraphLayout layout, double shift)
    {
        for (int c = 0; c < graph.Cycles.Count; c++)
        {
            (double left, double boxTop, double w, double h) = layout.CycleBoxes[c];
            left += shift;
            svg.Append(Invariant($"<g class=\"cycle\" data-size=\"{graph.Cycles[c].Length}\">"));
            svg.Append(Invariant($"<rect x=\"{F(left)}\" y=\"{F(boxTop)}\" width=\"{F(w)}\" height=\"{F(h)}\" rx=\"14\" fill=\"#faf6f3\" stroke=\"{GraphPalette.CycleColour}\" stroke-width=\"1.5\" stroke-dasharray=\"8 4\"/>"));
            svg.Append(Invariant($"<text x=\"{F(left + 10)}\" y=\"{F(boxTop + 15)}\" font-size=\"11\" fill=\"{GraphPalette.CycleColour}\">cycle of {graph.Cycles[c].Length}</text>"));
            svg.Append("</g>\n");
        }
    }

    private static void AppendEdges(StringBuilder svg, HeapPicture graph, double[] x, double[] y, double[] w, double[] h)
    {
        HashSet<(int, int)> present = [.. graph.Edges.Select(e => (e.From, e.To))];

        // Chain arrows last, so they are drawn over the others.
        foreach (GraphEdge edge in graph.Edges.OrderBy(e => e.OnChain))
        {
            string kind = edge.Kind == SnapshotEdgeKind.Weak ? "weak" : "strong";
            string marker = edge.OnChain ? "chain" : kind;
            string colour = edge.OnChain ? GraphPalette.ChainColour : edge.Kind == SnapshotEdgeKind.Weak ? GraphPalette.WeakEdgeColour : GraphPalette.StrongEdgeColour;
            string stroke = edge.OnChain ? "3" : "1.4";
            string dashes = edge.Kind == SnapshotEdgeKind.Weak ? Invariant($" stroke-dasharray=\"{GraphPalette.WeakDashes}\"") : "";
            string path;
            double labelX, labelY;
            int a = edge.From, b = edge.To;
            if (a == b)
            {
                double right = x[a] + (w[a] / 2), topEdge = y[a] - (h[a] / 2);
                path = Invariant($"M{F(right)},{F(y[a] - (h[a] / 4))} C{F(right + 40)},{F(y[a] - (h[a] / 4) - 6)} {F(right - 12)},{F(topEdge - 40)} {F(right - 22)},{F(topEdge)}");
                labelX = right + 14;
                labelY = topEdge - 14;
            }
            else
            {
                double bend = Bend(graph, present, a, b, x, y, w, h);
                (double cx, double cy) = Control(x[a], y[a], x[b], y[b], bend);
                (double sx, double sy) = Border(x[a], y[a], w[a], h[a], cx, cy);
                (double ex, double ey) = Border(x[b], y[b], w[b], h[b], cx, cy);
                path = Invariant($"M{F(sx)},{F(sy)} Q{F(cx)},{F(cy)} {F(ex)},{F(ey)}");
                labelX = (0.25 * sx) + (0.5 * cx) + (0.25 * ex);
                labelY = (0.25 * sy) + (0.5 * cy) + (0.25 * ey);
            }

            string classes = edge.OnChain ? $"edge {kind} chain" : $"edge {kind}";
            svg.Append(Invariant($"<path class=\"{classes}\" data-from=\"{graph.Objects[a].Id}\" data-to=\"{graph.Objects[b].Id}\" d=\"{path}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"{stroke}\"{dashes} marker-end=\"url(#arrow-{marker})\"/>")).Append('\n');
            if (edge.Count > 1)
            {
                svg.Append(Invariant($"<text class=\"edge-count\" x=\"{F(labelX + 4)}\" y=\"{F(labelY - 3)}\" font-size=\"10\" fill=\"{colour}\">×{edge.Count}</text>")).Append('\n');
            }
        }
    }

    /// <summary>
    /// How far an arrow bows sideways: not at all unless the straight line would hide under another box or run
    /// on top of the opposite arrow; then the smallest bow that clears every other box.
    /// </summary>
    private static double Bend(HeapPicture graph, HashSet<(int, int)> present, int a, int b, double[] x, double[] y, double[] w, double[] h)
    {
        double first = present.Contains((b, a)) ? 22 : 0;
        foreach (double bend in new[] { first, first + 40, -(first + 40), first + 90, -(first + 90), first + 150 })
        {
            (double cx, double cy) = Control(x[a], y[a], x[b], y[b], bend);
            if (!CrossesOtherBox(graph.Objects.Count, a, b, x, y, w, h, cx, cy))
            {
                return bend;
            }
        }

        return first;
    }

    private static bool CrossesOtherBox(int n, int a, int b, double[] x, double[] y, double[] w, double[] h, double cx, double cy)
    {
        for (int step = 1; step < 16; step++)
        {
            double t = step / 16.0;
            double px = ((1 - t) * (1 - t) * x[a]) + (2 * (1 - t) * t * cx) + (t * t * x[b]);
            double py = ((1 - t) * (1 - t) * y[a]) + (2 * (1 - t) * t * cy) + (t * t * y[b]);
            for (int i = 0; i < n; i++)
            {
                if (i != a && i != b && Math.Abs(px - x[i]) < (w[i] / 2) + 4 && Math.Abs(py - y[i]) < (h[i] / 2) + 4)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The control point of a quadratic curve from (x1, y1) to (x2, y2) bowed <paramref name="bend"/> pixels to its left.</summary>
    private static (double X, double Y) Control(double x1, double y1, double x2, double y2, double bend)
    {
        double dx = x2 - x1, dy = y2 - y1;
        double length = Math.Max(1e-6, Math.Sqrt((dx * dx) + (dy * dy)));

        // The control point sits twice as far out as the curve's apex.
        return (((x1 + x2) / 2) + (2 * bend * dy / length), ((y1 + y2) / 2) - (2 * bend * dx / length));
    }

    /// <summary>Where the ray from a box's centre towards (tx, ty) leaves the box.</summary>
    private static (double X, double Y) Border(double x, double y, double w, double h, double tx, double ty)
    {
        double dx = tx - x, dy = ty - y;
        if (Math.Abs(dx) < 1e-9 && Math.Abs(dy) < 1e-9)
        {
            return (x, y - (h / 2));
        }

        double scale = Math.Min(Math.Abs(dx) < 1e-9 ? double.MaxValue : (w / 2) / Math.Abs(dx), Math.Abs(dy) < 1e-9 ? double.MaxValue : (h / 2) / Math.Abs(dy));
        return (x + (dx * scale), y + (dy * scale));
    }

    private static void AppendNode(StringBuilder svg, HeapPicture graph, int i, List<string> lines, double cx, double cy, double w, double h)
    {
        SnapshotObject obj = graph.Objects[i];
        bool onChain = graph.OnChain[i];
        string condition = GraphPalette.Name(obj.Condition);
        string classes = "node " + condition + (onChain ? " chain" : "") + (obj.IsRoot ? " root" : "");
        string stroke = onChain ? GraphPalette.ChainColour : GraphPalette.Stroke(obj.Condition);
        string strokeWidth = onChain ? "3" : obj.IsRoot ? "2.5" : "1.2";
        double left = cx - (w / 2), top = cy - (h / 2);

        svg.Append(Invariant($"<g class=\"{classes}\" data-id=\"{obj.Id}\">"));
        svg.Append("<title>").Append(Escape(string.Join(" | ", lines) + $" | {obj.State}")).Append("</title>");
        svg.Append(Invariant($"<rect x=\"{F(left)}\" y=\"{F(top)}\" width=\"{F(w)}\" height=\"{F(h)}\" rx=\"6\" fill=\"{GraphPalette.Fill(obj.Condition)}\" stroke=\"{stroke}\" stroke-width=\"{strokeWidth}\"/>"));

        double baseline = top + 19;
        svg.Append(Invariant($"<text x=\"{F(cx)}\" y=\"{F(baseline)}\" text-anchor=\"middle\" font-size=\"{F(NameFont)}\" font-weight=\"bold\" fill=\"#212121\">{Escape(lines[0])}</text>"));
        for (int line = 1; line < lines.Count; line++)
        {
            svg.Append(Invariant($"<text x=\"{F(cx)}\" y=\"{F(baseline + (line * LineHeight))}\" text-anchor=\"middle\" font-size=\"{F(DetailFont)}\" fill=\"#424242\">{Escape(lines[line])}</text>"));
        }

        svg.Append("</g>\n");
    }

    private static void AppendRootBadge(StringBuilder svg, int id, double left, double boxTop)
    {
        svg.Append(Invariant($"<g class=\"root-badge\" data-id=\"{id}\"><rect x=\"{F(left)}\" y=\"{F(boxTop - 13)}\" width=\"34\" height=\"14\" rx=\"3\" fill=\"#263238\"/>"));
        svg.Append(Invariant($"<text x=\"{F(left + 17)}\" y=\"{F(boxTop - 3)}\" text-anchor=\"middle\" font-size=\"9\" fill=\"#ffffff\">root</text></g>")).Append('\n');
    }

    private static readonly (string Text, string Kind)[] s_lineLegend =
    [
        ("reference", "strong"),
        ("weak reference", "weak"),
        ("why-alive chain", "chain"),
    ];

    private static double SwatchWidth(string text) => 22 + (text.Length * DetailCharWidth) + 18;

    private static double LegendWidth()
    {
        double row1 = GraphPalette.Conditions.Sum(c => SwatchWidth(GraphPalette.Legend(c)));
        double row2 = s_lineLegend.Sum(l => 34 + (l.Text.Length * DetailCharWidth) + 18) + SwatchWidth("cycle") + SwatchWidth("root");
        return Math.Max(row1, row2);
    }

    private static void AppendLegend(StringBuilder svg, double left, double top)
    {
        svg.Append("<g class=\"legend\">\n");
        double x = left;
        foreach (SnapshotCondition condition in GraphPalette.Conditions)
        {
            string text = GraphPalette.Legend(condition);
            svg.Append(Invariant($"<rect x=\"{F(x)}\" y=\"{F(top)}\" width=\"14\" height=\"14\" rx=\"3\" fill=\"{GraphPalette.Fill(condition)}\" stroke=\"{GraphPalette.Stroke(condition)}\"/>"));
            svg.Append(Invariant($"<text x=\"{F(x + 20)}\" y=\"{F(top + 11)}\" font-size=\"{F(DetailFont)}\" fill=\"#424242\">{Escape(text)}</text>")).Append('\n');
            x += SwatchWidth(text);
        }

        x = left;
        double row = top + 26;
        foreach ((string text, string kind) in s_lineLegend)
        {
            string colour = kind switch { "weak" => GraphPalette.WeakEdgeColour, "chain" => GraphPalette.ChainColour, _ => GraphPalette.StrongEdgeColour };
            string dashes = kind == "weak" ? Invariant($" stroke-dasharray=\"{GraphPalette.WeakDashes}\"") : "";
            string stroke = kind == "chain" ? "3" : "1.4";
            svg.Append(Invariant($"<path d=\"M{F(x)},{F(row + 7)} L{F(x + 28)},{F(row + 7)}\" stroke=\"{colour}\" stroke-width=\"{stroke}\"{dashes} marker-end=\"url(#arrow-{kind})\"/>"));
            svg.Append(Invariant($"<text x=\"{F(x + 34)}\" y=\"{F(row + 11)}\" font-size=\"{F(DetailFont)}\" fill=\"#424242\">{text}</text>")).Append('\n');
            x += 34 + (text.Length * DetailCharWidth) + 18;
        }

        svg.Append(Invariant($"<rect x=\"{F(x)}\" y=\"{F(row)}\" width=\"14\" height=\"14\" rx=\"4\" fill=\"#faf6f3\" stroke=\"{GraphPalette.CycleColour}\" stroke-dasharray=\"4 2\"/>"));
        svg.Append(Invariant($"<text x=\"{F(x + 20)}\" y=\"{F(row + 11)}\" font-size=\"{F(DetailFont)}\" fill=\"#424242\">cycle</text>")).Append('\n');
        x += SwatchWidth("cycle");
        svg.Append(Invariant($"<rect x=\"{F(x)}\" y=\"{F(row + 1)}\" width=\"14\" height=\"12\" rx=\"3\" fill=\"#263238\"/>"));
        svg.Append(Invariant($"<text x=\"{F(x + 20)}\" y=\"{F(row + 11)}\" font-size=\"{F(DetailFont)}\" fill=\"#424242\">root</text>")).Append('\n');
        svg.Append("</g>\n");
    }

    private static string F(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Escape(string text)
    {
        StringBuilder escaped = new(text.Length);
        foreach (char c in text)
        {
            escaped.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&apos;",
                _ when char.IsControl(c) => " ",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }
}
