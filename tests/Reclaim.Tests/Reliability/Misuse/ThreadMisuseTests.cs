using Reclaim.Tests.Support;

namespace Reclaim.Tests.Reliability.Misuse;

/// <summary>
/// Misuse matrix, thread rows: what a thread without the runtime lock may not do, what it may do only by deferral,
/// and what happens to threads that come back after shutdown began. Each row checks the specific exception (or the
/// defined outcome) and that the heap is consistent afterwards. One test per row; docs/reliability.md lists the rows.
/// </summary>
public sealed class ThreadMisuseTests
{
    [Theory]
    [InlineData("AddRef")]
    [InlineData("RcField.Set")]
    [InlineData("Allocate")]
    public void Increment_WithoutTheLock_ThrowsLockNotHeldAndChangesNothing(string operation)
    {
        TestRuntime t = new();
        Owned<Node> holder = t.Node("holder");
        Owned<Node> target = t.Node("target");
        Action misuse = operation switch
        {
            "AddRef" => target.Value.AddRef,
            "RcField.Set" => () => holder.Value.Next.Set(target.Value),
            _ => () => t.Runtime.New<Node>().ToOwned(),
        };

        var refused = Assert.IsType<LockNotHeldException>(OtherThread.Run(misuse));

        Assert.Contains(operation == "RcField.Set" ? "AddRef" : operation, refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, target.Value.RefCount);
        Assert.Null(holder.Value.Next.Value);
        holder.Dispose();
        target.Dispose();
        HeapAssert.ConsistentAfterwards(t, expectedCollected: 0);
    }

    [Fact]
    public void Release_FromAForeignThread_IsDeferredNotApplied()
    {
        TestRuntime t = new();
        Owned<Node> ring = t.Ring(3);

        Node first = ring.Value;
        Assert.Null(OtherThread.Run(ring.Dispose));

        // The ring still holds its own reference and the handle's: the release waits for a safe point.
        Assert.Equal(2, first.RefCount);
        Assert.Equal(1, t.Runtime.PendingReleaseCount);
        HeapAssert.ConsistentAfterwards(t, expectedCollected: 3);
    }

    [Fact]
    public void Detach_WithoutHoldingTheLock_ThrowsThreadState()
    {
        TestRuntime t = new();

        var refused = Assert.IsType<WrongThreadException>(OtherThread.Run(() => t.Runtime.Detach()));

        Assert.Contains("does not hold the runtime lock", refused.Message, StringComparison.Ordinal);
        HeapAssert.ConsistentAfterwards(t, expectedCollected: 0);
    }

    [Theory]
    [InlineData(DaemonThreadOutcome.Throw)]
    [InlineData(DaemonThreadOutcome.Park)]
    public void Attach_AfterShutdown_MeetsTheConfiguredOutcome(DaemonThreadOutcome outcome)
    {
        TestRuntime t = new(daemonThreads: outcome);
        ShutdownReport report = t.Runtime.Shutdown();
        Assert.Equal(0, report.AliveCount);

        Thread late = OtherThread.Start(() => t.Runtime.Attach(), out Func<Exception?> thrown);
        if (outcome == DaemonThreadOutcome.Park)
        {
            OtherThread.WaitUntil(() => t.Runtime.ParkedThreadCount == 1, "the late thread parks");
            Assert.True(late.IsAlive);
            t.Runtime.ReleaseParkedThreadsForTesting();
        }

        Assert.True(late.Join(OtherThread.DeadlockLimit));
        Assert.IsType<RuntimeShutDownException>(thrown());
        Assert.Equal(1, t.Runtime.GetStats().RefusedThreads);
    }

    [Fact]
    public void Attach_WhileWaitingForTheLockWhenShutdownStarts_IsRefused()
    {
        TestRuntime t = new(daemonThreads: DaemonThreadOutcome.Throw);
        Thread waiting = OtherThread.Start(() => t.Runtime.Attach(), out Func<Exception?> thrown);
        OtherThread.WaitUntil(() => t.Runtime.GetStats().WaitingThreads == 1, "the thread queues for the lock");

        t.Runtime.Shutdown();

        Assert.True(waiting.Join(OtherThread.DeadlockLimit));
        Assert.IsType<RuntimeShutDownException>(thrown());
    }

    [Fact]
    public void Reacquire_ByADaemonThreadAfterFinalization_IsRefusedWithoutTouchingTheRuntime()
    {
        TestRuntime t = new(daemonThreads: DaemonThreadOutcome.Throw);
        var detached = new ManualResetEventSlim();
        var finalized = new ManualResetEventSlim();
        bool ranAfterReacquire = false;
        Thread daemon = OtherThread.Start(
            () =>
            {
                using ThreadAttachment attachment = t.Runtime.Attach();
                using (t.Runtime.Detach())
                {
                    detached.Set();
                    finalized.Wait();
                }

                ranAfterReacquire = true;
            },
            out Func<Exception?> thrown);
        using (t.Runtime.Detach())
        {
            Assert.True(detached.Wait(OtherThread.DeadlockLimit));
        }

        ShutdownReport report = t.Runtime.Shutdown();
        finalized.Set();

        Assert.True(daemon.Join(OtherThread.DeadlockLimit));
        Assert.IsType<RuntimeShutDownException>(thrown());
        Assert.False(ranAfterReacquire);
        Assert.Equal(1, report.DaemonThreadsOutstanding);
    }

    [Fact]
    public void Dispose_FromAThreadOtherThanTheLockHolder_WaitsForTheLockAndShutsDown()
    {
        TestRuntime t = new(daemonThreads: DaemonThreadOutcome.Throw);
        using (Owned<Node> ring = t.Ring(4))
        {
        }

        RuntimeShutDownException? mainComesBack;
        using (DetachScope scope = t.Runtime.Detach())
        {
            Assert.Null(OtherThread.Run(t.Runtime.Dispose));

            // The main thread detached before shutdown began: like any other thread, it cannot get back in.
            mainComesBack = Assert.Throws<RuntimeShutDownException>(scope.Dispose);
        }

        Assert.Contains("Reacquire after Detach", mainComesBack.Message, StringComparison.Ordinal);
        Assert.Equal(RuntimeState.ShutDown, t.Runtime.State);
        Assert.Equal(4, t.Runtime.LastShutdownReport!.ObjectsCollected);
    }
}
