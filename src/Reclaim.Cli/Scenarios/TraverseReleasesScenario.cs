using Reclaim.Cli.Scenarios.Model;

namespace Reclaim.Cli.Scenarios;

/// <summary>
/// PyO3 #3165 crash2: during a collection, a traversal drops a reference (a1 releases a2), freeing an object
/// while the collector is mid-pass. Run in unchecked mode: traversal purity is not a checked-mode extra.
/// </summary>
public sealed class TraverseReleasesScenario : SeedScenario
{
    /// <inheritdoc/>
    public override string Seed => "002";

    /// <inheritdoc/>
    public override string Name => "traverse drops a reference (PyO3 crash2)";

    /// <inheritdoc/>
    public override string Original => "__traverse__ released a reference mid-collection; PyObject_GC_Del hit the collector's half-rewritten list: segfault";

    /// <summary>The object whose traversal misbehaves.</summary>
    public TraversalMutatingRef? A1 { get; private set; }

    /// <summary>The object it would have freed.</summary>
    public TraversalMutatingRef? A2 { get; private set; }

    /// <summary>What <see cref="Gc.Collect"/> threw.</summary>
    public TraversalViolationException? Refusal { get; private set; }

    /// <summary>A2's count right after the refused collection.</summary>
    public int A2CountAfterRefusal { get; private set; }

    /// <summary>The collection after the traversal was fixed.</summary>
    public CollectionResult Recovery { get; private set; }

    /// <inheritdoc/>
    public override ScenarioOutcome Run()
    {
        using Runtime runtime = CreateRuntime(checkedMode: false);
        Owned<TraversalMutatingRef> a1 = runtime.New<TraversalMutatingRef>().ToOwned();
        using (Owned<TraversalMutatingRef> a2 = runtime.New<TraversalMutatingRef>().ToOwned())
        {
            a1.Value.Inner.Set(a2.Value);
            a2.Value.Inner.Set(a1.Value);
            A1 = a1.Value;
            A2 = a2.Value;
        }

        ReachKeyMoment(
            runtime,
            "before gc.collect(): a1 <-> a2, a1 still held by its handle; a1's TraverseReferences is about to release a2",
            A2,
            ("a1", A1),
            ("a2", A2));
        A1.ClearOnTraverse = true;
        try
        {
            runtime.Gc.Collect();
        }
        catch (TraversalViolationException exception)
        {
            Refusal = exception;
        }

        A2CountAfterRefusal = A2.RefCount;
        bool intact = A2.State == RcObjectState.Alive && A2CountAfterRefusal == 1 && !A1.Inner.IsNull;

        A1.ClearOnTraverse = false;
        a1.Dispose();
        Recovery = runtime.Gc.Collect();
        bool passed = Refusal is not null && A1.RefusedWith is not null && intact
            && Recovery.Collected == 2 && A1.State == RcObjectState.Freed && A2.State == RcObjectState.Freed;
        return new ScenarioOutcome(
            passed,
            $"the release inside TraverseReferences threw {nameof(TraversalViolationException)}; the collection stopped with nothing freed (a2 count {A2CountAfterRefusal}); the next collection freed the cycle ({Recovery.Collected})");
    }
}
