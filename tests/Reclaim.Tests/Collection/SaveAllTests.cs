using Reclaim.Tests.Support;

namespace Reclaim.Tests.Collection;

/// <summary><c>gc.DEBUG_SAVEALL</c> and <c>gc.garbage</c> against CPython 3.11.</summary>
public sealed class SaveAllTests
{
    [Fact]
    public void Collect_SaveAll_KeepsGarbageUnclearedInGarbage()
    {
        using TestRuntime t = new();
        t.Gc.Debug = GcDebugFlags.SaveAll;
        (Node a, FinalizableNode b) = MakeCycle(t);

        CollectionResult result = t.Gc.Collect();

        // python3 (N <-> F with __del__, DEBUG_SAVEALL): collect() returns 2, stop info collected 2 / uncollectable 0,
        // gc.garbage == [N, F] with their attributes intact, F's __del__ ran once: is_finalized [False, True].
        Assert.Equal(2, result.Collected);
        Assert.Equal(0, result.Uncollectable);
        Assert.Equal([a, b], t.Gc.Garbage);
        Assert.Equal(RcObjectState.Alive, a.State);
        Assert.Equal(RcObjectState.Finalized, b.State);
        Assert.Same(b, a.Next.Value);
        Assert.Same(a, b.Next.Value);
        Assert.Equal(1, b.FinalizeCount);
        Assert.False(t.Gc.IsFinalized(a));
        Assert.True(t.Gc.IsFinalized(b));
        Assert.Equal(2, a.RefCount);
        Assert.Equal(2, b.RefCount);
        Assert.Equal(0, a.FreeCount);
        Assert.Equal(new GenerationStats(2, 1, 2, 0), t.Gc.GetStats()[2]);

        // They survived into generation 2.
        Assert.Equal(2, t.Gc.GetObjects(2).Count);
    }

    [Fact]
    public void Collect_SaveAllGarbageStillHeld_FindsNothingMore()
    {
        using TestRuntime t = new();
        t.Gc.Debug = GcDebugFlags.SaveAll;
        MakeCycle(t);
        t.Gc.Collect();
        t.Gc.Debug = GcDebugFlags.None;

        // python3: with gc.garbage still holding the cycle, gc.collect() returns 0.
        Assert.Equal(0, t.Gc.Collect().Collected);
        Assert.Equal(2, t.Gc.Garbage.Count);
    }

    [Fact]
    public void ClearGarbage_ThenCollect_FreesSavedGarbageWithoutFinalizingAgain()
    {
        using TestRuntime t = new();
        t.Gc.Debug = GcDebugFlags.SaveAll;
        (Node a, FinalizableNode b) = MakeCycle(t);
        t.Gc.Collect();
        t.Gc.Debug = GcDebugFlags.None;

        t.Gc.ClearGarbage();

        Assert.Empty(t.Gc.Garbage);
        Assert.Equal(RcObjectState.Alive, a.State);
        Assert.Equal(1, a.RefCount);

        CollectionResult result = t.Gc.Collect();

        // python3: after del gc.garbage[:], gc.collect() returns 2 and __del__ does not run again.
        Assert.Equal(2, result.Collected);
        Assert.Equal(RcObjectState.Freed, a.State);
        Assert.Equal(RcObjectState.Freed, b.State);
        Assert.Equal(1, b.FinalizeCount);
        Assert.Equal(1, a.FreeCount);
        Assert.Equal(1, b.FreeCount);
    }

    [Fact]
    public void ClearGarbage_AcyclicSavedObject_IsFreedAtOnce()
    {
        using TestRuntime t = new();
        t.Gc.Debug = GcDebugFlags.SaveAll;
        Node ringNode;
        Leaf leaf;
        using (Owned<Node> ring = t.Ring(2))
        using (Owned<Leaf> ownedLeaf = t.Runtime.New<Leaf>().ToOwned())
        {
            ringNode = ring.Value;
            leaf = ownedLeaf.Value;
            ringNode.Other.Set(leaf);
        }

        t.Gc.Collect();
        Assert.Equal(2, t.Gc.Garbage.Count);
        Assert.Equal(RcObjectState.Alive, leaf.State);

        // Break the cycle by hand; releasing the saved references then frees everything by reference counting.
        ringNode.Next.Clear();
        t.Gc.ClearGarbage();

        Assert.Equal(RcObjectState.Freed, ringNode.State);
        Assert.Equal(RcObjectState.Freed, leaf.State);
        Assert.Empty(t.Gc.GetObjects());
    }

    [Fact]
    public void Collect_SaveAllWithWeakReference_ClearsWeakReferenceAndRunsCallback()
    {
        using TestRuntime t = new();
        t.Gc.Debug = GcDebugFlags.SaveAll;
        (Node a, _) = MakeCycle(t);
        int calls = 0;
        using Owned<WeakRef> weak = t.Runtime.WeakRef(a, _ => calls++).ToOwned();

        t.Gc.Collect();

        // CPython handles weak references before it looks at DEBUG_SAVEALL: saved garbage is weakly dead.
        Assert.Equal(1, calls);
        Assert.True(weak.Value.IsDead);
        Assert.Equal(RcObjectState.Alive, a.State);
    }

    private static (Node A, FinalizableNode B) MakeCycle(TestRuntime t)
    {
        using Owned<Node> a = t.Node("a");
        using Owned<FinalizableNode> b = t.Runtime.New<FinalizableNode>().ToOwned();
        a.Value.Next.Set(b.Value);
        b.Value.Next.Set(a.Value);
        return (a.Value, b.Value);
    }
}
