namespace Reclaim;

/// <summary>One object of a <see cref="HeapSnapshot"/>, as it was when the snapshot was taken.</summary>
/// <param name="Id">The object's id in this snapshot (0 to <see cref="HeapSnapshot.Count"/> − 1); ids are not stable across snapshots.</param>
/// <param name="Type">The object's .NET type.</param>
/// <param name="Label">What <see cref="HeapSnapshotOptions.Describe"/> said about the object, if anything.</param>
/// <param name="Generation">The collector list the object was in, or <see cref="SnapshotGeneration.Untracked"/>.</param>
/// <param name="RefCount">Its reference count.</param>
/// <param name="ExternalReferences">
/// References not explained by the heap: the count minus the strong references tracked objects of the snapshot hold
/// and minus those <see cref="Gc.Garbage"/> holds. Nonzero makes the object a root, as in the collector.
/// </param>
/// <param name="GarbageListEntries">How many entries of <see cref="Gc.Garbage"/> hold the object (a collection found it).</param>
/// <param name="State">Its life state.</param>
/// <param name="Finalizer">Whether its finalizer is pending, ran, or does not exist.</param>
/// <param name="WeakReferenceCount">How many weak references point at it.</param>
/// <param name="IsRoot">Whether the collector would treat it as a root: external references, or the permanent generation.</param>
/// <param name="Condition">How it stands with the collector: alive, garbage, finalized, resurrected or cleared.</param>
public readonly record struct SnapshotObject(
    int Id,
    Type Type,
    string? Label,
    SnapshotGeneration Generation,
    int RefCount,
    int ExternalReferences,
    int GarbageListEntries,
    RcObjectState State,
    FinalizerStatus Finalizer,
    int WeakReferenceCount,
    bool IsRoot,
    SnapshotCondition Condition)
{
    /// <summary>The type's short name.</summary>
    public string TypeName => Type.Name;

    /// <summary>The label if there is one, otherwise the type name followed by the id (<c>Node#12</c>).</summary>
    public string DisplayName => Label ?? $"{Type.Name}#{Id}";

    /// <summary>Whether the object is in a collector list (a generation or the permanent one).</summary>
    public bool IsTracked => Generation != SnapshotGeneration.Untracked;
}
