using Reclaim.Tests.Support;

namespace Reclaim.Tests.Reliability.Issue12;

/// <summary>
/// Issue 12, finding 1: memory safety from any thread, in every mode. The runtimes here are unchecked with only the
/// creating thread attached, the configuration in which the thread check used to be skipped. A thread that does not
/// hold the lock is refused for increments, stores and allocation, and its releases are queued for the holder.
/// </summary>
public sealed class Finding1FastPathThreadSafetyTests
{
    [Theory]
    [InlineData("AddRef")]
    [InlineData("RcField.Set")]
    [InlineData("RcField.Clear")]
    [InlineData("RcList.Add")]
    [InlineData("Allocate")]
    public void Finding1_UncheckedRuntime_ForeignThreadCountChangeOrStore_IsRefusedAndChangesNothing(string operation)
    {
        TestRuntime t = new(checkedMode: false);
        Owned<Node> holder = t.Node("holder");
        Owned<Node> target = t.Node("target");
        holder.Value.Other.Set(target.Value);
        var list = new RcList<Node>();
        Action misuse = operation switch
        {
            "AddRef" => target.Value.AddRef,
            "RcField.Set" => () => holder.Value.Next.Set(target.Value),
            "RcField.Clear" => () => holder.Value.Other.Clear(),
            "RcList.Add" => () => list.Add(target.Value),
            _ => () => t.Runtime.Allocate<Node>(),
        };

        Assert.IsType<LockNotHeldException>(OtherThread.Run(misuse));

        Assert.Equal(2, target.Value.RefCount);
        Assert.Null(holder.Value.Next.Value);
        Assert.Same(target.Value, holder.Value.Other.Value);
        Assert.Empty(list);
        holder.Dispose();
        target.Dispose();
        HeapAssert.ConsistentAfterwards(t, expectedCollected: 0);
    }

    [Fact]
    public void Finding1_UncheckedRuntime_ForeignRawRelease_IsQueuedUntilASafePoint()
    {
        TestRuntime t = new(checkedMode: false);
        Node node = t.Runtime.Allocate<Node>();
        node.AddRef();

        Assert.Null(OtherThread.Run(node.Release));

        Assert.Equal(2, node.RefCount);
        Assert.Equal(1, t.Runtime.PendingReleaseCount);
        t.Runtime.SafePoint();
        Assert.Equal(1, node.RefCount);
        node.Release();
        Assert.Equal(RcObjectState.Freed, node.State);
        HeapAssert.ConsistentAfterwards(t, expectedCollected: 0);
    }

    [Fact]
    public void Finding1_UncheckedRuntime_ForeignReleasesWhileTheHolderBuildsAndCollectsCycles_LoseNothing()
    {
        const int Objects = 20_000;
        TestRuntime t = new(checkedMode: false);
        var shared = new Node[Objects];
        for (int i = 0; i < Objects; i++)
        {
            shared[i] = t.Runtime.Allocate<Node>();
            shared[i].AddRef();
        }

        Thread releaser = OtherThread.Start(
            () =>
            {
                foreach (Node node in shared)
                {
                    node.Release();
                }
            },
            out Func<Exception?> thrown);

        int rings = 0;
        while (releaser.IsAlive || rings < 10)
        {
            Node a = t.Runtime.Allocate<Node>();
            Node b = t.Runtime.Allocate<Node>();
            a.Next.Set(b);
            b.Next.SetOwned(a);
            b.Release();
            if (++rings % 100 == 0)
            {
                t.Gc.Collect();
            }
        }

        Assert.True(releaser.Join(OtherThread.DeadlockLimit), "The releasing thread did not finish.");
        Assert.Null(thrown());
        t.Runtime.SafePoint();
        Assert.Equal(0, t.Runtime.PendingReleaseCount);
        foreach (Node node in shared)
        {
            Assert.Equal(1, node.RefCount);
            node.Release();
            Assert.Equal(RcObjectState.Freed, node.State);
        }

        Assert.Equal(2 * (rings % 100), t.Gc.Collect().Collected);
        HeapAssert.ConsistentAfterwards(t, expectedCollected: 0);
    }

    [Fact]
    public void Finding1_UncheckedRuntime_AddRefReleasePairsFromTwoThreads_KeepTheCountExact()
    {
        TestRuntime t = new(checkedMode: false);
        Node node = t.Runtime.Allocate<Node>();
        int refusals = 0;
        Thread other = OtherThread.Start(
            () =>
            {
                for (int i = 0; i < 10_000; i++)
                {
                    try
                    {
                        node.AddRef();
                        node.Release();
                    }
                    catch (LockNotHeldException)
                    {
                        refusals++;
                    }
                }
            },
            out Func<Exception?> thrown);

        for (int i = 0; i < 100_000; i++)
        {
            node.AddRef();
            node.Release();
        }

        Assert.True(other.Join(OtherThread.DeadlockLimit), "The other thread did not finish.");
        Assert.Null(thrown());
        Assert.Equal(10_000, refusals);
        Assert.Equal(1, node.RefCount);
        node.Release();
        Assert.Equal(RcObjectState.Freed, node.State);
        HeapAssert.ConsistentAfterwards(t, expectedCollected: 0);
    }

    [Fact]
    public void Finding1_TwoAttachedThreads_UncheckedFastPathFollowsTheLock()
    {
        TestRuntime t = new(checkedMode: false);
        Node node = t.Runtime.Allocate<Node>();
        Exception? inside = null;
        using (t.Runtime.Detach())
        {
            inside = OtherThread.Run(() =>
            {
                using ThreadAttachment attachment = t.Runtime.Attach();
                node.AddRef();
                Node child = t.Runtime.Allocate<Node>();
                node.Next.SetOwned(child);
            });

            // Detached: the creating thread no longer holds the lock, so its own increments are refused too.
            Assert.IsType<LockNotHeldException>(Record.Exception(node.AddRef));
        }

        Assert.Null(inside);
        Assert.Equal(2, node.RefCount);
        node.Release();
        node.Release();
        Assert.Equal(RcObjectState.Freed, node.State);
        HeapAssert.ConsistentAfterwards(t, expectedCollected: 0);
    }

    [Fact]
    public void Finding1_CollectorArrayStore_OutsideTheArray_ThrowsInsteadOfWritingMemory()
    {
        var array = new RcObject?[4];

        Assert.Throws<IndexOutOfRangeException>(() => RcObjectArray.Store(array, 4, null));
        Assert.Throws<IndexOutOfRangeException>(() => RcObjectArray.Store(array, -1, null));
    }
}
