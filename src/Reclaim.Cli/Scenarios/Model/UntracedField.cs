// The defect below is the scenario: checked mode must catch it at run time, so the analyzer that would catch it at
// build time is silenced here and nowhere else.
#pragma warning disable RCL0002

namespace Reclaim.Cli.Scenarios.Model;

/// <summary>
/// cffi's <c>CField</c>: holds a reference but takes no part in collection at all (no traversal, so it is an
/// untracked leaf). It releases its reference when freed.
/// </summary>
public sealed class UntracedField : RcObject
{
    /// <summary>The reference nobody reports.</summary>
    public RcField<RcObject> Type;

    /// <inheritdoc/>
    protected override void ClearReferences() => Type.Clear();
}
