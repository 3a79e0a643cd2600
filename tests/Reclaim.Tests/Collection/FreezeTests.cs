using Reclaim.Tests.Support;

namespace Reclaim.Tests.Collection;

/// <summary><c>gc.freeze</c>, <c>gc.unfreeze</c> and <c>gc.get_freeze_count</c> against CPython 3.11.</summary>
public sealed class FreezeTests
{
    [Fact]
    public void Freeze_GarbageCycle_IsNeverCollectedWhileFrozen()
    {
        using TestRuntime t = new();
        using Owned<Node> live = t.Node("live");
        Node garbage;
        using (Owned<Node> ring = t.Ring(4))
        {
            garbage = ring.Value;
        }

        t.Gc.Freeze();

        Assert.Equal(5, t.Gc.GetFreezeCount());
        Assert.Empty(t.Gc.GetObjects());
        Assert.True(t.Gc.IsTracked(garbage));
        CollectionResult result = t.Gc.Collect();
        Assert.Equal(0, result.Collected);
        Assert.Equal(RcObjectState.Alive, garbage.State);
        Assert.Equal(5, t.Gc.GetFreezeCount());
    }

    [Fact]
    public void Freeze_ResetsEveryCount()
    {
        using TestRuntime t = new();
        using Owned<Node> a = t.Node();
        t.Gc.Collect(1);
        t.Gc.Collect(0);
        using Owned<Node> b = t.Node();
        Assert.Equal((1, 1, 1), t.Gc.GetCount());

        t.Gc.Freeze();

        // python3: get_count() (0, 0, 1) before gc.freeze() and (0, 0, 0) after.
        Assert.Equal((0, 0, 0), t.Gc.GetCount());
    }

    [Fact]
    public void Freeze_ObjectsAllocatedAfterwards_AreCollectedNormally()
    {
        using TestRuntime t = new();
        using Owned<Node> frozen = t.Node("frozen");
        t.Gc.Freeze();
        Node garbage;
        using (Owned<Node> ring = t.Ring(3))
        {
            garbage = ring.Value;
        }

        Assert.Equal(3, t.Gc.GetObjects(0).Count);
        Assert.Equal(3, t.Gc.Collect().Collected);
        Assert.Equal(RcObjectState.Freed, garbage.State);
        Assert.Equal(1, t.Gc.GetFreezeCount());
    }

    [Fact]
    public void Freeze_FrozenObjectReleased_IsFreedByReferenceCounting()
    {
        using TestRuntime t = new();
        Owned<Node> node = t.Node();
        Node value = node.Value;
        t.Gc.Freeze();
        Assert.Equal(1, t.Gc.GetFreezeCount());

        node.Dispose();

        Assert.Equal(RcObjectState.Freed, value.State);
        Assert.Equal(0, t.Gc.GetFreezeCount());
        Assert.False(t.Gc.IsTracked(value));
    }

    [Fact]
    public void Unfreeze_FrozenGarbage_MovesToGeneration2AndIsCollectedByFullCollectionOnly()
    {
        using TestRuntime t = new();
        Node garbage;
        using (Owned<Node> ring = t.Ring(4))
        {
            garbage = ring.Value;
        }

        t.Gc.Freeze();
        Assert.Equal(0, t.Gc.Collect().Collected);

        t.Gc.Unfreeze();

        // python3: get_freeze_count() 0 after gc.unfreeze(); the cycle is then found by gc.collect().
        Assert.Equal(0, t.Gc.GetFreezeCount());
        Assert.Equal(4, t.Gc.GetObjects(2).Count);
        Assert.Empty(t.Gc.GetObjects(0));
        Assert.Equal(0, t.Gc.Collect(1).Collected);
        Assert.Equal(RcObjectState.Alive, garbage.State);
        CollectionResult result = t.Gc.Collect(2);
        Assert.Equal(4, result.Collected);
        Assert.Equal(RcObjectState.Freed, garbage.State);
    }

    [Fact]
    public void Unfreeze_NothingFrozen_ChangesNothing()
    {
        using TestRuntime t = new();
        using Owned<Node> node = t.Node();
        t.Gc.Unfreeze();
        Assert.Equal(0, t.Gc.GetFreezeCount());
        Assert.Same(node.Value, Assert.Single(t.Gc.GetObjects(0)));
    }
}
