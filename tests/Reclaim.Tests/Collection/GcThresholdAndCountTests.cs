using Reclaim.Tests.Support;

namespace Reclaim.Tests.Collection;

/// <summary>
/// <c>gc.get_threshold</c>/<c>set_threshold</c>/<c>get_count</c> against CPython 3.11. The expected counts are
/// what python3 prints for the same sequence (its own noise, such as the tuple <c>get_count</c> returns, removed).
/// </summary>
public sealed class GcThresholdAndCountTests
{
    [Fact]
    public void GetThreshold_NewRuntime_IsCPythonDefaults()
    {
        using TestRuntime t = new();
        Assert.Equal((700, 10, 10), t.Gc.GetThreshold());
    }

    [Fact]
    public void SetThreshold_PartialUpdates_KeepOmittedThresholds()
    {
        using TestRuntime t = new();

        // python3: gc.set_threshold(5) -> (5, 10, 10); gc.set_threshold(5, 3) -> (5, 3, 10)
        t.Gc.SetThreshold(5);
        Assert.Equal((5, 10, 10), t.Gc.GetThreshold());
        t.Gc.SetThreshold(5, 3);
        Assert.Equal((5, 3, 10), t.Gc.GetThreshold());
        t.Gc.SetThreshold(6, threshold2: 4);
        Assert.Equal((6, 3, 4), t.Gc.GetThreshold());
        t.Gc.SetThreshold(0, 0, 0);
        Assert.Equal((0, 0, 0), t.Gc.GetThreshold());
    }

    [Theory]
    [InlineData(-1, null, null)]
    [InlineData(1, -1, null)]
    [InlineData(1, 2, -1)]
    [InlineData(1, null, int.MinValue)]
    public void SetThreshold_Negative_ThrowsAndChangesNothing(int threshold0, int? threshold1, int? threshold2)
    {
        using TestRuntime t = new();
        Assert.Throws<ArgumentOutOfRangeException>(() => t.Gc.SetThreshold(threshold0, threshold1, threshold2));
        Assert.Equal((700, 10, 10), t.Gc.GetThreshold());
    }

    [Fact]
    public void GetCount_NewRuntime_IsZero()
    {
        using TestRuntime t = new();
        Assert.Equal((0, 0, 0), t.Gc.GetCount());
    }

    [Fact]
    public void GetCount_ContainerAllocations_CountOneEach()
    {
        using TestRuntime t = new();
        List<Owned<Node>> kept = [];
        for (int i = 0; i < 100; i++)
        {
            kept.Add(t.Node());
        }

        // python3: 100 allocations of a __slots__ class -> count0 grows by 100.
        Assert.Equal((100, 0, 0), t.Gc.GetCount());
        kept.ForEach(o => o.Dispose());
    }

    [Fact]
    public void GetCount_LeafAllocationsAndFrees_DoNotCount()
    {
        using TestRuntime t = new();
        using Owned<Node> container = t.Node();
        for (int i = 0; i < 50; i++)
        {
            using Owned<Leaf> leaf = t.Runtime.New<Leaf>().ToOwned();
        }

        Assert.Equal((1, 0, 0), t.Gc.GetCount());
    }

    [Fact]
    public void GetCount_ContainerDeallocations_DecreaseCount()
    {
        using TestRuntime t = new();
        List<Owned<Node>> kept = [];
        for (int i = 0; i < 100; i++)
        {
            kept.Add(t.Node());
        }

        for (int i = 0; i < 40; i++)
        {
            kept[i].Dispose();
        }

        // python3: replacing 100 containers by floats moves count0 by -100.
        Assert.Equal((60, 0, 0), t.Gc.GetCount());
        kept.ForEach(o => o.Dispose());
        Assert.Equal((0, 0, 0), t.Gc.GetCount());
    }

    [Fact]
    public void GetCount_DeallocationsAfterCollection_NeverGoBelowZero()
    {
        using TestRuntime t = new();
        List<Owned<Node>> kept = [];
        for (int i = 0; i < 100; i++)
        {
            kept.Add(t.Node());
        }

        t.Gc.Collect();
        kept.ForEach(o => o.Dispose());

        // python3: after gc.collect(), freeing 100 containers leaves (0, 0, 0).
        Assert.Equal((0, 0, 0), t.Gc.GetCount());
        using Owned<Node> next = t.Node();
        Assert.Equal((1, 0, 0), t.Gc.GetCount());
    }

    [Fact]
    public void GetCount_CollectGeneration_ResetsYoungerCountsAndBumpsNextOlder()
    {
        using TestRuntime t = new();
        List<Owned<Node>> kept = [];
        for (int i = 0; i < 20; i++)
        {
            kept.Add(t.Node());
        }

        // python3 (20 live containers, then the same calls): (20,0,0) (0,1,0) (0,0,1) (0,2,1) (0,0,0)
        Assert.Equal((20, 0, 0), t.Gc.GetCount());
        t.Gc.Collect(0);
        Assert.Equal((0, 1, 0), t.Gc.GetCount());
        t.Gc.Collect(1);
        Assert.Equal((0, 0, 1), t.Gc.GetCount());
        t.Gc.Collect(0);
        t.Gc.Collect(0);
        Assert.Equal((0, 2, 1), t.Gc.GetCount());
        t.Gc.Collect(2);
        Assert.Equal((0, 0, 0), t.Gc.GetCount());
        kept.ForEach(o => o.Dispose());
    }

    [Fact]
    public void GetCount_FinalizerAllocatesDuringCollection_CountsItsAllocationsAfterTheReset()
    {
        using TestRuntime t = new();
        List<Owned<Node>> kept = [];
        using (Owned<FinalizableNode> o = t.Runtime.New<FinalizableNode>().ToOwned())
        {
            o.Value.Next.Set(o.Value);
            o.Value.OnFinalizeAction = _ =>
            {
                for (int i = 0; i < 50; i++)
                {
                    kept.Add(t.Node());
                }
            };
        }

        CollectionResult result = t.Gc.Collect(0);

        // python3: a self-cycle whose __del__ keeps 50 new containers, then gc.collect(0) -> (49, 1, 0):
        // counts are reset when the collection starts, the 50 allocations count, the freed cycle uncounts one.
        Assert.Equal(1, result.Collected);
        Assert.Equal((49, 1, 0), t.Gc.GetCount());
        Assert.Equal(50, t.Gc.GetObjects(0).Count);
        kept.ForEach(o => o.Dispose());
    }
}
