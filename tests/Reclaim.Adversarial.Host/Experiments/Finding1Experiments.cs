namespace Reclaim.Adversarial.Host;

/// <summary>
/// Issue 12, finding 1 (memory safety from any thread, in every mode). These pass only once the thread check on the
/// fast paths (branch core) is merged; kept apart so they can be checked after that merge.
/// </summary>
public static class Finding1Experiments
{
    public static IReadOnlyList<Experiment> All { get; } =
    [
        new("F1-unchecked-foreign-raw-releases", "consistent", UncheckedForeignRawReleases),
        new("F1-unchecked-addref-from-foreign-thread", "LockNotHeldException", UncheckedAddRefFromForeignThread),
        new("F1-set-from-task-run", "LockNotHeldException", SetFromTaskRun),
        new("F1-allocate-from-task-run", "LockNotHeldException", AllocateFromTaskRun),
    ];

    private static string UncheckedForeignRawReleases()
    {
        Harness h = Harness.Create(checkedMode: false);
        Node[] targets = new Node[200_000];
        for (int i = 0; i < targets.Length; i++)
        {
            targets[i] = h.Runtime.Allocate<Node>();
        }

        var releaser = new Thread(() =>
        {
            foreach (Node target in targets)
            {
                target.Release();
            }
        });
        releaser.Start();
        for (int i = 0; i < 50_000; i++)
        {
            using Owned<Node> a = h.Runtime.New<Node>().ToOwned();
            using Owned<Node> b = h.Runtime.New<Node>().ToOwned();
            a.Value.Next.Set(b.Value);
            b.Value.Next.Set(a.Value);
        }

        releaser.Join();
        h.Runtime.SafePoint();
        return h.Finish("consistent");
    }

    private static string UncheckedAddRefFromForeignThread()
    {
        Harness h = Harness.Create(checkedMode: false);
        Owned<Node> node = h.Runtime.New<Node>().ToOwned();
        string outcome = Harness.OnOtherThread(node.Value.AddRef);
        node.Dispose();
        return h.Finish(outcome);
    }

    private static string SetFromTaskRun()
    {
        Harness h = Harness.Create(checkedMode: false);
        Owned<Node> a = h.Runtime.New<Node>().ToOwned();
        Owned<Node> b = h.Runtime.New<Node>().ToOwned();
        string outcome = Task.Run(() => Harness.Outcome(() => a.Value.Next.Set(b.Value))).GetAwaiter().GetResult();
        a.Dispose();
        b.Dispose();
        return h.Finish(outcome);
    }

    private static string AllocateFromTaskRun()
    {
        Harness h = Harness.Create(checkedMode: false);
        string outcome = Task.Run(() => Harness.Outcome(() => h.Runtime.Allocate<Node>())).GetAwaiter().GetResult();
        return h.Finish(outcome);
    }
}
