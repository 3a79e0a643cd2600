namespace Reclaim.Cli.Scenarios.Model;

/// <summary>
/// A step of an interpreter's shutdown, run when the object is freed: made garbage in a self-cycle, it runs during the
/// runtime's final collection, after the objects allocated before it (the order in which the collector frees garbage).
/// </summary>
public sealed class ShutdownStep : RcObject
{
    /// <summary>The reference that makes the step a self-cycle.</summary>
    public RcField<RcObject> Self;

    /// <summary>What the step does.</summary>
    public Action? Action { get; init; }

    /// <inheritdoc/>
    protected override void TraverseReferences(ref Visitor visitor) => visitor.Visit(Self);

    /// <inheritdoc/>
    protected override void ClearReferences() => Self.Clear();

    /// <inheritdoc/>
    protected override void OnFree() => Action?.Invoke();
}
