using Reclaim.Tests.Support;

namespace Reclaim.Tests.Threading;

public sealed class RuntimeThreadTests
{
    [Fact]
    public void A_runtime_thread_runs_attached_and_join_lends_it_the_lock()
    {
        using var test = new TestRuntime();
        using Owned<Node> shared = test.Node("shared");
        bool heldInside = false;

        RuntimeThread thread = test.Runtime.StartThread(
            () =>
            {
                heldInside = test.Runtime.IsLockHeld;
                using Owned<Node> local = test.Runtime.New<Node>().ToOwned();
                shared.Value.Next.Set(local.Value);
            },
            name: "worker");

        Assert.Equal("worker", thread.Name);
        Assert.False(thread.IsDaemon);
        Assert.True(thread.Join(OtherThread.DeadlockLimit));
        Assert.True(heldInside);
        Assert.False(thread.IsAlive);
        Assert.Null(thread.Exception);
        Assert.IsType<Node>(shared.Value.Next.Value);
        Assert.True(test.Runtime.IsLockHeld);
        Assert.Empty(test.Runtime.Threads);
    }

    [Fact]
    public void Threads_lists_running_threads_with_their_daemon_flag()
    {
        using var test = new TestRuntime();
        var release = new ManualResetEventSlim();
        RuntimeThread daemon = test.Runtime.StartThread(() => { using (test.Runtime.Detach()) { release.Wait(); } }, "d", daemon: true);
        RuntimeThread worker = test.Runtime.StartThread(() => { using (test.Runtime.Detach()) { release.Wait(); } }, "w");

        Assert.Equal(["d", "w"], test.Runtime.Threads.Select(t => t.Name).Order());
        Assert.True(daemon.IsDaemon);
        release.Set();
        Assert.True(daemon.Join(OtherThread.DeadlockLimit));
        Assert.True(worker.Join(OtherThread.DeadlockLimit));
        Assert.Empty(test.Runtime.Threads);
    }

    [Fact]
    public void An_exception_escaping_a_thread_body_is_reported_and_kept()
    {
        using var test = new TestRuntime();
        RuntimeThread thread = test.Runtime.StartThread(() => throw new InvalidOperationException("worker failed"));

        Assert.True(thread.Join(OtherThread.DeadlockLimit));

        Assert.Equal("worker failed", thread.Exception?.Message);
        UnraisableInfo report = Assert.Single(test.Unraisable);
        Assert.Equal(UnraisablePhase.Thread, report.Phase);
    }

    [Fact]
    public void A_thread_cannot_join_itself_and_start_rejects_null()
    {
        using var test = new TestRuntime();
        Exception? selfJoin = null;
        RuntimeThread? self = null;
        var started = new ManualResetEventSlim();
        self = test.Runtime.StartThread(() =>
        {
            started.Wait();
            selfJoin = Record.Exception(() => self!.Join());
        });
        started.Set();

        Assert.True(self.Join(OtherThread.DeadlockLimit));
        Assert.IsType<WrongThreadException>(selfJoin);
        Assert.Throws<ArgumentNullException>(() => test.Runtime.StartThread(null!));
    }

    [Fact]
    public void Shutdown_waits_for_non_daemon_threads_but_not_for_daemons()
    {
        var test = new TestRuntime();
        var daemonRelease = new ManualResetEventSlim();
        var workerMayFinish = new ManualResetEventSlim();
        bool workerFinished = false;
        RuntimeThread worker = test.Runtime.StartThread(() =>
        {
            using (test.Runtime.Detach())
            {
                workerMayFinish.Wait();
            }

            workerFinished = true;
        });
        RuntimeThread daemon = test.Runtime.StartThread(() => { using (test.Runtime.Detach()) { daemonRelease.Wait(); } }, daemon: true);

        // Shutdown blocks on the worker; let it finish from outside.
        Thread releaser = OtherThread.Start(
            () =>
            {
                // Main, worker and daemon all have thread states; the worker waits outside the lock.
                OtherThread.WaitUntil(() => test.Runtime.GetStats() is { AttachedThreads: 3, WaitingThreads: 0 } && !test.Runtime.IsLockHeld, "shutdown detaches to wait");
                workerMayFinish.Set();
            },
            out _);
        ShutdownReport report = test.Runtime.Shutdown();

        Assert.True(workerFinished);
        Assert.Equal(1, report.ThreadsJoined);
        Assert.True(daemon.IsAlive);
        Assert.Equal(1, report.DaemonThreadsOutstanding);
        Assert.True(releaser.Join(OtherThread.DeadlockLimit));

        // The daemon wakes after shutdown and meets the configured outcome (parked): released by the test hook.
        daemonRelease.Set();
        OtherThread.WaitUntil(() => test.Runtime.ParkedThreadCount == 1, "the daemon parks");
        test.Runtime.ReleaseParkedThreadsForTesting();
        Assert.True(daemon.Join(OtherThread.DeadlockLimit));
        Assert.IsType<RuntimeShutDownException>(daemon.Exception);
        Assert.True(worker.Join(TimeSpan.Zero));
    }

    [Fact]
    public void Starting_a_thread_during_or_after_shutdown_is_refused()
    {
        var test = new TestRuntime();
        Exception? duringAtExit = null;
        test.Runtime.AtExit(() => duringAtExit = Record.Exception(() => test.Runtime.StartThread(() => { })));
        test.Runtime.Shutdown();

        // Non-daemon threads were already joined when at-exit callbacks run: a new one could never be waited for.
        Assert.IsType<RuntimeShutDownException>(duringAtExit);
        Assert.Throws<RuntimeShutDownException>(() => test.Runtime.StartThread(() => { }));
    }
}
