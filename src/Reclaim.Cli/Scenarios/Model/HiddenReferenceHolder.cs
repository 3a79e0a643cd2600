// The defect below is the scenario: checked mode must catch it at run time, so the analyzer that would catch it at
// build time is silenced here and nowhere else.
#pragma warning disable RCL0001

namespace Reclaim.Cli.Scenarios.Model;

/// <summary>
/// A container with a bug: it owns a reference its <see cref="TraverseReferences"/> does not report (Neil's <c>Y</c>,
/// a type without <c>tp_traverse</c>). It does drop the reference when cleared or freed.
/// </summary>
public sealed class HiddenReferenceHolder : RcObject
{
    /// <summary>Reported to the collector.</summary>
    public RcField<RcObject> Visible;

    /// <summary>Not reported to the collector: the bug.</summary>
    public RcField<RcObject> Hidden;

    /// <inheritdoc/>
    protected override void TraverseReferences(ref Visitor visitor) => visitor.Visit(Visible);

    /// <inheritdoc/>
    protected override void ClearReferences()
    {
        Visible.Clear();
        Hidden.Clear();
    }
}
