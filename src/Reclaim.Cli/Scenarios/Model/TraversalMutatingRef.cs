// The defect below is the scenario: checked mode must catch it at run time, so the analyzer that would catch it at
// build time is silenced here and nowhere else.
#pragma warning disable RCL0003

namespace Reclaim.Cli.Scenarios.Model;

/// <summary>
/// PyO3 #3165's <c>Ref</c>: a container whose traversal can be told to do what PyO3's trampoline did —
/// drop a reference (crash2) or apply pending releases through a safe point (crash1).
/// </summary>
public sealed class TraversalMutatingRef : RcObject
{
    /// <summary>The reference (possibly to itself).</summary>
    public RcField<RcObject> Inner;

    /// <summary>When set, <see cref="TraverseReferences"/> releases <see cref="Inner"/> (crash2).</summary>
    public bool ClearOnTraverse { get; set; }

    /// <summary>When set, <see cref="TraverseReferences"/> applies the releases other threads queued (PyO3's pool update, crash1).</summary>
    public bool DrainOnTraverse { get; set; }

    /// <summary>Runs once in the next <see cref="TraverseReferences"/>, before the drain: another thread's release arrives mid-collection.</summary>
    public Action? BeforeDrain { get; set; }

    /// <summary>The exception the forbidden operation raised inside traversal, if any.</summary>
    public Exception? RefusedWith { get; private set; }

    /// <inheritdoc/>
    protected override void TraverseReferences(ref Visitor visitor)
    {
        try
        {
            if (ClearOnTraverse)
            {
                Inner.Clear();
            }

            if (DrainOnTraverse)
            {
                Action? arrive = BeforeDrain;
                BeforeDrain = null;
                arrive?.Invoke();
                Runtime.DrainPendingReleases();
            }
        }
        catch (TraversalViolationException exception)
        {
            RefusedWith = exception;
            throw;
        }

        visitor.Visit(Inner);
    }

    /// <inheritdoc/>
    protected override void ClearReferences() => Inner.Clear();
}
