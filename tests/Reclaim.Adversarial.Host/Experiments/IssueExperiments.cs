namespace Reclaim.Adversarial.Host;

/// <summary>The experiments of issue 12 (findings 2 to 9), each as the outside trial ran it.</summary>
public static class IssueExperiments
{
    public static IReadOnlyList<Experiment> All { get; } =
    [
        new("F2-cache-after-watcher-cleared", "GlobalCacheCellInvalidatedException", CacheAfterWatcherCleared),
        new("F3-double-visit-live-target", "TraversalOvercountException alive", DoubleVisitLiveTarget),
        new("F4-using-handle-after-shutdown", "ok", UsingHandleAfterShutdown),
        new("F4-foreground-thread-reacquires-after-shutdown", "RuntimeShutDownException", ForegroundThreadAfterShutdown),
        new("F4-shutdown-from-second-thread", "ok RuntimeShutDownException", ShutdownFromSecondThread),
        new("F4-shutdown-from-runtime-thread-body", "joined", ShutdownFromRuntimeThreadBody),
        new("F4-concurrent-dispose", "RuntimeShutDownException", ConcurrentDispose),
        new("F4-attach-and-exit", "AbandonedLockException", AttachAndExit),
        new("F4-atexit-registers-atexit", "1", AtExitRegistersAtExit),
        new("F4-atexit-finalizer-registers-finalizer", "1", AtExitFinalizerRegistersFinalizer),
        new("F4-defer-redefers", "3", DeferRedefers),
        new("F5-unchecked-watcher-recursion", "DictWatcherRecursionException", UncheckedWatcherRecursion),
        new("F6-partial-clear-garbage", "1", PartialClearGarbage),
        new("F6-release-racing-shutdown", "0 queued", ReleaseRacingShutdown),
        new("F6-getobjects-from-foreign-thread", "LockNotHeldException", GetObjectsFromForeignThread),
        new("F8-shutdown-from-finalizer-names-shutdown", "ReentrantShutdownException Shutdown", ShutdownFromFinalizer),
    ];

    private static string CacheAfterWatcherCleared()
    {
        Harness h = Harness.Create();
        Runtime rt = h.Runtime;
        var cache = new GlobalCache(rt);
        Owned<RcDict> globals = rt.New<RcDict>().ToOwned();
        Owned<RcDict> builtins = rt.New<RcDict>().ToOwned();
        Node len = rt.Allocate<Node>();
        builtins.Value.Set("len", len);
        len.Release();
        GlobalCacheCell cell = cache.GetCell(globals.Value, builtins.Value, "len");
        rt.ClearDictWatcher(cache.WatcherId);
        Owned<Node> replacement = rt.New<Node>().ToOwned();
        builtins.Value.Set("len", replacement.Value);
        string outcome = Harness.Outcome(() => _ = cell.Value);
        replacement.Dispose();
        globals.Dispose();
        builtins.Dispose();
        cache.Dispose();
        return h.Finish(outcome);
    }

    private static string DoubleVisitLiveTarget()
    {
        Harness h = Harness.Create(checkedMode: true);
        Runtime rt = h.Runtime;
        Owned<DoubleVisit> broken = rt.New<DoubleVisit>().ToOwned();
        Owned<Node> target = rt.New<Node>().ToOwned();
        broken.Value.Target.Set(target.Value);
        target.Value.Next.Set(broken.Value);
        broken.Dispose();
        string outcome = Harness.Outcome(() => rt.Gc.Collect());
        string state = target.Value.State == RcObjectState.Alive ? "alive" : target.Value.State.ToString();
        target.Value.Next.Clear();
        target.Dispose();
        return h.Finish($"{outcome} {state}");
    }

    private static string UsingHandleAfterShutdown()
    {
        Harness h = Harness.Create();
        using Runtime runtime = h.Runtime;
        using Owned<Node> a = runtime.New<Node>().ToOwned();
        runtime.Shutdown();
        return "ok";
    }

    private static string ForegroundThreadAfterShutdown()
    {
        Harness h = Harness.Create();
        Runtime rt = h.Runtime;
        using var detached = new ManualResetEventSlim();
        using var shutDown = new ManualResetEventSlim();
        string outcome = "not run";
        var thread = new Thread(() =>
        {
            using ThreadAttachment attachment = rt.Attach();
            DetachScope scope = attachment.Detach();
            detached.Set();
            shutDown.Wait();
            outcome = Harness.Outcome(scope.Dispose);
        })
        { IsBackground = false };
        using (rt.Detach())
        {
            thread.Start();
            detached.Wait();
        }

        rt.Shutdown();
        shutDown.Set();
        thread.Join();
        return h.Finish(outcome);
    }

    private static string ShutdownFromSecondThread()
    {
        Harness h = Harness.Create();
        Runtime rt = h.Runtime;
        DetachScope scope = rt.Detach();
        string second = Harness.OnOtherThread(() => rt.Shutdown());
        string main = Harness.Outcome(scope.Dispose);
        return h.Finish($"{second} {main}");
    }

    private static string ShutdownFromRuntimeThreadBody()
    {
        Harness h = Harness.Create();
        Runtime rt = h.Runtime;
        RuntimeThread thread = rt.StartThread(() => rt.Shutdown(), daemon: false);
        bool joined = thread.Join(TimeSpan.FromSeconds(10));
        return h.Finish(joined && thread.Exception is null ? "joined" : $"not joined {thread.Exception}");
    }

    private static string ConcurrentDispose()
    {
        Harness h = Harness.Create();
        Runtime rt = h.Runtime;
        string second = "not run";
        var thread = new Thread(() => second = Harness.Outcome(rt.Dispose)) { IsBackground = true };
        thread.Start();
        while (rt.GetStats().WaitingThreads == 0)
        {
            Thread.Yield();
        }

        rt.Dispose();
        thread.Join();
        return h.Finish(second);
    }

    private static string AttachAndExit()
    {
        Harness h = Harness.Create();
        Runtime rt = h.Runtime;
        DetachScope scope = rt.Detach();
        Harness.OnOtherThread(() => rt.Attach());
        string outcome = Harness.Outcome(scope.Dispose);
        scope.Dispose();
        return h.Finish(outcome);
    }

    private static string AtExitRegistersAtExit()
    {
        Harness h = Harness.Create();
        Runtime rt = h.Runtime;
        int runs = 0;
        void Again()
        {
            runs++;
            rt.AtExit(Again);
        }

        rt.AtExit(Again);
        h.Finish("shut down");
        return runs.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string AtExitFinalizerRegistersFinalizer()
    {
        Harness h = Harness.Create();
        Runtime rt = h.Runtime;
        Owned<Node> target = rt.New<Node>().ToOwned();
        int runs = 0;
        void Again()
        {
            runs++;
            rt.AddFinalizer(target.Value, Again);
        }

        rt.AddFinalizer(target.Value, Again);

        // Left alive: the target (its handle is never disposed) and the weak reference of the finalizer registered
        // during the at-exit pass, which never runs.
        h.Finish("shut down", expectedAlive: 2);
        return runs.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string DeferRedefers()
    {
        Harness h = Harness.Create();
        Runtime rt = h.Runtime;
        int runs = 0;
        void Again()
        {
            runs++;
            rt.Defer(Again);
        }

        rt.Defer(Again);
        rt.SafePoint();
        rt.SafePoint();
        rt.Gc.Collect();
        int counted = runs;
        h.Finish("shut down");
        return counted.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string UncheckedWatcherRecursion()
    {
        Harness h = Harness.Create(checkedMode: false);
        Runtime rt = h.Runtime;
        Owned<RcDict> dict = rt.New<RcDict>().ToOwned();
        Owned<Node> value = rt.New<Node>().ToOwned();
        int n = 0;
        int watcher = rt.AddDictWatcher((kind, d, _, _) =>
        {
            if (kind == DictWatcherEvent.Added)
            {
                d.Set($"k{++n}", value.Value);
            }
        });
        dict.Value.Watch(watcher);
        dict.Value.Set("first", value.Value);
        string outcome = h.Unraisable.Count == 1 ? h.Unraisable[0].Exception.GetType().Name : $"{h.Unraisable.Count} reports";
        dict.Dispose();
        value.Dispose();
        return h.Finish(outcome);
    }

    private static string PartialClearGarbage()
    {
        Harness h = Harness.Create();
        Runtime rt = h.Runtime;
        Owned<Node> outside = rt.New<Node>().ToOwned();
        using (Owned<PartialClear> partial = rt.New<PartialClear>().ToOwned())
        using (Owned<Node> partner = rt.New<Node>().ToOwned())
        {
            partial.Value.Cycle.Set(partner.Value);
            partial.Value.Kept.Set(outside.Value);
            partner.Value.Next.Set(partial.Value);
        }

        rt.Gc.Collect();
        int count = outside.Value.RefCount;
        outside.Dispose();
        return h.Finish(count.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string ReleaseRacingShutdown()
    {
        Harness h = Harness.Create(checkedMode: true);
        Runtime rt = h.Runtime;
        Node[] targets = new Node[5_000];
        for (int i = 0; i < targets.Length; i++)
        {
            targets[i] = rt.Allocate<Node>();
        }

        var thread = new Thread(() =>
        {
            foreach (Node target in targets)
            {
                Harness.Outcome(target.Release);
            }
        })
        { IsBackground = true };
        thread.Start();
        rt.Shutdown();
        thread.Join();
        return $"{rt.GetStats().PendingReleases} queued";
    }

    private static string GetObjectsFromForeignThread()
    {
        Harness h = Harness.Create();
        Runtime rt = h.Runtime;
        string outcome = Harness.OnOtherThread(() => rt.Gc.GetObjects());
        return h.Finish(outcome);
    }

    private static string ShutdownFromFinalizer()
    {
        Harness h = Harness.Create();
        Runtime rt = h.Runtime;
        string outcome = "not run";
        Owned<Node> node = rt.New<Node>().ToOwned();
        node.Value.OnFinalizeAction = _ =>
        {
            try
            {
                rt.Shutdown();
            }
            catch (ReentrantShutdownException exception)
            {
                outcome = $"{exception.GetType().Name} {exception.Operation}";
            }
        };
        node.Dispose();
        return h.Finish(outcome);
    }
}
