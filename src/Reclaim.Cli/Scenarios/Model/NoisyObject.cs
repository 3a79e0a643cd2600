namespace Reclaim.Cli.Scenarios.Model;

/// <summary>A plain container with a name, used to fill out object graphs.</summary>
public sealed class NoisyObject : RcObject
{
    /// <summary>A reference slot.</summary>
    public RcField<RcObject> Ref;

    /// <summary>The object's name in the scenario.</summary>
    public string Name { get; init; } = "";

    /// <inheritdoc/>
    protected override void TraverseReferences(ref Visitor visitor) => visitor.Visit(Ref);

    /// <inheritdoc/>
    protected override void ClearReferences() => Ref.Clear();
}
