using Reclaim.Cli.Scenarios.Model;

namespace Reclaim.Cli.Scenarios;

/// <summary>
/// PyO3 #3165 crash1: a traversal runs code that applies pending releases (PyO3's pool update inside the
/// <c>__traverse__</c> trampoline). In Reclaim pending work is applied only at safe points, and a safe point
/// inside traversal is refused.
/// </summary>
public sealed class TraverseDrainsScenario : SeedScenario
{
    /// <inheritdoc/>
    public override string Seed => "002";

    /// <inheritdoc/>
    public override string Name => "traverse applies pending releases (PyO3 crash1)";

    /// <inheritdoc/>
    public override string Original => "__traverse__ applied deferred decrefs, freeing b during the pass: corrupted PyGC_Head, segfault";

    /// <summary>What <see cref="Gc.Collect"/> threw.</summary>
    public TraversalViolationException? Refusal { get; private set; }

    /// <summary>The object whose traversal misbehaves.</summary>
    public TraversalMutatingRef? A { get; private set; }

    /// <summary>An object referenced only from <see cref="A"/>.</summary>
    public NoisyObject? B { get; private set; }

    /// <summary>Whether <see cref="B"/> was alive with its count unchanged right after the refused collection.</summary>
    public bool BIntactAfterRefusal { get; private set; }

    /// <inheritdoc/>
    public override ScenarioOutcome Run()
    {
        using Runtime runtime = CreateRuntime(checkedMode: true);
        using Owned<TraversalMutatingRef> a = runtime.New<TraversalMutatingRef>();
        using (Owned<NoisyObject> b = runtime.Adopt(new NoisyObject { Name = "b" }))
        {
            a.Value.Inner.Set(b.Value);
            A = a.Value;
            B = b.Value;
        }

        ReachKeyMoment(
            runtime,
            "before gc.collect(): a holds b; a's Traverse is about to apply pending releases through a safe point",
            B,
            ("a", A));
        A.SafePointOnTraverse = true;
        try
        {
            runtime.Gc.Collect();
        }
        catch (TraversalViolationException exception)
        {
            Refusal = exception;
        }

        bool intact = B.State == RcObjectState.Alive && B.RefCount == 1;
        BIntactAfterRefusal = intact;
        A.SafePointOnTraverse = false;
        CollectionResult after = runtime.Gc.Collect();
        bool passed = Refusal is not null && intact && after.Collected == 0 && B.IsAlive;
        return new ScenarioOutcome(
            passed,
            $"the safe point inside Traverse threw {nameof(TraversalViolationException)}; nothing was applied or freed mid-pass; the next collection ran normally");
    }
}
