using Reclaim.Tests.Support;

namespace Reclaim.Tests.Lifecycle;

public sealed class DeferredWorkTests
{
    [Fact]
    public void Deferred_work_waits_for_the_next_safe_point_and_runs_in_order()
    {
        using var test = new TestRuntime();
        var ran = new List<int>();
        test.Runtime.Defer(() => ran.Add(1));
        test.Runtime.Defer(() => ran.Add(2));

        Assert.Empty(ran);
        Assert.Equal(2, test.Runtime.DeferredWorkCount);

        test.Runtime.SafePoint();

        Assert.Equal([1, 2], ran);
        Assert.Equal(0, test.Runtime.DeferredWorkCount);
    }

    [Fact]
    public void Work_deferred_by_deferred_work_waits_for_the_next_safe_point()
    {
        using var test = new TestRuntime();
        var ran = new List<string>();
        test.Runtime.Defer(() =>
        {
            ran.Add("outer");
            test.Runtime.Defer(() => ran.Add("inner"));
        });

        test.Runtime.SafePoint();
        Assert.Equal(["outer"], ran);
        Assert.Equal(1, test.Runtime.DeferredWorkCount);

        test.Runtime.SafePoint();
        Assert.Equal(["outer", "inner"], ran);
    }

    /// <summary>Finding 4 of issue 12: work that re-defers itself used to keep the safe point from ever returning.</summary>
    [Fact]
    public void Finding4_WorkThatRedefersItself_RunsOncePerSafePointAndTheSafePointReturns()
    {
        using var test = new TestRuntime();
        int runs = 0;
        void Again()
        {
            runs++;
            test.Runtime.Defer(Again);
        }

        test.Runtime.Defer(Again);
        test.Runtime.SafePoint();
        test.Runtime.SafePoint();
        test.Gc.Collect();

        Assert.Equal(3, runs);
        Assert.Equal(1, test.Runtime.DeferredWorkCount);
    }

    [Fact]
    public void The_start_of_a_collection_is_a_safe_point()
    {
        using var test = new TestRuntime();
        bool ran = false;
        test.Runtime.Defer(() => ran = true);

        test.Gc.Collect();

        Assert.True(ran);
    }

    [Fact]
    public void A_failing_deferred_action_is_reported_and_the_rest_still_run()
    {
        using var test = new TestRuntime();
        bool secondRan = false;
        test.Runtime.Defer(() => throw new InvalidOperationException("boom"));
        test.Runtime.Defer(() => secondRan = true);

        test.Runtime.SafePoint();

        Assert.True(secondRan);
        UnraisableInfo info = Assert.Single(test.Unraisable);
        Assert.Equal(UnraisablePhase.DeferredWork, info.Phase);
        Assert.Equal("boom", info.Exception.Message);
    }

    [Fact]
    public void Defer_rejects_null_and_a_finalized_runtime()
    {
        var test = new TestRuntime();
        Assert.Throws<ArgumentNullException>(() => test.Runtime.Defer(null!));
        test.Dispose();
        Assert.Throws<RuntimeShutDownException>(() => test.Runtime.Defer(() => { }));
    }

    [Fact]
    public void State_moves_from_running_to_finalized()
    {
        var test = new TestRuntime();
        RuntimeState? seenDuringShutdown = null;
        Owned<Node> keptUntilShutdown = test.Node("kept");
        test.Runtime.AddFinalizer(keptUntilShutdown.Value, () => seenDuringShutdown = test.Runtime.State);

        Assert.Equal(RuntimeState.Running, test.Runtime.State);
        test.Runtime.Dispose();

        Assert.Equal(RuntimeState.ShutDown, test.Runtime.State);
        // At-exit work runs before the runtime starts finalizing, as CPython runs atexit before finalization.
        Assert.Equal(RuntimeState.Running, seenDuringShutdown);
    }
}
