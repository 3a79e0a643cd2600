using Reclaim.Tests.Support;

namespace Reclaim.Tests.Reliability.Issue12;

/// <summary>Issue 12, finding 6: leaks and silent wrong results.</summary>
public sealed class Finding6LeakTests
{
    /// <summary>
    /// Bullet 1: cleared garbage was freed without the second clear of the death path, so a type whose collector-time
    /// clear is partial kept (leaked) the rest of its references.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Finding6_PartialClearGarbage_DropsTheRestOfItsReferencesWhenItDies(bool checkedMode)
    {
        using TestRuntime t = new(checkedMode);
        using Owned<Node> outside = t.Node("outside");
        using (Owned<PartialClearNode> partial = t.Runtime.New<PartialClearNode>().ToOwned())
        using (Owned<Node> partner = t.Node("partner"))
        {
            partial.Value.Cycle.Set(partner.Value);
            partial.Value.Kept.Set(outside.Value);
            partner.Value.Next.Set(partial.Value);
        }

        Assert.Equal(2, outside.Value.RefCount);

        CollectionResult result = t.Gc.Collect();

        Assert.Equal(2, result.Collected);
        Assert.Equal(1, outside.Value.RefCount);
        HeapAssert.ConsistentAfterwards(t);
    }

    /// <summary>
    /// Bullet 3: a release queued from another thread while shutdown retires the queue used to be able to land after
    /// the retiring drain and stay queued for ever. Every release now ends applied, late or refused — never queued.
    /// </summary>
    [Fact]
    public void Finding6_ReleasesRacingShutdown_NoneStaysQueued()
    {
        for (int round = 0; round < 20; round++)
        {
            // Checked: until the thread check of finding 1 holds in every mode, a foreign release on an unchecked
            // single-thread runtime takes the raw path.
            TestRuntime t = new(checkedMode: true);
            Node[] targets = new Node[2_000];
            for (int i = 0; i < targets.Length; i++)
            {
                targets[i] = t.Runtime.Allocate<Node>();
            }

            using var go = new ManualResetEventSlim();
            int refused = 0;
            Thread releaser = OtherThread.Start(
                () =>
                {
                    go.Wait();
                    foreach (Node target in targets)
                    {
                        try
                        {
                            target.Release();
                        }
                        catch (RuntimeShutDownException)
                        {
                            Interlocked.Increment(ref refused);
                        }
                    }
                },
                out Func<Exception?> outcome);
            go.Set();
            ShutdownReport report = t.Runtime.Shutdown();

            Assert.True(releaser.Join(OtherThread.DeadlockLimit));
            Assert.Null(outcome());
            RuntimeStats stats = t.Runtime.GetStats();
            Assert.Equal(0, stats.PendingReleases);
            Assert.Equal(targets.Length, stats.PendingReleasesApplied + stats.LateReleases + refused);
            Assert.True(report.PendingReleasesApplied <= stats.PendingReleasesApplied);
        }
    }

    /// <summary>Bullet 5: these entry points skipped the lock check and raced with collections.</summary>
    [Theory]
    [InlineData("Gc.Enable")]
    [InlineData("Gc.Disable")]
    [InlineData("Gc.SetThreshold")]
    [InlineData("Gc.AddCallback")]
    [InlineData("Gc.RemoveCallback")]
    [InlineData("Gc.GetObjects")]
    [InlineData("GetWeakRefs")]
    [InlineData("GetWeakRefCount")]
    public void Finding6_IntrospectionFromAThreadWithoutTheLock_IsRefused(string operation)
    {
        using TestRuntime t = new();
        using Owned<Node> node = t.Node();
        Action<GcCallbackPhase, GcCallbackInfo> callback = (_, _) => { };
        Action call = operation switch
        {
            "Gc.Enable" => t.Gc.Enable,
            "Gc.Disable" => t.Gc.Disable,
            "Gc.SetThreshold" => () => t.Gc.SetThreshold(10),
            "Gc.AddCallback" => () => t.Gc.AddCallback(callback),
            "Gc.RemoveCallback" => () => t.Gc.RemoveCallback(callback),
            "Gc.GetObjects" => () => t.Gc.GetObjects(),
            "GetWeakRefs" => () => t.Runtime.GetWeakRefs(node.Value),
            _ => () => t.Runtime.GetWeakRefCount(node.Value),
        };

        LockNotHeldException refused = Assert.IsType<LockNotHeldException>(OtherThread.Run(call));

        Assert.Contains(operation, refused.Message, StringComparison.Ordinal);
    }
}
