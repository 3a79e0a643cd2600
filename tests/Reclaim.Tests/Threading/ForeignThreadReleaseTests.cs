using System.Runtime.CompilerServices;
using Reclaim.Tests.Support;

namespace Reclaim.Tests.Threading;

public sealed class ForeignThreadReleaseTests
{
    [Fact]
    public void An_increment_without_the_lock_throws_naming_type_and_threads_and_changes_nothing()
    {
        using var test = new TestRuntime();
        using Owned<Node> node = test.Node();

        var refused = Assert.IsType<LockNotHeldException>(OtherThread.Run(node.Value.AddRef));

        Assert.Contains("AddRef on a 'Node'", refused.Message, StringComparison.Ordinal);
        Assert.Equal(Environment.CurrentManagedThreadId, refused.OwnerThreadId);
        Assert.NotEqual(refused.OwnerThreadId, refused.CallingThreadId);
        Assert.Equal(1, node.Value.RefCount);
    }

    [Fact]
    public void Allocation_stores_and_collections_without_the_lock_are_refused()
    {
        using var test = new TestRuntime();
        using Owned<Node> holder = test.Node("holder");
        using Owned<Node> value = test.Node("value");
        holder.Value.Next.Set(value.Value);

        Assert.IsType<LockNotHeldException>(OtherThread.Run(() => test.Runtime.New<Node>().ToOwned()));
        Assert.IsType<LockNotHeldException>(OtherThread.Run(() => holder.Value.Next.Clear()));
        Assert.IsType<LockNotHeldException>(OtherThread.Run(() => holder.Value.Other.Set(value.Value)));
        Assert.IsType<LockNotHeldException>(OtherThread.Run(() => test.Gc.Collect()));
        Assert.IsType<LockNotHeldException>(OtherThread.Run(test.Runtime.SafePoint));

        // Every refusal left the heap as it was.
        Assert.Same(value.Value, holder.Value.Next.Value);
        Assert.Null(holder.Value.Other.Value);
        Assert.Equal(2, value.Value.RefCount);
    }

    [Fact]
    public void A_release_without_the_lock_is_queued_and_applied_at_the_next_safe_point()
    {
        using var test = new TestRuntime();
        Node node = test.Runtime.Adopt(new Node()).Take();

        Assert.Null(OtherThread.Run(node.Release));

        Assert.Equal(1, node.RefCount);
        Assert.Equal(1, test.Runtime.PendingReleaseCount);
        Assert.Equal(1, test.Runtime.GetStats().PendingReleases);

        test.Runtime.SafePoint();

        Assert.Equal(RcObjectState.Freed, node.State);
        Assert.Equal(0, test.Runtime.PendingReleaseCount);
        Assert.Equal(1, test.Runtime.GetStats().PendingReleasesApplied);
    }

    [Theory]
    [InlineData("attach")]
    [InlineData("reacquire")]
    [InlineData("collection")]
    [InlineData("drain")]
    public void Every_safe_point_applies_queued_releases(string safePoint)
    {
        using var test = new TestRuntime();
        Node node = test.Runtime.Adopt(new Node()).Take();
        Assert.Null(OtherThread.Run(node.Release));
        Assert.Equal(RcObjectState.Alive, node.State);

        switch (safePoint)
        {
            case "attach":
                // A thread that takes the lock applies them; the main thread lends it the lock to do so.
                using (test.Runtime.Detach())
                {
                    Assert.Null(OtherThread.Run(() => test.Runtime.Attach().Dispose()));
                }

                break;
            case "reacquire":
                test.Runtime.Detach().Dispose();
                break;
            case "collection":
                test.Gc.Collect(0);
                break;
            case "drain":
                Assert.Equal(1, test.Runtime.DrainPendingReleases());
                break;
        }

        Assert.Equal(RcObjectState.Freed, node.State);
    }

    [Fact]
    public void Queued_releases_are_never_applied_inside_a_collection()
    {
        using var test = new TestRuntime();
        Node queued = test.Runtime.Adopt(new Node()).Take();
        int drainedInsideCollection = -1;
        RcObjectState stateAfterSafePointInsideCollection = RcObjectState.Unborn;
        test.FinalizableSelfCycle(_ =>
        {
            // A finalizer run by the collection: the other thread's release arrives now, and neither an explicit
            // drain nor a safe point inside the collection applies it.
            Assert.Null(OtherThread.Run(queued.Release));
            drainedInsideCollection = test.Runtime.DrainPendingReleases();
            test.Runtime.SafePoint();
            stateAfterSafePointInsideCollection = queued.State;
        });

        test.Gc.Collect();

        Assert.Equal(0, drainedInsideCollection);
        Assert.Equal(RcObjectState.Alive, stateAfterSafePointInsideCollection);
        Assert.Equal(1, test.Runtime.PendingReleaseCount);
        test.Runtime.SafePoint();
        Assert.Equal(RcObjectState.Freed, queued.State);
    }

    [Fact]
    public void A_drain_from_traversal_is_a_violation()
    {
        using var test = new TestRuntime();
        using Owned<DrainingTraverseNode> node = test.Runtime.New<DrainingTraverseNode>().ToOwned();
        node.Value.Next.Set(node.Value);

        var violation = Assert.Throws<TraversalViolationException>(() => test.Gc.Collect());

        Assert.Contains("DrainPendingReleases", violation.Message, StringComparison.Ordinal);
        node.Value.Next.Clear();
    }

    [Fact]
    public void A_queued_double_release_is_reported_when_applied_and_nothing_else_happens()
    {
        using var test = new TestRuntime();
        Node node = test.Runtime.Adopt(new Node()).Take();
        node.Release();
        Assert.Equal(RcObjectState.Freed, node.State);

        Assert.Null(OtherThread.Run(node.Release));
        test.Runtime.SafePoint();

        UnraisableInfo report = Assert.Single(test.Unraisable);
        Assert.Equal(UnraisablePhase.PendingRelease, report.Phase);
        Assert.IsType<DoubleReleaseException>(report.Exception);
        Assert.Same(node, report.Object);
    }

    [Fact]
    public void Disposing_an_owned_handle_on_another_thread_queues_its_release()
    {
        using var test = new TestRuntime();
        Owned<Node> owned = test.Node();
        Node node = owned.Value;

        Assert.Null(OtherThread.Run(owned.Dispose));

        Assert.False(owned.HasValue);
        Assert.Equal(RcObjectState.Alive, node.State);
        test.Runtime.SafePoint();
        Assert.Equal(RcObjectState.Freed, node.State);
    }

    [Fact]
    public void An_owned_handle_nobody_disposed_is_released_through_the_dotnet_finalizer_queue()
    {
        using var test = new TestRuntime();
        WeakReference<Node> node = AbandonOwnedHandle(test.Runtime, out Func<RcObjectState> stateOf);

        GC.Collect();
        GC.WaitForPendingFinalizers();

        Assert.Equal(1, test.Runtime.PendingReleaseCount);
        Assert.Equal(RcObjectState.Alive, stateOf());
        test.Runtime.SafePoint();
        Assert.Equal(RcObjectState.Freed, stateOf());
        Assert.True(node.TryGetTarget(out _));
    }

    [Fact]
    public void A_release_arriving_after_shutdown_is_counted_and_never_applied()
    {
        var test = new TestRuntime();
        Node node = test.Runtime.Adopt(new Node()).Take();
        test.Runtime.AddRoot("keeps the node", node);
        node.Release();
        ShutdownReport report = test.Runtime.Shutdown();
        Assert.Equal(RcObjectState.Freed, node.State);

        Assert.Null(OtherThread.Run(node.Release));

        RuntimeStats stats = test.Runtime.GetStats();
        Assert.Equal(1, stats.LateReleases);
        Assert.Equal(0, stats.PendingReleases);
        Assert.Equal(0, report.LateReleasesDiscarded);
        Assert.Empty(test.Unraisable);
    }

    [Fact]
    public void Releases_queued_before_shutdown_are_applied_by_it_and_reported()
    {
        var test = new TestRuntime();
        Node node = test.Runtime.Adopt(new Node()).Take();
        Assert.Null(OtherThread.Run(node.Release));

        ShutdownReport report = test.Runtime.Shutdown();

        Assert.Equal(1, report.PendingReleasesApplied);
        Assert.Equal(RcObjectState.Freed, node.State);
    }

    [Fact]
    public void Many_threads_queue_releases_concurrently_without_losing_any()
    {
        const int Threads = 8;
        const int PerThread = 2_000;
        using var test = new TestRuntime();
        var nodes = new Node[Threads * PerThread];
        for (int i = 0; i < nodes.Length; i++)
        {
            nodes[i] = test.Runtime.Adopt(new Node()).Take();
        }

        using (var start = new Barrier(Threads))
        {
            var workers = Enumerable.Range(0, Threads).Select(t => OtherThread.Start(
                () =>
                {
                    start.SignalAndWait();
                    for (int i = t * PerThread; i < (t + 1) * PerThread; i++)
                    {
                        nodes[i].Release();
                    }
                },
                out _)).ToList();
            foreach (Thread worker in workers)
            {
                Assert.True(worker.Join(OtherThread.DeadlockLimit));
            }
        }

        Assert.Equal(nodes.Length, test.Runtime.PendingReleaseCount);
        Assert.Equal(nodes.Length, test.Runtime.DrainPendingReleases());
        Assert.All(nodes, n => Assert.Equal(RcObjectState.Freed, n.State));
    }

    [Fact]
    public void Unchecked_runtimes_verify_the_thread_as_soon_as_a_second_thread_is_attached()
    {
        using var test = new TestRuntime(checkedMode: false);
        Node node = test.Runtime.Adopt(new Node()).Take();
        var leave = new ManualResetEventSlim();
        Thread attached = OtherThread.Start(
            () =>
            {
                using ThreadAttachment attachment = test.Runtime.Attach();
                using (test.Runtime.Detach())
                {
                    leave.Wait();
                }
            },
            out Func<Exception?> outcome);
        using (test.Runtime.Detach())
        {
            OtherThread.WaitUntil(() => test.Runtime.GetStats().AttachedThreads == 2, "the second thread attaches");
        }

        // A third thread that never attached: its increment is refused and its release queued, not raced.
        Assert.IsType<LockNotHeldException>(OtherThread.Run(node.AddRef));
        Assert.Null(OtherThread.Run(node.Release));
        Assert.Equal(1, node.RefCount);
        Assert.Equal(1, test.Runtime.PendingReleaseCount);

        leave.Set();
        using (test.Runtime.Detach())
        {
            Assert.True(attached.Join(OtherThread.DeadlockLimit));
        }

        Assert.Null(outcome());
        Assert.Equal(RcObjectState.Freed, node.State);
    }

    [Fact]
    public void Unchecked_runtimes_verify_the_thread_while_the_only_thread_is_detached()
    {
        using var test = new TestRuntime(checkedMode: false);
        Node node = test.Runtime.Adopt(new Node()).Take();

        using (test.Runtime.Detach())
        {
            Assert.Null(OtherThread.Run(node.Release));
            Assert.Equal(1, node.RefCount);
        }

        Assert.Equal(RcObjectState.Freed, node.State);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference<Node> AbandonOwnedHandle(Runtime runtime, out Func<RcObjectState> stateOf)
    {
        Owned<Node> abandoned = runtime.Adopt(new Node()).ToOwned();
        Node node = abandoned.Value;
        stateOf = () => node.State;
        return new WeakReference<Node>(node);
    }

    private sealed class DrainingTraverseNode : RcObject
    {
        public RcField<RcObject> Next;

#pragma warning disable RCL0003 // The impurity is the point (PyO3 #3165): the runtime must refuse the drain.
        protected internal override void TraverseReferences(ref Visitor visitor)
        {
            visitor.Visit(Next);
            Runtime.DrainPendingReleases();
        }
#pragma warning restore RCL0003

        protected internal override void ClearReferences() => Next.Clear();
    }
}
