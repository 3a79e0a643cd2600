using System.Globalization;
using System.Text;

namespace Reclaim.HeapGraph;

/// <summary>Writes a <see cref="HeapPicture"/> as Graphviz DOT: the same colours, cycle boxes and chain as the SVG.</summary>
internal static class DotWriter
{
    public static void Write(HeapPicture graph, TextWriter writer)
    {
        writer.WriteLine("digraph heap {");
        writer.WriteLine($"  graph [rankdir=TB, fontname=\"Helvetica\", labelloc=t, label={Quote(Caption(graph))}];");
        writer.WriteLine("  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=11];");
        writer.WriteLine($"  edge [color=\"{GraphPalette.StrongEdgeColour}\", arrowsize=0.7];");

        HashSet<int> clustered = [];
        for (int c = 0; c < graph.Cycles.Count; c++)
        {
            int[] members = graph.Cycles[c];
            writer.WriteLine(Invariant($"  subgraph cluster_cycle{c} {{"));
            writer.WriteLine(Invariant($"    label=\"cycle of {members.Length}\"; style=\"rounded,dashed\"; color=\"{GraphPalette.CycleColour}\"; fontcolor=\"{GraphPalette.CycleColour}\";"));
            foreach (int member in members)
            {
                WriteNode(graph, member, writer, "    ");
                clustered.Add(member);
            }

            writer.WriteLine("  }");
        }

        for (int i = 0; i < graph.Objects.Count; i++)
        {
            if (!clustered.Contains(i))
            {
                WriteNode(graph, i, writer, "  ");
            }
        }

        foreach (GraphEdge edge in graph.Edges)
        {
            List<string> attributes = [];
            if (edge.Kind == SnapshotEdgeKind.Weak)
            {
                attributes.Add($"style=dashed, color=\"{GraphPalette.WeakEdgeColour}\"");
            }

            if (edge.OnChain)
            {
                attributes.Add($"color=\"{GraphPalette.ChainColour}\", penwidth=3");
            }

            if (edge.Count > 1)
            {
                attributes.Add(Invariant($"label=\"×{edge.Count}\""));
            }

            string suffix = attributes.Count == 0 ? "" : $" [{string.Join(", ", attributes)}]";
            writer.WriteLine($"  {NodeName(graph, edge.From)} -> {NodeName(graph, edge.To)}{suffix};");
        }

        writer.WriteLine("}");
    }

    private static void WriteNode(HeapPicture graph, int position, TextWriter writer, string indent)
    {
        SnapshotObject obj = graph.Objects[position];
        string label = string.Join("\n", GraphPalette.NodeLines(obj));
        StringBuilder attributes = new();
        attributes.Append("label=").Append(Quote(label))
            .Append(", fillcolor=\"").Append(GraphPalette.Fill(obj.Condition))
            .Append("\", color=\"").Append(graph.OnChain[position] ? GraphPalette.ChainColour : GraphPalette.Stroke(obj.Condition)).Append('"');
        if (graph.OnChain[position])
        {
            attributes.Append(", penwidth=3");
        }
        else if (obj.IsRoot)
        {
            attributes.Append(", penwidth=2");
        }

        attributes.Append(", class=\"").Append(GraphPalette.Name(obj.Condition)).Append('"');
        writer.WriteLine($"{indent}{NodeName(graph, position)} [{attributes}];");
    }

    private static string Caption(HeapPicture graph)
    {
        string caption = graph.Caption is null ? graph.Title : graph.Title + "\n" + graph.Caption;
        return graph.OmittedCount == 0 ? caption : Invariant($"{caption}\n({graph.OmittedCount} more objects not drawn)");
    }

    private static string NodeName(HeapPicture graph, int position) => Invariant($"n{graph.Objects[position].Id}");

    /// <summary>A DOT string literal: backslashes and quotes escaped, line breaks as <c>\n</c>.</summary>
    private static string Quote(string text)
    {
        StringBuilder quoted = new("\"");
        foreach (char c in text)
        {
            switch (c)
            {
                case '"':
                    quoted.Append("\\\"");
                    break;
                case '\\':
                    quoted.Append("\\\\");
                    break;
                case '\n':
                    quoted.Append("\\n");
                    break;
                case '\r':
                    break;
                default:
                    quoted.Append(c);
                    break;
            }
        }

        return quoted.Append('"').ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
