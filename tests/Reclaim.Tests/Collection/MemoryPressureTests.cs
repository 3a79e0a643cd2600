using Reclaim.Tests.Support;

namespace Reclaim.Tests.Collection;

/// <summary>
/// Declared native memory paces full collections on its own (no CPython counterpart): crossing the budget
/// schedules a full collection that the next safe point takes, whatever the object counts say.
/// </summary>
public sealed class MemoryPressureTests
{
    private const long Budget = 1000;

    [Fact]
    public void AddMemoryPressure_BeyondBudget_FullCollectionAtNextAllocationFreesCycle()
    {
        using Runtime runtime = CreateRuntime();
        List<GcCallbackInfo> starts = [];
        runtime.Gc.AddCallback((phase, info) =>
        {
            if (phase == GcCallbackPhase.Start)
            {
                starts.Add(info);
            }
        });
        Node cycle = MakeGarbageCycle(runtime);

        runtime.Gc.AddMemoryPressure(Budget + 1);

        // Scheduled, not run: nothing happens until a safe point.
        Assert.Empty(starts);
        Assert.Equal(RcObjectState.Alive, cycle.State);
        Assert.Equal(Budget + 1, runtime.Gc.MemoryPressure);

        using Owned<Leaf> leaf = runtime.New<Leaf>().ToOwned();

        GcCallbackInfo start = Assert.Single(starts);
        Assert.Equal(2, start.Generation);
        Assert.Equal(RcObjectState.Freed, cycle.State);
        Assert.Equal(1, runtime.Gc.MemoryPressureCollections);
        Assert.Equal((0, 0, 0), runtime.Gc.GetCount());
    }

    [Fact]
    public void AddMemoryPressure_BeyondBudget_ContainerAllocationTakesFullCollection()
    {
        using Runtime runtime = CreateRuntime();
        Node cycle = MakeGarbageCycle(runtime);
        runtime.Gc.AddMemoryPressure(5 * Budget);

        using Owned<Node> node = runtime.New<Node>().ToOwned();

        Assert.Equal(RcObjectState.Freed, cycle.State);
        Assert.Equal(1, runtime.Gc.GetStats()[2].Collections);
        Assert.Equal(0, runtime.Gc.GetStats()[0].Collections);
        Assert.Equal(1, runtime.Gc.MemoryPressureCollections);

        // The new object was tracked after the collection, in generation 0.
        Assert.Same(node.Value, Assert.Single(runtime.Gc.GetObjects(0)));
    }

    [Fact]
    public void AddMemoryPressure_BeyondBudget_SafePointTakesFullCollection()
    {
        using Runtime runtime = CreateRuntime();
        Node cycle = MakeGarbageCycle(runtime);
        runtime.Gc.AddMemoryPressure(Budget / 2);
        runtime.Gc.AddMemoryPressure(Budget / 2 + 1);
        Assert.Equal(RcObjectState.Alive, cycle.State);

        runtime.SafePoint();

        Assert.Equal(RcObjectState.Freed, cycle.State);
        Assert.Equal(1, runtime.Gc.MemoryPressureCollections);

        // Taken once: the next safe point has nothing to do.
        runtime.SafePoint();
        Assert.Equal(1, runtime.Gc.GetStats()[2].Collections);
    }

    [Fact]
    public void AddMemoryPressure_WithinBudget_SchedulesNothing()
    {
        using Runtime runtime = CreateRuntime();
        Node cycle = MakeGarbageCycle(runtime);
        runtime.Gc.AddMemoryPressure(Budget);

        runtime.SafePoint();
        using Owned<Node> node = runtime.New<Node>().ToOwned();

        Assert.Equal(RcObjectState.Alive, cycle.State);
        Assert.Equal(0, runtime.Gc.MemoryPressureCollections);
        Assert.Equal(0, runtime.Gc.GetStats()[2].Collections);
    }

    [Fact]
    public void AddMemoryPressure_AutomaticCollectionDisabled_DoesNotCollect()
    {
        using Runtime runtime = CreateRuntime();
        runtime.Gc.Disable();
        Node cycle = MakeGarbageCycle(runtime);
        runtime.Gc.AddMemoryPressure(10 * Budget);

        runtime.SafePoint();
        using Owned<Node> node = runtime.New<Node>().ToOwned();

        Assert.Equal(RcObjectState.Alive, cycle.State);
        Assert.Equal(0, runtime.Gc.MemoryPressureCollections);
    }

    [Fact]
    public void AddMemoryPressure_LiveBytesAfterFullCollection_RaiseTheNextThreshold()
    {
        using Runtime runtime = CreateRuntime();
        runtime.Gc.AddMemoryPressure(5 * Budget);
        runtime.SafePoint();
        Assert.Equal(1, runtime.Gc.MemoryPressureCollections);

        // 5000 bytes stayed alive: the next full collection falls due after another 5000, not after 1000.
        runtime.Gc.AddMemoryPressure(4 * Budget);
        runtime.SafePoint();
        Assert.Equal(1, runtime.Gc.MemoryPressureCollections);

        runtime.Gc.AddMemoryPressure(Budget + 1);
        runtime.SafePoint();
        Assert.Equal(2, runtime.Gc.MemoryPressureCollections);
        Assert.Equal(10 * Budget + 1, runtime.Gc.MemoryPressure);
    }

    [Fact]
    public void AddMemoryPressure_ExplicitFullCollection_ResetsTheBytesSinceLastFullCollection()
    {
        using Runtime runtime = CreateRuntime();
        runtime.Gc.AddMemoryPressure(Budget - 1);
        runtime.Gc.Collect();
        runtime.Gc.AddMemoryPressure(Budget - 1);
        runtime.SafePoint();
        Assert.Equal(0, runtime.Gc.MemoryPressureCollections);
    }

    [Fact]
    public void RemoveMemoryPressure_FromOnFree_LowersDeclaredBytes()
    {
        using Runtime runtime = CreateRuntime();
        Node cycle = MakeGarbageCycle(runtime);
        runtime.Gc.AddMemoryPressure(3 * Budget);
        cycle.OnFreeAction = _ => runtime.Gc.RemoveMemoryPressure(3 * Budget);

        runtime.SafePoint();

        Assert.Equal(RcObjectState.Freed, cycle.State);
        Assert.Equal(0, runtime.Gc.MemoryPressure);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(long.MinValue)]
    public void RemoveMemoryPressure_NotPositive_Throws(long bytes)
    {
        using Runtime runtime = CreateRuntime();
        runtime.Gc.AddMemoryPressure(10);
        Assert.Throws<ArgumentOutOfRangeException>(() => runtime.Gc.RemoveMemoryPressure(bytes));
        Assert.Equal(10, runtime.Gc.MemoryPressure);
    }

    [Fact]
    public void RemoveMemoryPressure_MoreThanDeclared_ThrowsAndKeepsDeclaredBytes()
    {
        using Runtime runtime = CreateRuntime();
        runtime.Gc.AddMemoryPressure(10);
        Assert.Throws<ArgumentOutOfRangeException>(() => runtime.Gc.RemoveMemoryPressure(11));
        Assert.Equal(10, runtime.Gc.MemoryPressure);
        runtime.Gc.RemoveMemoryPressure(10);
        Assert.Equal(0, runtime.Gc.MemoryPressure);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void AddMemoryPressure_NotPositive_Throws(long bytes)
    {
        using Runtime runtime = CreateRuntime();
        Assert.Throws<ArgumentOutOfRangeException>(() => runtime.Gc.AddMemoryPressure(bytes));
        Assert.Equal(0, runtime.Gc.MemoryPressure);
    }

    private static Runtime CreateRuntime() =>
        Runtime.Create(new RuntimeOptions { Checked = true, MemoryPressureBudget = Budget });

    /// <summary>A two-node garbage cycle, far below every count threshold.</summary>
    private static Node MakeGarbageCycle(Runtime runtime)
    {
        using Owned<Node> a = runtime.New<Node>().ToOwned();
        using Owned<Node> b = runtime.New<Node>().ToOwned();
        a.Value.Next.Set(b.Value);
        b.Value.Next.Set(a.Value);
        return a.Value;
    }
}
