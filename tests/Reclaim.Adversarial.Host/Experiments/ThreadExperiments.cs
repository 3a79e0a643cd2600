namespace Reclaim.Adversarial.Host;

/// <summary>Own experiments on the thread model: wrong threads, shutdown races, handles out of order.</summary>
public static class ThreadExperiments
{
    public static IReadOnlyList<Experiment> All { get; } =
    [
        new("T-detach-from-foreign-thread", "WrongThreadException", () => OnFresh(h => Harness.OnOtherThread(() => h.Runtime.Detach()))),
        new("T-yield-from-foreign-thread", "WrongThreadException", () => OnFresh(h => Harness.OnOtherThread(h.Runtime.Yield))),
        new("T-detach-scope-disposed-on-other-thread", "WrongThreadException", DetachScopeOnOtherThread),
        new("T-attachment-disposed-on-other-thread", "WrongThreadException", AttachmentOnOtherThread),
        new("T-join-self", "WrongThreadException", JoinSelf),
        new("T-start-thread-from-atexit", "RuntimeShutDownException", StartThreadFromAtExit),
        new("T-defer-from-foreign-thread", "LockNotHeldException", () => OnFresh(h => Harness.OnOtherThread(() => h.Runtime.Defer(() => { })))),
        new("T-collect-from-foreign-thread", "LockNotHeldException", () => OnFresh(h => Harness.OnOtherThread(() => h.Runtime.Gc.Collect()))),
        new("T-attach-after-shutdown", "RuntimeShutDownException", AttachAfterShutdown),
        new("T-parked-daemon-does-not-keep-process", "parked", ParkedDaemonDoesNotKeepProcess),
        new("T-daemon-yield-loop-during-shutdown", "shut down", DaemonYieldLoopDuringShutdown),
        new("T-nondaemon-thread-is-joined", "joined", NonDaemonThreadIsJoined),
        new("T-yield-ping-pong", "2000", YieldPingPong),
        new("T-foreign-owned-dispose-is-queued", "1 0", ForeignOwnedDisposeIsQueued),
        new("T-release-after-shutdown-from-foreign-thread", "ok", ReleaseAfterShutdownFromForeignThread),
        new("T-dispose-twice", "same", DisposeTwice),
        new("T-attach-nested-same-thread", "ok", AttachNested),
    ];

    private static string OnFresh(Func<Harness, string> attack)
    {
        Harness h = Harness.Create();
        return h.Finish(attack(h));
    }

    private static string DetachScopeOnOtherThread()
    {
        Harness h = Harness.Create();
        DetachScope scope = h.Runtime.Detach();
        string outcome = Harness.OnOtherThread(scope.Dispose);
        scope.Dispose();
        return h.Finish(outcome);
    }

    private static string AttachmentOnOtherThread()
    {
        Harness h = Harness.Create();
        string outcome = "not run";
        using (h.Runtime.Detach())
        {
            ThreadAttachment? attachment = null;
            using var attached = new ManualResetEventSlim();
            using var done = new ManualResetEventSlim();
            var owner = new Thread(() =>
            {
                attachment = h.Runtime.Attach();
                attached.Set();
                done.Wait();
                attachment.Dispose();
            });
            owner.Start();
            attached.Wait();
            outcome = Harness.OnOtherThread(() => attachment!.Dispose());
            done.Set();
            owner.Join();
        }

        return h.Finish(outcome);
    }

    private static string JoinSelf()
    {
        Harness h = Harness.Create();
        RuntimeThread? self = null;
        string outcome = "not run";
        using var ready = new ManualResetEventSlim();
        self = h.Runtime.StartThread(() =>
        {
            ready.Wait();
            outcome = Harness.Outcome(() => self!.Join());
        });
        ready.Set();
        self.Join();
        return h.Finish(outcome);
    }

    private static string StartThreadFromAtExit()
    {
        Harness h = Harness.Create();
        string outcome = "not run";
        h.Runtime.AtExit(() => outcome = Harness.Outcome(() => h.Runtime.StartThread(() => { })));
        h.Finish("shut down");
        return outcome;
    }

    private static string AttachAfterShutdown()
    {
        Harness h = Harness.Create(daemonThreads: DaemonThreadOutcome.Throw);
        h.Finish("shut down");
        return Harness.OnOtherThread(() => h.Runtime.Attach());
    }

    private static string ParkedDaemonDoesNotKeepProcess()
    {
        Harness h = Harness.Create(daemonThreads: DaemonThreadOutcome.Park);
        h.Finish("shut down");
        var daemon = new Thread(() => h.Runtime.Attach()) { IsBackground = true };
        daemon.Start();
        while (h.Runtime.GetStats().RefusedThreads == 0)
        {
            Thread.Yield();
        }

        // The process must now exit although the thread is parked for ever.
        return daemon.IsAlive ? "parked" : "not parked";
    }

    private static string DaemonYieldLoopDuringShutdown()
    {
        Harness h = Harness.Create(daemonThreads: DaemonThreadOutcome.Throw);
        using var started = new ManualResetEventSlim();
        h.Runtime.StartThread(
            () =>
            {
                started.Set();
                while (true)
                {
                    h.Runtime.Yield();
                }
            },
            daemon: true);
        using (h.Runtime.Detach())
        {
            started.Wait();
        }

        return h.Finish("shut down");
    }

    private static string NonDaemonThreadIsJoined()
    {
        Harness h = Harness.Create();
        int done = 0;
        h.Runtime.StartThread(() =>
        {
            using (h.Runtime.Detach())
            {
                Thread.Sleep(50);
            }

            done = 1;
        });
        ShutdownReport report = h.Runtime.Shutdown();
        return h.Finish(done == 1 && report.ThreadsJoined == 1 ? "joined" : $"done={done} joined={report.ThreadsJoined}");
    }

    private static string YieldPingPong()
    {
        Harness h = Harness.Create();
        int turns = 0;
        RuntimeThread other = h.Runtime.StartThread(() =>
        {
            for (int i = 0; i < 1000; i++)
            {
                turns++;
                h.Runtime.Yield();
            }
        });
        for (int i = 0; i < 1000; i++)
        {
            turns++;
            h.Runtime.Yield();
        }

        other.Join();
        return h.Finish(turns.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string ForeignOwnedDisposeIsQueued()
    {
        Harness h = Harness.Create();
        Owned<Node> node = h.Runtime.New<Node>().ToOwned();
        Harness.OnOtherThread(node.Dispose);
        int queued = h.Runtime.PendingReleaseCount;
        h.Runtime.SafePoint();
        return h.Finish($"{queued} {h.Runtime.PendingReleaseCount}");
    }

    private static string ReleaseAfterShutdownFromForeignThread()
    {
        Harness h = Harness.Create();
        Owned<Node> node = h.Runtime.New<Node>().ToOwned();
        h.Finish("shut down", expectedAlive: 1);
        return Harness.OnOtherThread(node.Dispose);
    }

    private static string DisposeTwice()
    {
        Harness h = Harness.Create();
        ShutdownReport first = h.Runtime.Shutdown();
        h.Runtime.Dispose();
        return ReferenceEquals(first, h.Runtime.Shutdown()) ? h.Finish("same") : "different";
    }

    private static string AttachNested()
    {
        Harness h = Harness.Create();
        using (ThreadAttachment outer = h.Runtime.Attach())
        using (ThreadAttachment inner = h.Runtime.Attach())
        {
        }

        return h.Finish(h.Runtime.IsLockHeld ? "ok" : "lock lost");
    }
}
