using Reclaim.Cli.Scenarios.Model;

namespace Reclaim.Cli.Scenarios;

/// <summary>
/// PyO3 #3165 crash1: a traversal runs code that applies pending releases (PyO3's pool update inside the
/// <c>__traverse__</c> trampoline). In Reclaim releases queued by threads without the lock are applied only at safe
/// points, never inside a collection pass, and a drain from traversal is refused.
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

    /// <summary>Whether <see cref="B"/> was alive with its count and the other thread's queued release unchanged right after the refused collection.</summary>
    public bool BIntactAfterRefusal { get; private set; }

    /// <summary><see cref="B"/>'s count once the queued release was applied at the next collection's start (a safe point).</summary>
    public int BCountAfterSafePoint { get; private set; }

    /// <inheritdoc/>
    public override ScenarioOutcome Run()
    {
        using Runtime runtime = CreateRuntime(checkedMode: true);
        using Owned<TraversalMutatingRef> a = runtime.New<TraversalMutatingRef>().ToOwned();
        Owned<NoisyObject> b = runtime.Adopt(new NoisyObject { Name = "b" }).ToOwned();
        a.Value.Inner.Set(b.Value);
        A = a.Value;
        B = b.Value;

        ReachKeyMoment(runtime, "before gc.collect(): a -> b; during the collection another thread's release of b is queued and a's TraverseReferences drains the queue", B, ("a", A), ("b", B));

        // Mid-collection, a thread without the runtime lock drops its reference to b: the release is queued, as in
        // PyO3's pool (the start of the collection, a safe point, has already passed); then a's traversal drains it.
        A.BeforeDrain = () =>
        {
            var other = new Thread(b.Dispose);
            other.Start();
            other.Join();
        };
        A.DrainOnTraverse = true;
        try
        {
            runtime.Gc.Collect();
        }
        catch (TraversalViolationException exception)
        {
            Refusal = exception;
        }

        bool intact = B.State == RcObjectState.Alive && B.RefCount == 2 && runtime.PendingReleaseCount == 1;
        BIntactAfterRefusal = intact;
        A.DrainOnTraverse = false;
        CollectionResult after = runtime.Gc.Collect();
        BCountAfterSafePoint = B.RefCount;
        bool passed = Refusal is not null && intact && after.Collected == 0 && B.IsAlive && BCountAfterSafePoint == 1
            && runtime.PendingReleaseCount == 0;
        return new ScenarioOutcome(
            passed,
            $"the drain inside TraverseReferences threw {nameof(TraversalViolationException)}; nothing was applied or freed mid-pass; the next collection applied the queued release at its start, outside any pass");
    }
}
