using Reclaim.Tests.Support;

namespace Reclaim.Tests.Collection;

/// <summary><c>gc.collect(generation)</c>, <c>gc.get_objects(generation)</c> and <c>gc.get_stats()</c> against CPython 3.11.</summary>
public sealed class CollectGenerationTests
{
    [Fact]
    public void Collect_LiveObject_MovesOneGenerationOlderPerCollection()
    {
        using TestRuntime t = new();
        using Owned<Node> node = t.Node();
        Node x = node.Value;

        // python3 (test_get_objects): a new list is in gen 0; after collect(0) in gen 1; after collect(1) in gen 2;
        // after collect(2) still in gen 2.
        Assert.Equal(0, GenerationOf(t, x));
        t.Gc.Collect(0);
        Assert.Equal(1, GenerationOf(t, x));
        t.Gc.Collect(1);
        Assert.Equal(2, GenerationOf(t, x));
        t.Gc.Collect(2);
        Assert.Equal(2, GenerationOf(t, x));
    }

    [Fact]
    public void Collect_Generation1_MergesGeneration0ButNotGeneration2()
    {
        using TestRuntime t = new();
        Node inGen2 = GarbageRingIn(t, 2);
        Node inGen1 = GarbageRingIn(t, 1);
        Node inGen0 = GarbageRingIn(t, 0);
        Assert.Equal(3, t.Gc.GetObjects(0).Count);
        Assert.Equal(3, t.Gc.GetObjects(1).Count);
        Assert.Equal(3, t.Gc.GetObjects(2).Count);

        CollectionResult result = t.Gc.Collect(1);

        Assert.Equal(new CollectionResult(1, 6, 0, result.Elapsed), result);
        Assert.Equal(RcObjectState.Freed, inGen0.State);
        Assert.Equal(RcObjectState.Freed, inGen1.State);
        Assert.Equal(RcObjectState.Alive, inGen2.State);
        Assert.Equal(3, t.Gc.GetObjects(2).Count);
        Assert.Empty(t.Gc.GetObjects(1));
    }

    [Fact]
    public void Collect_Generation0_LeavesOlderGarbageAlone()
    {
        using TestRuntime t = new();
        Node inGen1 = GarbageRingIn(t, 1);
        Node inGen0 = GarbageRingIn(t, 0);
        using Owned<Node> live = t.Node("live");

        CollectionResult result = t.Gc.Collect(0);

        Assert.Equal(0, result.Generation);
        Assert.Equal(3, result.Collected);
        Assert.Equal(0, result.Uncollectable);
        Assert.Equal(RcObjectState.Freed, inGen0.State);
        Assert.Equal(RcObjectState.Alive, inGen1.State);

        // The survivor of generation 0 joined generation 1, after the objects already there.
        Assert.Equal(4, t.Gc.GetObjects(1).Count);
        Assert.Same(live.Value, t.Gc.GetObjects(1)[3]);
        Assert.Equal(3, t.Gc.Collect(1).Collected);
        Assert.Equal(RcObjectState.Freed, inGen1.State);
    }

    [Fact]
    public void Collect_Full_MergesEveryGenerationAndKeepsSurvivorsInGeneration2()
    {
        using TestRuntime t = new();
        GarbageRingIn(t, 2);
        GarbageRingIn(t, 1);
        GarbageRingIn(t, 0);
        using Owned<Node> live = t.Ring(5);

        CollectionResult result = t.Gc.Collect();

        Assert.Equal(2, result.Generation);
        Assert.Equal(9, result.Collected);
        Assert.Equal(5, t.Gc.GetObjects(2).Count);
        Assert.Equal(5, t.Gc.GetObjects().Count);
        Assert.Empty(t.Gc.GetObjects(0));
        Assert.Empty(t.Gc.GetObjects(1));
    }

    [Fact]
    public void GetObjects_NoGeneration_ListsEveryGenerationButNotLeavesOrFrozen()
    {
        using TestRuntime t = new();
        using Owned<Node> frozen = t.Node("frozen");
        t.Gc.Freeze();
        using Owned<Node> a = t.Node("a");
        t.Gc.Collect(1);
        using Owned<Node> b = t.Node("b");
        t.Gc.Collect(0);
        using Owned<Node> c = t.Node("c");
        using Owned<Leaf> leaf = t.Runtime.New<Leaf>().ToOwned();

        Assert.Equal([c.Value], t.Gc.GetObjects(0));
        Assert.Equal([b.Value], t.Gc.GetObjects(1));
        Assert.Equal([a.Value], t.Gc.GetObjects(2));
        Assert.Equal(3, t.Gc.GetObjects().Count);
        Assert.DoesNotContain(frozen.Value, t.Gc.GetObjects());
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    [InlineData(int.MaxValue)]
    public void Collect_InvalidGeneration_ThrowsAndCollectsNothing(int generation)
    {
        using TestRuntime t = new();
        int callbacks = 0;
        t.Gc.AddCallback((_, _) => callbacks++);
        using Owned<Node> node = t.Node();

        // python3: gc.collect(3) and gc.collect(-1) raise ValueError("invalid generation").
        Assert.Throws<ArgumentOutOfRangeException>(() => t.Gc.Collect(generation));
        Assert.Equal(0, callbacks);
        Assert.Equal((1, 0, 0), t.Gc.GetCount());
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    public void GetObjects_InvalidGeneration_Throws(int generation)
    {
        using TestRuntime t = new();

        // python3: gc.get_objects(1000) and gc.get_objects(-1000) raise ValueError.
        Assert.Throws<ArgumentOutOfRangeException>(() => t.Gc.GetObjects(generation));
    }

    [Fact]
    public void GetStats_SeveralCollections_AccumulatePerGeneration()
    {
        using TestRuntime t = new();
        Assert.Equal([new(0, 0, 0, 0), new(1, 0, 0, 0), new(2, 0, 0, 0)], t.Gc.GetStats());

        GarbageRingIn(t, 0);
        t.Gc.Collect(0);
        GarbageRingIn(t, 0);
        t.Gc.Collect(0);
        t.Gc.Collect(1);
        t.Ring(7).Dispose();

        t.Gc.Collect(2);

        // python3 (test_get_stats): collect(0) bumps only generation 0's collections, collect(2) only generation 2's.
        Assert.Equal([new(0, 2, 6, 0), new(1, 1, 0, 0), new(2, 1, 7, 0)], t.Gc.GetStats());
    }

    [Fact]
    public void Collect_GarbageDyingByReferenceCountInFinalizers_IsNotCountedAsCollected()
    {
        using TestRuntime t = new();
        List<string> order = [];
        FinalizableNode[] ring = new FinalizableNode[10];
        for (int i = 0; i < ring.Length; i++)
        {
            ring[i] = t.Runtime.Allocate<FinalizableNode>();
        }

        for (int i = 0; i < ring.Length; i++)
        {
            string name = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            ring[i].Next.Set(ring[(i + 1) % ring.Length]);
            ring[i].OnFinalizeAction = self =>
            {
                order.Add(name);
                self.Next.Clear();
            };
        }

        foreach (FinalizableNode node in ring)
        {
            node.Release();
        }

        CollectionResult result = t.Gc.Collect();

        // python3: a 10-ring whose __del__ sets self.next = None -> gc.collect() returns 0 and the finalizers run
        // 0..9: the first finalizer breaks the ring and the rest die by reference counting, uncounted.
        Assert.Equal(0, result.Collected);
        Assert.Equal(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"], order);
        Assert.All(ring, n => Assert.Equal(RcObjectState.Freed, n.State));
        Assert.All(ring, n => Assert.Equal(1, n.FinalizeCount));
        Assert.Empty(t.Gc.GetObjects());
    }

    private static int GenerationOf(TestRuntime t, RcObject obj)
    {
        for (int g = 0; g < Gc.GenerationCount; g++)
        {
            if (t.Gc.GetObjects(g).Contains(obj))
            {
                return g;
            }
        }

        return -1;
    }

    /// <summary>A garbage 3-ring in generation <paramref name="generation"/>: alive until a collection reaches it.</summary>
    private static Node GarbageRingIn(TestRuntime t, int generation)
    {
        using Owned<Node> ring = t.Ring(3);
        for (int g = 1; g <= generation; g++)
        {
            t.Gc.Collect(g - 1);
        }

        return ring.Value;
    }
}
