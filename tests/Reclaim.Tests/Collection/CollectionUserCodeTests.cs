using Reclaim.Tests.Support;

namespace Reclaim.Tests.Collection;

/// <summary>
/// User code a collection runs (finalizers, weak-reference callbacks) may allocate, link and release freely;
/// the collection completes and leaves a consistent heap.
/// </summary>
public sealed class CollectionUserCodeTests
{
    [Fact]
    public void Collect_FinalizersAllocateLinkAndRelease_CompletesAndHeapStaysConsistent()
    {
        using TestRuntime t = new();
        Owned<Node> keeper = t.Node("keeper");
        Owned<Node> survivor = t.Node("survivor");
        Node dropped = t.Runtime.Allocate<Node>();
        survivor.Value.Other.SetOwned(dropped);

        // Garbage: f0 -> f1 -> ... -> f5 -> shared -> f0, where shared also holds the live survivor.
        FinalizableNode[] ring = new FinalizableNode[6];
        for (int i = 0; i < ring.Length; i++)
        {
            ring[i] = t.Runtime.Allocate<FinalizableNode>();
        }

        Node shared = t.Runtime.Allocate<Node>();
        for (int i = 0; i < ring.Length; i++)
        {
            ring[i].Next.Set(i + 1 < ring.Length ? ring[i + 1] : shared);
            ring[i].OnFinalizeAction = _ =>
            {
                // Allocate and link into live structure: a chain hanging off the keeper.
                Node fresh = t.Runtime.Allocate<Node>();
                fresh.Next.Set(keeper.Value.Next.Value);
                keeper.Value.Next.SetOwned(fresh);

                // Allocate new cyclic garbage for a later collection.
                t.Ring(2).Dispose();

                // Release a live object the garbage holds, and free a live object by reference counting.
                shared.Other.Clear();
                survivor.Value.Other.Clear();
            };
        }

        shared.Next.Set(ring[0]);
        shared.Other.Set(survivor.Value);
        shared.Release();
        foreach (FinalizableNode node in ring)
        {
            node.Release();
        }

        CollectionResult result = t.Gc.Collect();

        Assert.Equal(7, result.Collected);
        Assert.All(ring, n => Assert.Equal(RcObjectState.Freed, n.State));
        Assert.All(ring, n => Assert.Equal(1, n.FinalizeCount));
        Assert.Equal(RcObjectState.Freed, shared.State);
        Assert.Equal(RcObjectState.Freed, dropped.State);
        Assert.Equal(1, survivor.Value.RefCount);
        Assert.Equal(6, ChainLength(keeper.Value));
        Assert.Empty(t.Unraisable);

        // Everything the finalizers made is in generation 0, and the 2-rings they dropped are garbage.
        Assert.Equal(6 + 12, t.Gc.GetObjects(0).Count);
        Assert.Equal(12, t.Gc.Collect().Collected);
        keeper.Dispose();
        Assert.Equal([survivor.Value], t.Gc.GetObjects());
        survivor.Dispose();
        HeapAssert.ConsistentAfterwards(t);
        Assert.Empty(t.Unraisable);
    }

    [Fact]
    public void Collect_FinalizerResurrectsHalfTheGarbage_ResurrectedSurviveIntactOthersFreed()
    {
        using TestRuntime t = new();
        using Owned<Holder> keeper = t.Runtime.Adopt(new Holder(4)).ToOwned();
        FinalizableNode[] pairs = new FinalizableNode[8];
        for (int i = 0; i < pairs.Length; i++)
        {
            pairs[i] = t.Runtime.Allocate<FinalizableNode>();
        }

        for (int i = 0; i < pairs.Length; i += 2)
        {
            pairs[i].Next.Set(pairs[i + 1]);
            pairs[i + 1].Next.Set(pairs[i]);
            if (i % 4 == 0)
            {
                int slot = i / 2;
                pairs[i].OnFinalizeAction = self => keeper.Value.Items[slot].Set(self);
            }
        }

        foreach (FinalizableNode node in pairs)
        {
            node.Release();
        }

        CollectionResult result = t.Gc.Collect();

        Assert.Equal(4, result.Collected);
        for (int i = 0; i < pairs.Length; i++)
        {
            bool resurrected = i % 4 < 2;
            Assert.Equal(resurrected ? RcObjectState.Finalized : RcObjectState.Freed, pairs[i].State);
            Assert.Equal(1, pairs[i].FinalizeCount);
        }

        // The resurrected pairs kept their links (nothing was cleared) and moved to generation 2.
        Assert.Same(pairs[1], pairs[0].Next.Value);
        Assert.Same(pairs[0], pairs[1].Next.Value);
        Assert.Contains(pairs[4], t.Gc.GetObjects(2));

        for (int i = 0; i < keeper.Value.Items.Length; i++)
        {
            keeper.Value.Items[i].Clear();
        }

        Assert.Equal(4, t.Gc.Collect().Collected);
        Assert.All(pairs, n => Assert.Equal(1, n.FinalizeCount));
        Assert.All(pairs, n => Assert.Equal(RcObjectState.Freed, n.State));
    }

    [Fact]
    public void Collect_WeakRefCallbackAllocatesAndReleases_CollectionCompletes()
    {
        using TestRuntime t = new();
        using Owned<Node> keeper = t.Node("keeper");
        Node garbage;
        using (Owned<Node> ring = t.Ring(3))
        {
            garbage = ring.Value;
        }

        using Owned<WeakRef> weak = t.Runtime.WeakRef(garbage, _ =>
        {
            using Owned<Node> fresh = t.Node("fresh");
            keeper.Value.Next.Set(fresh.Value);
            t.Ring(2).Dispose();
        }).ToOwned();

        CollectionResult result = t.Gc.Collect();

        Assert.Equal(3, result.Collected);
        Assert.Equal(RcObjectState.Freed, garbage.State);
        Assert.Equal("fresh", ((Node)keeper.Value.Next.Value!).Name);
        Assert.Equal(2, t.Gc.Collect().Collected);
        Assert.Empty(t.Unraisable);
    }

    [Fact]
    public void Collect_FinalizerThrows_ReportedAndObjectStillCollected()
    {
        using TestRuntime t = new();
        FinalizableNode node = t.FinalizableSelfCycle(_ => throw new InvalidOperationException("finalizer failed"));

        CollectionResult result = t.Gc.Collect();

        Assert.Equal(1, result.Collected);
        Assert.Equal(RcObjectState.Freed, node.State);
        UnraisableInfo report = Assert.Single(t.Unraisable);
        Assert.Equal(UnraisablePhase.Finalizer, report.Phase);
        Assert.Same(node, report.Object);
        HeapAssert.ConsistentAfterwards(t);
    }

    [Fact]
    public void Collect_FromFinalizerOfObjectDyingByReferenceCount_FreesGarbageBeforeReturning()
    {
        using TestRuntime t = new();
        Node garbage;
        using (Owned<Node> ring = t.Ring(3))
        {
            garbage = ring.Value;
        }

        CollectionResult? inner = null;
        RcObjectState stateSeenAfterCollect = RcObjectState.Unborn;
        Owned<FinalizableNode> dying = t.Runtime.New<FinalizableNode>().ToOwned();
        dying.Value.OnFinalizeAction = _ =>
        {
            inner = t.Gc.Collect();
            stateSeenAfterCollect = garbage.State;
        };

        dying.Dispose();

        // Not a nested collection: the finalizer runs on the release path, outside any collection. Its collection
        // frees what it cleared before returning, and counts it as collected, not uncollectable.
        Assert.NotNull(inner);
        Assert.Equal(3, inner.Value.Collected);
        Assert.Equal(0, inner.Value.Uncollectable);
        Assert.Equal(RcObjectState.Freed, stateSeenAfterCollect);
        Assert.Equal(new GenerationStats(2, 1, 3, 0), t.Gc.GetStats()[2]);
        Assert.Empty(t.Gc.GetObjects());
        Assert.Empty(t.Unraisable);
        HeapAssert.ConsistentAfterwards(t);
    }

    [Fact]
    public void Allocate_InOnFreeCrossingThreshold_AutomaticCollectionCountsGarbageAsCollected()
    {
        using TestRuntime t = new(automaticCollection: true);
        t.Gc.SetThreshold(5);
        List<GcCallbackInfo> stops = [];
        t.Gc.AddCallback((phase, info) =>
        {
            if (phase == GcCallbackPhase.Stop)
            {
                stops.Add(info);
            }
        });
        t.Ring(3).Dispose();
        List<Owned<Node>> kept = [];
        Owned<Node> dying = t.Node("dying");
        dying.Value.OnFreeAction = _ =>
        {
            for (int i = 0; i < 3; i++)
            {
                kept.Add(t.Node());
            }
        };

        // count0: 3 (ring) + 1 (dying) - 1 (dying freed) + 3 allocations in OnFree: the third one collects.
        dying.Dispose();

        Assert.Equal([new GcCallbackInfo(0, 3, 0)], stops);
        Assert.Equal(2, t.Gc.GetObjects(1).Count);
        Assert.Same(kept[2].Value, Assert.Single(t.Gc.GetObjects(0)));
        kept.ForEach(o => o.Dispose());
        HeapAssert.ConsistentAfterwards(t);
    }

    [Fact]
    public void Collect_FromOnFreeWhileSiblingDeathIsPending_NeverTreatsTheDyingSiblingAsGarbage()
    {
        using TestRuntime t = new();
        using Owned<Node> parent = t.Node("parent");
        Node collector = t.Runtime.Allocate<Node>();
        FinalizableNode sibling = t.Runtime.Allocate<FinalizableNode>();
        using Owned<Node> grandchild = t.Node("grandchild");
        sibling.Next.Set(grandchild.Value);
        Node garbage;
        using (Owned<Node> ring = t.Ring(2))
        {
            garbage = ring.Value;
        }

        CollectionResult? inner = null;
        collector.OnFreeAction = _ => inner = t.Gc.Collect();
        parent.Value.Next.SetOwned(collector);
        parent.Value.Other.SetOwned(sibling);

        // The parent's death releases both children; the collector child dies first and collects while the
        // sibling's death (count zero, finalizer not yet run) is still queued.
        parent.Dispose();

        Assert.Empty(t.Unraisable);
        Assert.NotNull(inner);
        Assert.Equal(2, inner.Value.Collected);
        Assert.Equal(0, inner.Value.Uncollectable);
        Assert.Equal(RcObjectState.Freed, garbage.State);
        Assert.Equal(RcObjectState.Freed, sibling.State);
        Assert.Equal(1, sibling.FinalizeCount);
        Assert.Equal(1, sibling.FreeCount);
        Assert.Equal(1, grandchild.Value.RefCount);
        Assert.Equal([grandchild.Value], t.Gc.GetObjects());
        grandchild.Dispose();
        HeapAssert.ConsistentAfterwards(t);
    }

    [Fact]
    public void Collect_FromOnFreeWithFinalizersBreakingTheRing_FreesTheRingAsOutsideTheReleasePath()
    {
        using TestRuntime t = new();
        FinalizableNode[] ring = new FinalizableNode[4];
        for (int i = 0; i < ring.Length; i++)
        {
            ring[i] = t.Runtime.Allocate<FinalizableNode>();
        }

        for (int i = 0; i < ring.Length; i++)
        {
            ring[i].Next.Set(ring[(i + 1) % ring.Length]);
            ring[i].OnFinalizeAction = self => self.Next.Clear();
        }

        foreach (FinalizableNode node in ring)
        {
            node.Release();
        }

        CollectionResult? inner = null;
        Owned<Node> trigger = t.Node("trigger");
        trigger.Value.OnFreeAction = _ => inner = t.Gc.Collect();

        trigger.Dispose();

        // Same outcome as Collect_GarbageDyingByReferenceCountInFinalizers_IsNotCountedAsCollected, run from OnFree.
        Assert.Empty(t.Unraisable);
        Assert.NotNull(inner);
        Assert.Equal(0, inner.Value.Collected);
        Assert.All(ring, n => Assert.Equal(RcObjectState.Freed, n.State));
        Assert.All(ring, n => Assert.Equal(1, n.FinalizeCount));
        Assert.Empty(t.Gc.GetObjects());
        HeapAssert.ConsistentAfterwards(t);
    }

    private static int ChainLength(Node start)
    {
        int length = 0;
        for (RcObject? current = start.Next.Value; current is Node node; current = node.Next.Value)
        {
            length++;
        }

        return length;
    }
}
