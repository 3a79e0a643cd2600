using System.Globalization;

namespace Reclaim.HeapGraph;

/// <summary>Colours, names and text shared by the DOT and SVG pictures, so both tell the same story.</summary>
internal static class GraphPalette
{
    public const string ChainColour = "#ef6c00";
    public const string StrongEdgeColour = "#455a64";
    public const string WeakEdgeColour = "#1e88e5";
    public const string CycleColour = "#8d6e63";
    public const string WeakDashes = "6 4";

    public static readonly SnapshotCondition[] Conditions =
    [
        SnapshotCondition.Alive,
        SnapshotCondition.Garbage,
        SnapshotCondition.Finalized,
        SnapshotCondition.Resurrected,
        SnapshotCondition.Cleared,
    ];

    public static string Fill(SnapshotCondition condition) => condition switch
    {
        SnapshotCondition.Alive => "#dcedc8",
        SnapshotCondition.Garbage => "#ffcdd2",
        SnapshotCondition.Finalized => "#ffe0b2",
        SnapshotCondition.Resurrected => "#e1bee7",
        _ => "#e0e0e0",
    };

    public static string Stroke(SnapshotCondition condition) => condition switch
    {
        SnapshotCondition.Alive => "#558b2f",
        SnapshotCondition.Garbage => "#c62828",
        SnapshotCondition.Finalized => "#e65100",
        SnapshotCondition.Resurrected => "#6a1b9a",
        _ => "#616161",
    };

    /// <summary>The CSS-friendly name of a condition (<c>garbage</c>).</summary>
    public static string Name(SnapshotCondition condition) => condition.ToString().ToLowerInvariant();

    /// <summary>What the legend says about a condition.</summary>
    public static string Legend(SnapshotCondition condition) => condition switch
    {
        SnapshotCondition.Alive => "alive",
        SnapshotCondition.Garbage => "garbage (no root reaches it)",
        SnapshotCondition.Finalized => "finalized garbage",
        SnapshotCondition.Resurrected => "resurrected",
        _ => "cleared, uncollectable",
    };

    /// <summary>The lines of text inside a node: its name, its type and count, then what makes it notable.</summary>
    public static List<string> NodeLines(SnapshotObject obj)
    {
        string generation = obj.Generation switch
        {
            SnapshotGeneration.Permanent => "permanent",
            SnapshotGeneration.Untracked => "untracked",
            _ => "gen " + ((int)obj.Generation).ToString(CultureInfo.InvariantCulture),
        };
        string counts = string.Create(CultureInfo.InvariantCulture, $"rc={obj.RefCount} {generation}");
        List<string> lines = [obj.DisplayName, obj.Label is null ? counts : $"{obj.TypeName} {counts}"];

        List<string> notes = [];
        if (obj.IsRoot)
        {
            notes.Add(obj.ExternalReferences != 0
                ? string.Create(CultureInfo.InvariantCulture, $"root: {obj.ExternalReferences} external")
                : "root: frozen");
        }

        if (obj.Finalizer != FinalizerStatus.None)
        {
            notes.Add(obj.Finalizer == FinalizerStatus.Pending ? "finalizer pending" : "finalizer ran");
        }

        if (obj.WeakReferenceCount > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{obj.WeakReferenceCount} weakref"));
        }

        if (obj.GarbageListEntries > 0)
        {
            notes.Add("in gc.garbage");
        }

        if (notes.Count > 0)
        {
            lines.Add(string.Join(", ", notes));
        }

        return lines;
    }
}
