namespace Reclaim;

/// <summary>How <see cref="HeapSnapshot.Take"/> describes objects.</summary>
public sealed class HeapSnapshotOptions
{
    /// <summary>
    /// Gives an object a label for reports and pictures (a variable name, a key), or <see langword="null"/> for none.
    /// It runs while the snapshot is taken, under the same guard as <see cref="RcObject.TraverseReferences"/>: it may read the
    /// object but any reference-count change, allocation or call into the runtime throws
    /// <see cref="TraversalViolationException"/>, and so does the snapshot.
    /// </summary>
    public Func<RcObject, string?>? Describe { get; init; }
}
