using Reclaim.Tests.Support;

namespace Reclaim.Tests.Collection;

public sealed class CycleCollectionTests
{
    [Fact]
    public void Collect_TwoNodeCycle_FreesBoth()
    {
        using TestRuntime t = new();
        Node a, b;
        using (Owned<Node> oa = t.Node("a"))
        using (Owned<Node> ob = t.Node("b"))
        {
            a = oa.Value;
            b = ob.Value;
            a.Next.Set(b);
            b.Next.Set(a);
        }

        Assert.Equal(RcObjectState.Alive, a.State);
        CollectionResult result = t.Gc.Collect();
        Assert.Equal(2, result.Collected);
        Assert.Equal(0, result.Uncollectable);
        Assert.Equal(RcObjectState.Freed, a.State);
        Assert.Equal(RcObjectState.Freed, b.State);
        Assert.Equal(1, a.FreeCount);
    }

    [Fact]
    public void Collect_ReachableRing_SurvivesAndMovesOlder()
    {
        using TestRuntime t = new();
        using Owned<Node> ring = t.Ring(10);
        CollectionResult result = t.Gc.Collect(0);
        Assert.Equal(0, result.Collected);
        Assert.Equal(10, t.Gc.GetObjects(1).Count);
        Assert.Empty(t.Gc.GetObjects(0));
    }

    [Fact]
    public void Collect_GarbageBesideLive_FreesOnlyGarbage()
    {
        using TestRuntime t = new();
        using Owned<Node> live = t.Ring(10);
        Owned<Node> dead = t.Ring(10);
        Node deadNode = dead.Value;
        dead.Dispose();
        CollectionResult result = t.Gc.Collect();
        Assert.Equal(10, result.Collected);
        Assert.Equal(RcObjectState.Freed, deadNode.State);
        Assert.Equal(10, t.Gc.GetObjects(2).Count);
    }

    [Fact]
    public void Collect_FinalizerSeesIntactCycleAndRunsOnce()
    {
        using TestRuntime t = new();
        FinalizableNode a;
        RcObject? seenNext = null;
        using (Owned<FinalizableNode> oa = t.Runtime.New<FinalizableNode>().ToOwned())
        using (Owned<FinalizableNode> ob = t.Runtime.New<FinalizableNode>().ToOwned())
        {
            a = oa.Value;
            a.Next.Set(ob.Value);
            ob.Value.Next.Set(a);
            a.OnFinalizeAction = self => seenNext = self.Next.Value;
        }

        t.Gc.Collect();
        Assert.Equal(1, a.FinalizeCount);
        Assert.NotNull(seenNext);
        Assert.Equal(RcObjectState.Freed, a.State);
    }

    [Fact]
    public void Collect_FinalizerResurrects_ObjectSurvivesAndIsNotFinalizedAgain()
    {
        using TestRuntime t = new();
        using Owned<Node> keeper = t.Node("keeper");
        FinalizableNode resurrected = t.FinalizableSelfCycle(self => keeper.Value.Next.Set(self));

        CollectionResult first = t.Gc.Collect();
        Assert.Equal(0, first.Collected);
        Assert.Equal(RcObjectState.Finalized, resurrected.State);
        Assert.True(t.Gc.IsFinalized(resurrected));

        keeper.Value.Next.Clear();
        CollectionResult second = t.Gc.Collect();
        Assert.Equal(1, second.Collected);
        Assert.Equal(1, resurrected.FinalizeCount);
        Assert.Equal(RcObjectState.Freed, resurrected.State);
    }

    [Fact]
    public void Collect_MillionDeepLiveChainBesideMillionLongGarbageRing_MarksAndFreesWithoutRecursion()
    {
        // A recursive mark would need a stack frame per link; a million links overflow any default stack.
        using TestRuntime t = new(checkedMode: false);
        const int length = 1_000_000;
        using Owned<Node> live = t.Node("live head");
        Node tail = live.Value;
        for (int i = 1; i < length; i++)
        {
            Node next = t.Runtime.AdoptReference(new Node());
            tail.Next.SetOwned(next);
            tail = next;
        }

        Node ringHead;
        using (Owned<Node> ring = t.Ring(length))
        {
            ringHead = ring.Value;
        }

        CollectionResult result = t.Gc.Collect();

        Assert.Equal(length, result.Collected);
        Assert.Equal(RcObjectState.Freed, ringHead.State);
        Assert.True(tail.IsAlive);
        Assert.Equal(length, t.Gc.GetObjects(2).Count);
    }
}
