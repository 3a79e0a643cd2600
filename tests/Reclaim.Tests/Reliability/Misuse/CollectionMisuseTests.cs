using Reclaim.Tests.Support;

namespace Reclaim.Tests.Reliability.Misuse;

/// <summary>
/// Misuse matrix, collect-during-collect rows: collections never nest. Asked for from any code a running collection
/// calls, <see cref="Gc.Collect"/> throws <see cref="CollectionInProgressException"/>, the running collection
/// completes with its full result, and the heap stays consistent. (From a finalizer and from a gc callback:
/// <c>GcCallbackTests</c>; from <c>TraverseReferences</c>: <see cref="TraversalMisuseTests"/>.)
/// One test per row; docs/reliability.md lists the rows.
/// </summary>
public sealed class CollectionMisuseTests
{
    /// <summary>One row per kind of code a collection runs that is not covered elsewhere.</summary>
    [Theory]
    [InlineData("weak-reference callback")]
    [InlineData("finalize callback")]
    [InlineData("OnFree of collected garbage")]
    public void Collect_FromCodeTheCollectionRuns_ThrowsCollectionInProgressAndCollectionCompletes(string caller)
    {
        using TestRuntime t = new();
        Exception? refused = null;
        Action nested = () => refused = Record.Exception(() => t.Gc.Collect(0));
        Node garbage;
        Owned<WeakRef>? weak = null;
        using (Owned<Node> ring = t.Ring(2))
        {
            garbage = ring.Value;
            switch (caller)
            {
                case "weak-reference callback":
                    weak = t.Runtime.WeakRef(garbage, _ => nested()).ToOwned();
                    break;
                case "finalize callback":
                    t.Runtime.AddFinalizer(garbage, nested);
                    break;
                default:
                    garbage.OnFreeAction = _ => nested();
                    break;
            }
        }

        CollectionResult result = t.Gc.Collect();

        CollectionInProgressException exception = Assert.IsType<CollectionInProgressException>(refused);
        Assert.Contains("Collect", exception.Message, StringComparison.Ordinal);
        Assert.Equal(2, result.Collected);
        Assert.Equal(0, result.Uncollectable);
        Assert.Equal(RcObjectState.Freed, garbage.State);
        Assert.Equal(1, t.Gc.GetStats()[2].Collections);
        Assert.Equal(0, t.Gc.GetStats()[0].Collections);
        Assert.False(t.Gc.IsCollecting);
        Assert.Empty(t.Unraisable);
        Assert.Equal(0, t.Runtime.PendingFinalizerCount);
        weak?.Dispose();
        HeapAssert.ConsistentAfterwards(t, expectedCollected: 0);
    }

    [Fact]
    public void Collect_UncaughtFromWeakRefCallback_ReportedOnceAndCollectionCompletes()
    {
        using TestRuntime t = new();
        Node garbage;
        Owned<WeakRef> weak;
        using (Owned<Node> ring = t.Ring(2))
        {
            garbage = ring.Value;
            weak = t.Runtime.WeakRef(ring.Value, _ => t.Gc.Collect()).ToOwned();
        }

        CollectionResult result = t.Gc.Collect();

        Assert.Equal(2, result.Collected);
        Assert.Equal(RcObjectState.Freed, garbage.State);
        UnraisableInfo report = Assert.Single(t.Unraisable);
        Assert.Equal(UnraisablePhase.WeakRefCallback, report.Phase);
        Assert.IsType<CollectionInProgressException>(report.Exception);
        weak.Dispose();
        HeapAssert.ConsistentAfterwards(t, expectedCollected: 0, expectedUnraisable: 1);
    }
}
