using Reclaim.Tests.Support;

namespace Reclaim.Tests.Collection;

/// <summary><c>gc.callbacks</c> against CPython 3.11, and the ban on nested collections.</summary>
public sealed class GcCallbackTests
{
    [Fact]
    public void Collect_TwoCallbacks_EachSeesStartThenStopWithGenerationAndCounts()
    {
        using TestRuntime t = new();
        List<string> visits = [];
        List<GcCallbackInfo> infos = [];
        t.Gc.AddCallback((phase, info) =>
        {
            visits.Add($"1 {phase}");
            infos.Add(info);
        });
        t.Gc.AddCallback((phase, info) => visits.Add($"2 {phase}"));
        t.Ring(3).Dispose();

        t.Gc.Collect(1);

        // python3 (GCCallbackTests.test_collect): cb1 start, cb2 start, cb1 stop, cb2 stop; the start info has
        // collected = uncollectable = 0, the stop info the collection's results.
        Assert.Equal(["1 Start", "2 Start", "1 Stop", "2 Stop"], visits);
        Assert.Equal([new GcCallbackInfo(1, 0, 0), new GcCallbackInfo(1, 3, 0)], infos);
    }

    [Fact]
    public void Collect_CallbackThrows_ReportedAsGcCallbackAndCollectionCompletes()
    {
        using TestRuntime t = new();
        List<GcCallbackPhase> laterCallback = [];
        t.Gc.AddCallback((phase, _) => throw new InvalidOperationException($"boom {phase}"));
        t.Gc.AddCallback((phase, _) => laterCallback.Add(phase));
        Node garbage;
        using (Owned<Node> ring = t.Ring(2))
        {
            garbage = ring.Value;
        }

        CollectionResult result = t.Gc.Collect();

        // python3: "Exception ignored in: <function bad>" twice (start and stop); gc.collect() still returns 1.
        Assert.Equal(2, result.Collected);
        Assert.Equal(RcObjectState.Freed, garbage.State);
        Assert.Equal([GcCallbackPhase.Start, GcCallbackPhase.Stop], laterCallback);
        Assert.Equal(2, t.Unraisable.Count);
        Assert.All(t.Unraisable, u => Assert.Equal(UnraisablePhase.GcCallback, u.Phase));
        Assert.Equal("boom Start", t.Unraisable[0].Exception.Message);
        Assert.Equal("boom Stop", t.Unraisable[1].Exception.Message);
        Assert.False(t.Gc.IsCollecting);
    }

    [Fact]
    public void Collect_CallbackRemovesItself_RestStillCalledAndItIsNotCalledAgain()
    {
        using TestRuntime t = new();
        List<string> visits = [];
        Action<GcCallbackPhase, GcCallbackInfo>? first = null;
        first = (phase, _) =>
        {
            visits.Add($"1 {phase}");
            Assert.True(t.Gc.RemoveCallback(first!));
        };
        t.Gc.AddCallback(first);
        t.Gc.AddCallback((phase, _) => visits.Add($"2 {phase}"));

        t.Gc.Collect();
        t.Gc.Collect();

        // The callbacks registered when a phase starts all run for that phase. (CPython 3.11 walks the live list
        // and so skips the callback after one that removes itself: it prints [c1 start, c2 stop].)
        Assert.Equal(["1 Start", "2 Start", "2 Stop", "2 Start", "2 Stop"], visits);
        Assert.False(t.Gc.RemoveCallback(first));
    }

    [Fact]
    public void Collect_CallbackAddsAnother_NewOneStartsWithNextPhase()
    {
        using TestRuntime t = new();
        List<string> visits = [];
        bool added = false;
        t.Gc.AddCallback((phase, _) =>
        {
            visits.Add($"1 {phase}");
            if (!added)
            {
                added = true;
                t.Gc.AddCallback((p, _) => visits.Add($"2 {p}"));
            }
        });

        t.Gc.Collect();

        Assert.Equal(["1 Start", "1 Stop", "2 Stop"], visits);
    }

    [Fact]
    public void RemoveCallback_NeverRegistered_ReturnsFalse()
    {
        using TestRuntime t = new();
        Assert.False(t.Gc.RemoveCallback((_, _) => { }));
        Assert.Throws<ArgumentNullException>(() => t.Gc.AddCallback(null!));
    }

    [Fact]
    public void Collect_FromGcCallback_ThrowsCollectionInProgress()
    {
        using TestRuntime t = new();
        List<Exception> caught = [];
        List<bool> collecting = [];
        t.Gc.AddCallback((phase, _) =>
        {
            collecting.Add(t.Gc.IsCollecting);
            try
            {
                t.Gc.Collect(0);
            }
            catch (CollectionInProgressException exception)
            {
                caught.Add(exception);
            }
        });
        t.Ring(2).Dispose();

        CollectionResult result = t.Gc.Collect();

        // CPython's gc.collect() returns 0 here without collecting; Reclaim refuses loudly. Either way no nesting.
        Assert.Equal(2, result.Collected);
        Assert.Equal([true, true], collecting);
        Assert.Equal(2, caught.Count);
        Assert.All(caught, e => Assert.Contains("Collect", e.Message, StringComparison.Ordinal));
        Assert.Equal(1, t.Gc.GetStats()[2].Collections);
        Assert.Equal(0, t.Gc.GetStats()[0].Collections);
    }

    [Fact]
    public void Collect_UncaughtFromGcCallback_ReportedAsUnraisable()
    {
        using TestRuntime t = new();
        t.Gc.AddCallback((_, _) => t.Gc.Collect());

        CollectionResult result = t.Gc.Collect();

        Assert.Equal(2, result.Generation);
        Assert.Equal(2, t.Unraisable.Count);
        Assert.All(t.Unraisable, u =>
        {
            Assert.Equal(UnraisablePhase.GcCallback, u.Phase);
            Assert.IsType<CollectionInProgressException>(u.Exception);
        });
    }

    [Fact]
    public void Collect_FromFinalizer_ReportedAsUnraisableAndCollectionCompletes()
    {
        using TestRuntime t = new();
        FinalizableNode node = t.FinalizableSelfCycle(_ => t.Gc.Collect());

        CollectionResult result = t.Gc.Collect();

        Assert.Equal(1, result.Collected);
        Assert.Equal(RcObjectState.Freed, node.State);
        UnraisableInfo report = Assert.Single(t.Unraisable);
        Assert.Equal(UnraisablePhase.Finalizer, report.Phase);
        Assert.Same(node, report.Object);
        Assert.Equal(typeof(FinalizableNode), report.ObjectType);
        Assert.IsType<CollectionInProgressException>(report.Exception);
        Assert.False(t.Gc.IsCollecting);
        HeapAssert.ConsistentAfterwards(t);
    }

    [Fact]
    public void Collect_AutomaticCollection_RunsCallbacksWithItsGeneration()
    {
        using TestRuntime t = new(automaticCollection: true);
        List<(GcCallbackPhase, GcCallbackInfo)> calls = [];
        t.Gc.AddCallback((phase, info) => calls.Add((phase, info)));
        t.Gc.SetThreshold(3);
        t.Ring(2).Dispose();
        using Owned<Node> a = t.Node();
        using Owned<Node> b = t.Node();

        Assert.Equal([(GcCallbackPhase.Start, new GcCallbackInfo(0, 0, 0)), (GcCallbackPhase.Stop, new GcCallbackInfo(0, 2, 0))], calls);
    }
}
