using System.Globalization;

namespace Reclaim.Adversarial.Host;

/// <summary>Own experiments on counts, deaths, collections and finalization.</summary>
public static class LifetimeExperiments
{
    public static IReadOnlyList<Experiment> All { get; } =
    [
        new("L-raw-double-release", "DoubleReleaseException", RawDoubleRelease),
        new("L-owned-value-after-dispose", "ObjectDisposedException", OwnedValueAfterDispose),
        new("L-collect-inside-traverse", "TraversalViolationException", CollectInsideTraverse),
        new("L-shutdown-from-onfree", "ReentrantShutdownException", ShutdownFromOnFree),
        new("L-addroot-after-shutdown", "RuntimeShutDownException", AddRootAfterShutdown),
        new("L-long-chain-release", "freed", () => LongChainRelease(checkedMode: false)),
        new("L-long-chain-release-checked", "freed", () => LongChainRelease(checkedMode: true)),
        new("L-long-cycle-collected", "200000", LongCycleCollected),
        new("L-finalizer-resurrects", "resurrected then freed", FinalizerResurrects),
        new("L-weakref-callback-throws", "1 reported", WeakRefCallbackThrows),
        new("L-weakref-callback-creates-weakrefs", "ok", WeakRefCallbackCreatesWeakRefs),
        new("L-gc-callback-collects", "CollectionInProgressException", GcCallbackCollects),
        new("L-atexit-throws", "1 reported", AtExitThrows),
        new("L-atexit-unregisters-next", "1", AtExitUnregistersNext),
        new("L-defer-throws", "1 reported", DeferThrows),
        new("L-freeze-then-shutdown", "ok", FreezeThenShutdown),
        new("L-automatic-collection-storm", "ok", AutomaticCollectionStorm),
        new("L-fast-exit", "fast", FastExit),
        new("L-net-finalizer-releases-undisposed-owned", "applied", NetFinalizerReleasesUndisposedOwned),
        new("L-release-removes-many-weakrefs", "0", ReleaseManyWeakRefs),
    ];

    private static string RawDoubleRelease()
    {
        Harness h = Harness.Create();
        Node node = h.Runtime.Allocate<Node>();
        node.AddRef();
        node.Release();
        node.Release();
        return h.Finish(Harness.Outcome(node.Release));
    }

    private static string OwnedValueAfterDispose()
    {
        Harness h = Harness.Create();
        Owned<Node> node = h.Runtime.New<Node>().ToOwned();
        node.Dispose();
        return h.Finish(Harness.Outcome(() => _ = node.Value));
    }

    private static string CollectInsideTraverse()
    {
        Harness h = Harness.Create();
        Owned<ImpureTraverse> node = h.Runtime.New<ImpureTraverse>().ToOwned();
        string outcome = "not run";
        node.Value.DuringTraverse = () => outcome = Harness.Outcome(() => h.Runtime.Gc.Collect());
        h.Runtime.Gc.Collect();
        node.Value.DuringTraverse = null;
        node.Dispose();
        return h.Finish(outcome);
    }

    private static string ShutdownFromOnFree()
    {
        Harness h = Harness.Create();
        Owned<Node> node = h.Runtime.New<Node>().ToOwned();
        string outcome = "not run";
        node.Value.OnFreeAction = _ => outcome = Harness.Outcome(() => h.Runtime.Shutdown());
        node.Dispose();
        return h.Finish(outcome);
    }

    private static string AddRootAfterShutdown()
    {
        Harness h = Harness.Create();
        Node node = h.Runtime.Allocate<Node>();
        h.Finish("shut down", expectedAlive: 1);
        return Harness.Outcome(() => h.Runtime.AddRoot("late", node));
    }

    private static string LongChainRelease(bool checkedMode)
    {
        // Automatic collections run all along: in checked mode each one used to audit the whole heap.
        Harness h = Harness.Create(checkedMode);
        Node head = h.Runtime.Allocate<Node>();
        Node tail = head;
        for (int i = 0, length = checkedMode ? 200_000 : 1_000_000; i < length; i++)
        {
            Node next = h.Runtime.Allocate<Node>();
            tail.Next.SetOwned(next);
            tail = next;
        }

        head.Release();
        return h.Finish(tail.State == RcObjectState.Freed ? "freed" : tail.State.ToString());
    }

    private static string LongCycleCollected()
    {
        Harness h = Harness.Create(checkedMode: false);
        h.Runtime.Gc.Disable();
        Node head = h.Runtime.Allocate<Node>();
        Node tail = head;
        for (int i = 1; i < 200_000; i++)
        {
            Node next = h.Runtime.Allocate<Node>();
            tail.Next.SetOwned(next);
            tail = next;
        }

        tail.Next.Set(head);
        head.Release();
        long collected = h.Runtime.Gc.Collect().Collected;
        return h.Finish(collected.ToString(CultureInfo.InvariantCulture));
    }

    private static string FinalizerResurrects()
    {
        Harness h = Harness.Create();
        Owned<Node> keeper = h.Runtime.New<Node>().ToOwned();
        Owned<Node> victim = h.Runtime.New<Node>().ToOwned();
        Node target = victim.Value;
        target.OnFinalizeAction = n => keeper.Value.Next.Set(n);
        victim.Dispose();
        string first = target.State == RcObjectState.Freed ? "freed" : "resurrected";
        keeper.Value.Next.Clear();
        string second = target.State == RcObjectState.Freed ? "freed" : target.State.ToString();
        keeper.Dispose();
        return h.Finish($"{first} then {second}");
    }

    private static string WeakRefCallbackThrows()
    {
        Harness h = Harness.Create();
        Owned<Node> target = h.Runtime.New<Node>().ToOwned();
        Owned<WeakRef> weak = h.Runtime.WeakRef(target.Value, _ => throw new InvalidOperationException("callback failed")).ToOwned();
        target.Dispose();
        weak.Dispose();
        return h.Finish($"{h.Unraisable.Count} reported");
    }

    private static string WeakRefCallbackCreatesWeakRefs()
    {
        Harness h = Harness.Create();
        Owned<Node> target = h.Runtime.New<Node>().ToOwned();
        Owned<Node> other = h.Runtime.New<Node>().ToOwned();
        List<Owned<WeakRef>> made = [];
        Owned<WeakRef> weak = h.Runtime.WeakRef(target.Value, _ =>
        {
            for (int i = 0; i < 100; i++)
            {
                made.Add(h.Runtime.WeakRef(other.Value).ToOwned());
            }
        }).ToOwned();
        target.Dispose();
        weak.Dispose();
        made.ForEach(w => w.Dispose());
        other.Dispose();
        return h.Finish(h.Unraisable.Count == 0 ? "ok" : h.Unraisable[0].Exception.GetType().Name);
    }

    private static string GcCallbackCollects()
    {
        Harness h = Harness.Create();
        string outcome = "not run";
        Action<GcCallbackPhase, GcCallbackInfo> callback = (phase, _) =>
        {
            if (phase == GcCallbackPhase.Start)
            {
                outcome = Harness.Outcome(() => h.Runtime.Gc.Collect());
            }
        };
        h.Runtime.Gc.AddCallback(callback);
        h.Runtime.Gc.Collect();
        h.Runtime.Gc.RemoveCallback(callback);
        return h.Finish(outcome);
    }

    private static string AtExitThrows()
    {
        Harness h = Harness.Create();
        h.Runtime.AtExit(() => throw new InvalidOperationException("at exit"));
        h.Finish("shut down");
        return $"{h.Unraisable.Count} reported";
    }

    private static string AtExitUnregistersNext()
    {
        Harness h = Harness.Create();
        int runs = 0;
        AtExitRegistration first = h.Runtime.AtExit(() => runs++);
        h.Runtime.AtExit(() =>
        {
            runs++;
            first.Dispose();
        });
        h.Finish("shut down");
        return runs.ToString(CultureInfo.InvariantCulture);
    }

    private static string DeferThrows()
    {
        Harness h = Harness.Create();
        h.Runtime.Defer(() => throw new InvalidOperationException("deferred"));
        h.Runtime.SafePoint();
        return h.Finish($"{h.Unraisable.Count} reported");
    }

    private static string FreezeThenShutdown()
    {
        Harness h = Harness.Create();
        using (Owned<Node> a = h.Runtime.New<Node>().ToOwned())
        using (Owned<Node> b = h.Runtime.New<Node>().ToOwned())
        {
            a.Value.Next.Set(b.Value);
            b.Value.Next.Set(a.Value);
        }

        h.Runtime.Gc.Freeze();
        ShutdownReport report = h.Runtime.Shutdown();
        return h.Finish("ok", expectedAlive: report.AliveByType.Values.Sum());
    }

    private static string AutomaticCollectionStorm()
    {
        Harness h = Harness.Create(checkedMode: false);
        h.Runtime.Gc.Enable();
        h.Runtime.Gc.SetThreshold(10);
        for (int i = 0; i < 50_000; i++)
        {
            using Owned<Node> a = h.Runtime.New<Node>().ToOwned();
            using Owned<Node> b = h.Runtime.New<Node>().ToOwned();
            a.Value.Next.Set(b.Value);
            b.Value.Next.Set(a.Value);
        }

        return h.Finish("ok");
    }

    private static string FastExit()
    {
        Harness h = Harness.Create();
        Owned<Node> node = h.Runtime.New<Node>().ToOwned();
        ShutdownReport report = h.Runtime.Shutdown(new ShutdownOptions { FastExit = true });
        return report.FastExit ? h.Finish("fast", expectedAlive: 1) : "not fast";
    }

    private static string NetFinalizerReleasesUndisposedOwned()
    {
        Harness h = Harness.Create();
        Node target = LoseHandle(h.Runtime);
        for (int i = 0; i < 5 && h.Runtime.PendingReleaseCount == 0; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        h.Runtime.SafePoint();
        string outcome = target.RefCount == 1 ? "applied" : $"count {target.RefCount}";
        target.Release();
        return h.Finish(outcome);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static Node LoseHandle(Runtime runtime)
    {
        Owned<Node> handle = runtime.New<Node>().ToOwned();
        Node target = handle.Value;
        target.AddRef();
        return target;
    }

    private static string ReleaseManyWeakRefs()
    {
        Harness h = Harness.Create(checkedMode: false);
        Owned<Node> target = h.Runtime.New<Node>().ToOwned();
        List<Owned<WeakRef>> weak = [];
        for (int i = 0; i < 200_000; i++)
        {
            weak.Add(h.Runtime.WeakRef(target.Value, _ => { }).ToOwned());
        }

        weak.ForEach(w => w.Dispose());
        int left = h.Runtime.GetWeakRefCount(target.Value);
        target.Dispose();
        return h.Finish(left.ToString(CultureInfo.InvariantCulture));
    }
}
