using Reclaim.Tests.Support;

namespace Reclaim.Tests.Threading;

public sealed class ShutdownTests
{
    [Fact]
    public void At_exit_callbacks_run_newest_first_once_with_failures_reported()
    {
        var test = new TestRuntime();
        var order = new List<string>();
        test.Runtime.AtExit(() => order.Add("first"));
        AtExitRegistration unregistered = test.Runtime.AtExit(() => order.Add("unregistered"));
        test.Runtime.AtExit(() => throw new InvalidOperationException("at-exit failed"));
        test.Runtime.AtExit(() =>
        {
            order.Add("last");
            test.Runtime.AtExit(() => order.Add("registered while running"));
        });
        unregistered.Dispose();

        ShutdownReport report = test.Runtime.Shutdown();

        // As CPython 3.11's atexit: a callback registered during the pass is accepted and never run (finding 4).
        Assert.Equal(["last", "first"], order);
        Assert.Equal(3, report.AtExitCallbacksRun);
        UnraisableInfo failure = Assert.Single(test.Unraisable);
        Assert.Equal(UnraisablePhase.AtExit, failure.Phase);
        Assert.Equal(1, report.UnraisableDuringShutdown);
        Assert.False(unregistered.IsRegistered);
    }

    [Fact]
    public void The_description_says_shut_down_not_finalized()
    {
        var test = new TestRuntime();
        Assert.Contains("shutDown=False", test.Runtime.ToString(), StringComparison.Ordinal);
        test.Runtime.Shutdown();
        // "Finalized" is reserved for an object whose finalizer ran; a runtime is shut down.
        Assert.Contains("shutDown=True", test.Runtime.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("finalized", test.Runtime.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Roots_are_released_newest_first_after_the_final_collections_with_the_state_finalizing()
    {
        var test = new TestRuntime();
        var freed = new List<string>();
        RuntimeState? stateWhileReleasing = null;
        foreach (string name in new[] { "builtins", "module-a", "module-b" })
        {
            Node node = test.Runtime.Adopt(new Node { Name = name, OnFreeAction = n => { freed.Add(n.Name); stateWhileReleasing = test.Runtime.State; } }).Take();
            test.Runtime.AddRoot(name, node);
            node.Release();
        }

        ShutdownReport report = test.Runtime.Shutdown();

        Assert.Equal(["module-b", "module-a", "builtins"], freed);
        Assert.Equal(["module-b", "module-a", "builtins"], report.RootsReleased);
        Assert.Equal(RuntimeState.ShuttingDown, stateWhileReleasing);
        Assert.Empty(test.Runtime.Roots);
    }

    [Fact]
    public void A_root_disposed_early_releases_its_reference_once()
    {
        using var test = new TestRuntime();
        using Owned<Node> node = test.Node();
        RuntimeRoot root = test.Runtime.AddRoot("early", node.Value);
        Assert.Equal(2, node.Value.RefCount);

        root.Dispose();
        root.Dispose();

        Assert.Equal(1, node.Value.RefCount);
        Assert.False(root.IsHeld);
    }

    [Fact]
    public void The_report_counts_collections_and_what_stays_alive_by_type()
    {
        var test = new TestRuntime();
        using (Owned<Node> ring = test.Ring(10))
        {
        }

        // A leaked reference keeps one node alive past shutdown: it is reported, not freed.
        Node leaked = test.Runtime.Adopt(new Node()).Take();

        ShutdownReport report = test.Runtime.Shutdown();

        Assert.Equal(10, report.ObjectsCollected);
        // One that frees the ring, one that frees nothing (the loop stops), one after the roots are released.
        Assert.Equal(3, report.CollectionsRun);
        Assert.False(report.CollectionLimitReached);
        Assert.Equal(1, report.AliveCount);
        Assert.Equal(1, report.AliveByType["Node"]);
        Assert.Equal(RcObjectState.Alive, leaked.State);
        Assert.Contains("still alive: 1 (Node=1)", report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Final_collections_are_bounded_when_finalizers_keep_making_garbage()
    {
        var test = new TestRuntime();
        void Breed(FinalizableNode dying) => test.FinalizableSelfCycle(Breed);
        test.FinalizableSelfCycle(Breed);

        ShutdownReport report = test.Runtime.Shutdown(new ShutdownOptions { MaxFinalCollections = 3 });

        Assert.True(report.CollectionLimitReached);
        Assert.Equal(4, report.CollectionsRun);
        Assert.Equal(RuntimeState.ShutDown, test.Runtime.State);
    }

    [Fact]
    public void Fast_exit_skips_final_collections_and_roots_and_says_so()
    {
        var test = new TestRuntime();
        using (Owned<Node> ring = test.Ring(3))
        {
        }

        using (Owned<Node> kept = test.Node("kept"))
        {
            test.Runtime.AddRoot("kept-root", kept.Value);
        }

        bool atExitRan = false;
        test.Runtime.AtExit(() => atExitRan = true);

        ShutdownReport report = test.Runtime.Shutdown(new ShutdownOptions { FastExit = true });

        Assert.True(atExitRan);
        Assert.True(report.FastExit);
        Assert.Equal(0, report.CollectionsRun);
        Assert.Empty(report.RootsReleased);
        Assert.Equal(2, report.Skipped.Count);
        Assert.Contains("4 tracked objects", report.Skipped[0], StringComparison.Ordinal);
        Assert.Contains("kept-root", report.Skipped[1], StringComparison.Ordinal);
        Assert.Equal(4, report.AliveCount);
    }

    [Fact]
    public void Shutdown_is_idempotent_and_dispose_reaches_it()
    {
        var test = new TestRuntime();
        ShutdownReport first = test.Runtime.Shutdown();

        test.Runtime.Dispose();

        Assert.Same(first, test.Runtime.Shutdown());
        Assert.Same(first, test.Runtime.LastShutdownReport);
        Assert.Equal(RuntimeState.ShutDown, test.Runtime.State);
    }

    [Fact]
    public void Shutdown_from_its_own_at_exit_callback_is_refused()
    {
        var test = new TestRuntime();
        Exception? reentrant = null;
        test.Runtime.AtExit(() => reentrant = Record.Exception(() => test.Runtime.Shutdown()));

        test.Runtime.Shutdown();

        Assert.IsType<ReentrantShutdownException>(reentrant);
    }

    [Fact]
    public void After_shutdown_every_call_fails_clearly_and_outliving_handles_are_harmless()
    {
        var test = new TestRuntime();
        Owned<Node> node = test.Node();
        ThreadAttachment attachment = test.Runtime.Attach();
        test.Runtime.Shutdown();

        Assert.Throws<RuntimeShutDownException>(() => test.Runtime.New<Node>().ToOwned());
        Assert.Throws<RuntimeShutDownException>(() => test.Gc.Collect());
        Assert.Throws<RuntimeShutDownException>(() => test.Runtime.AtExit(() => { }));
        Assert.Throws<RuntimeShutDownException>(() => test.Runtime.AddRoot("late", node.Peek!));
        Assert.Throws<RuntimeShutDownException>(() => test.Runtime.Attach());
        Assert.Throws<RuntimeShutDownException>(() => test.Runtime.DrainPendingReleases());
        node.Dispose();
        Assert.False(node.HasValue);

        // The thread state behind this handle was invalidated: disposing it touches nothing.
        attachment.Dispose();
        Assert.Equal(RuntimeState.ShutDown, test.Runtime.State);
    }

    [Fact]
    public void Shutdown_options_reject_a_zero_collection_limit()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new ShutdownOptions { MaxFinalCollections = 0 });
        Assert.Contains("FastExit", error.Message, StringComparison.Ordinal);
    }
}
