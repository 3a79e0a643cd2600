using Reclaim.Tests.Support;

namespace Reclaim.Tests.Threading;

public sealed class RuntimeLockTests
{
    [Fact]
    public void The_creating_thread_holds_the_lock_and_nested_attach_only_counts()
    {
        using var runtime = Runtime.Create();
        Assert.True(runtime.IsLockHeld);

        using (ThreadAttachment outer = runtime.Attach())
        using (ThreadAttachment inner = runtime.Attach())
        {
            Assert.True(runtime.IsLockHeld);
            using Owned<Node> node = runtime.Adopt(new Node()).ToOwned();
            node.Value.AddRef();
            node.Value.Release();
        }

        Assert.True(runtime.IsLockHeld);
    }

    [Fact]
    public void Another_thread_waits_for_the_lock_until_the_holder_detaches()
    {
        using var runtime = Runtime.Create();
        bool attachedElsewhere = false;
        var entered = new ManualResetEventSlim();
        Thread other = OtherThread.Start(
            () =>
            {
                using ThreadAttachment attachment = runtime.Attach();
                attachedElsewhere = runtime.IsLockHeld;
                entered.Set();
            },
            out Func<Exception?> outcome);

        // While this thread holds the lock the other one can only queue.
        OtherThread.WaitUntil(() => runtime.GetStats().WaitingThreads == 1, "the other thread queues for the lock");
        Assert.False(entered.IsSet);

        using (runtime.Detach())
        {
            Assert.False(runtime.IsLockHeld);
            Assert.True(entered.Wait(OtherThread.DeadlockLimit));
            Assert.True(other.Join(OtherThread.DeadlockLimit));
        }

        Assert.Null(outcome());
        Assert.True(attachedElsewhere);
        Assert.True(runtime.IsLockHeld);
    }

    [Fact]
    public void Yield_hands_the_lock_to_a_waiting_thread_first()
    {
        using var runtime = Runtime.Create();
        var order = new List<string>();
        Thread other = OtherThread.Start(
            () =>
            {
                using ThreadAttachment attachment = runtime.Attach();
                order.Add("other");
            },
            out Func<Exception?> outcome);
        OtherThread.WaitUntil(() => runtime.GetStats().WaitingThreads == 1, "the other thread queues for the lock");

        runtime.Yield();
        order.Add("main");

        Assert.True(other.Join(OtherThread.DeadlockLimit));
        Assert.Null(outcome());
        Assert.Equal(["other", "main"], order);
    }

    [Fact]
    public void Yield_without_waiters_keeps_the_lock()
    {
        using var runtime = Runtime.Create();
        runtime.Yield();
        Assert.True(runtime.IsLockHeld);
    }

    [Fact]
    public void Detach_and_yield_from_a_thread_without_the_lock_are_refused()
    {
        using var runtime = Runtime.Create();
        Exception? detach = OtherThread.Run(() => runtime.Detach());
        Exception? yield = OtherThread.Run(runtime.Yield);

        Assert.Contains("does not hold the runtime lock", Assert.IsType<WrongThreadException>(detach).Message, StringComparison.Ordinal);
        Assert.IsType<WrongThreadException>(yield);
    }

    [Fact]
    public void An_attachment_belongs_to_its_thread()
    {
        using var runtime = Runtime.Create();
        ThreadAttachment attachment = runtime.Attach();

        Exception? foreign = OtherThread.Run(attachment.Dispose);

        Assert.Contains("belongs to that thread", Assert.IsType<WrongThreadException>(foreign).Message, StringComparison.Ordinal);
        attachment.Dispose();
    }

    [Fact]
    public void A_detach_scope_ends_on_its_thread_and_attachments_end_after_their_scopes()
    {
        using var runtime = Runtime.Create(new RuntimeOptions { AttachCreatingThread = false });
        ThreadAttachment attachment = runtime.Attach();
        DetachScope scope = runtime.Detach();

        Assert.IsType<WrongThreadException>(OtherThread.Run(scope.Dispose));
        Assert.Contains("dispose the DetachScope first", Assert.Throws<WrongThreadException>(attachment.Dispose).Message, StringComparison.Ordinal);

        scope.Dispose();
        attachment.Dispose();
        Assert.False(runtime.IsLockHeld);
    }

    [Fact]
    public void Without_the_creating_thread_attached_nothing_works_until_attach()
    {
        using var runtime = Runtime.Create(new RuntimeOptions { AttachCreatingThread = false });
        Assert.False(runtime.IsLockHeld);
        Assert.Throws<LockNotHeldException>(() => runtime.New<Node>().ToOwned());

        using ThreadAttachment attachment = runtime.Attach();
        using Owned<Node> node = runtime.New<Node>().ToOwned();
        Assert.Equal(1, node.Value.RefCount);
    }

    [Fact]
    public void Stats_count_attached_and_waiting_threads()
    {
        using var runtime = Runtime.Create();
        var release = new ManualResetEventSlim();
        Thread other = OtherThread.Start(
            () =>
            {
                using ThreadAttachment attachment = runtime.Attach();
                using (runtime.Detach())
                {
                    release.Wait();
                }
            },
            out Func<Exception?> outcome);

        using (runtime.Detach())
        {
            OtherThread.WaitUntil(() => runtime.GetStats().AttachedThreads == 2, "the other thread attaches and detaches");
        }

        RuntimeStats stats = runtime.GetStats();
        Assert.Equal(2, stats.AttachedThreads);
        Assert.Equal(RuntimeState.Running, stats.State);
        release.Set();
        using (runtime.Detach())
        {
            Assert.True(other.Join(OtherThread.DeadlockLimit));
        }

        Assert.Null(outcome());
        Assert.Equal(1, runtime.GetStats().AttachedThreads);
    }
}
