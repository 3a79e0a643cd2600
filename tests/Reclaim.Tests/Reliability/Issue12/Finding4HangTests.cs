using Reclaim.Tests.Support;

namespace Reclaim.Tests.Reliability.Issue12;

/// <summary>
/// Issue 12, finding 4: each of these hung for ever. The scenario runs on its own thread so that a regression fails
/// the test (after <see cref="OtherThread.DeadlockLimit"/>) instead of hanging the run.
/// </summary>
public sealed class Finding4HangTests
{
    [Fact]
    public void Finding4_ShutdownFromASecondThread_TheDetachedCreatorGetsAnExceptionInsteadOfParking()
    {
        Exception? outcome = OtherThread.Run(() =>
        {
            var t = new TestRuntime();
            DetachScope scope = t.Runtime.Detach();
            Assert.Null(OtherThread.Run(() => t.Runtime.Shutdown()));

            RuntimeShutDownException refused = Assert.Throws<RuntimeShutDownException>(scope.Dispose);

            Assert.Contains("Reacquire after Detach", refused.Message, StringComparison.Ordinal);
            Assert.True(t.Runtime.IsShutDown);
        });

        Assert.Null(outcome);
    }

    [Fact]
    public void Finding4_ShutdownFromARuntimeThreadBody_TheJoiningCreatorReturns()
    {
        Exception? outcome = OtherThread.Run(() =>
        {
            var t = new TestRuntime();
            RuntimeThread thread = t.Runtime.StartThread(() => t.Runtime.Shutdown(), daemon: false);

            Assert.True(thread.Join(OtherThread.DeadlockLimit));

            Assert.Null(thread.Exception);
            Assert.True(t.Runtime.IsShutDown);
            Assert.Same(t.Runtime.Shutdown(), t.Runtime.Shutdown());
        });

        Assert.Null(outcome);
    }

    [Fact]
    public void Finding4_TwoConcurrentDisposes_TheSecondThrows()
    {
        Exception? outcome = OtherThread.Run(() =>
        {
            var t = new TestRuntime();
            Thread second = OtherThread.Start(t.Runtime.Dispose, out Func<Exception?> secondOutcome);
            OtherThread.WaitUntil(() => t.Runtime.GetStats().WaitingThreads == 1, "the second Dispose waits for the lock");

            t.Runtime.Dispose();

            Assert.True(second.Join(OtherThread.DeadlockLimit), "The second Dispose parked.");
            RuntimeShutDownException refused = Assert.IsType<RuntimeShutDownException>(secondOutcome());
            Assert.Contains("Attach", refused.Message, StringComparison.Ordinal);
        });

        Assert.Null(outcome);
    }

    [Fact]
    public void Finding4_AForegroundThreadReacquiringAfterShutdown_GetsAnExceptionSoTheProcessCanExit()
    {
        var t = new TestRuntime();
        using var detached = new ManualResetEventSlim();
        using var shutDown = new ManualResetEventSlim();
        Exception? reacquire = null;
        var foreground = new Thread(() =>
        {
            using ThreadAttachment attachment = t.Runtime.Attach();
            DetachScope scope = attachment.Detach();
            detached.Set();
            shutDown.Wait();
            reacquire = Record.Exception(scope.Dispose);
        })
        { IsBackground = false };
        using (t.Runtime.Detach())
        {
            foreground.Start();
            detached.Wait();
        }

        t.Runtime.Shutdown();
        shutDown.Set();

        Assert.True(foreground.Join(OtherThread.DeadlockLimit), "The foreground thread parked and would keep the process alive.");
        Assert.IsType<RuntimeShutDownException>(reacquire);
    }

    [Fact]
    public void Finding4_AThreadThatExitsHoldingTheLock_IsReportedByNameAndTheLockIsTakenBack()
    {
        Exception? outcome = OtherThread.Run(() =>
        {
            var t = new TestRuntime();
            DetachScope scope = t.Runtime.Detach();
            int leaverId = 0;
            var leaver = new Thread(() =>
            {
                leaverId = Environment.CurrentManagedThreadId;
                _ = t.Runtime.Attach();
            })
            { Name = "leaver" };
            leaver.Start();
            Assert.True(leaver.Join(OtherThread.DeadlockLimit));

            AbandonedLockException abandoned = Assert.Throws<AbandonedLockException>(scope.Dispose);

            Assert.Equal(leaverId, abandoned.AbandoningThreadId);
            Assert.Contains("'leaver'", abandoned.Message, StringComparison.Ordinal);
            scope.Dispose();
            Assert.True(t.Runtime.IsLockHeld);
            Assert.Equal(1, t.Runtime.GetStats().AttachedThreads);
            using Owned<Node> node = t.Node();
            Assert.Equal(0, t.Gc.Collect().Collected);
            t.Runtime.Shutdown();
        });

        Assert.Null(outcome);
    }

    [Fact]
    public void Finding4_AtExitCallbackThatRegistersAnother_RunsOnceAsInCPython()
    {
        var t = new TestRuntime();
        int runs = 0;
        void Again()
        {
            runs++;
            t.Runtime.AtExit(Again);
        }

        t.Runtime.AtExit(Again);

        ShutdownReport report = t.Runtime.Shutdown();

        Assert.Equal(1, runs);
        Assert.Equal(1, report.AtExitCallbacksRun);
    }

    [Fact]
    public void Finding4_AtExitFinalizerThatRegistersAnother_RunsOnce()
    {
        var t = new TestRuntime();
        Owned<Node> target = t.Node("target");
        int runs = 0;
        void Again()
        {
            runs++;
            t.Runtime.AddFinalizer(target.Value, Again);
        }

        t.Runtime.AddFinalizer(target.Value, Again);

        t.Runtime.Shutdown();

        Assert.Equal(1, runs);
    }
}
