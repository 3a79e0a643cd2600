using Reclaim.Tests.Support;

namespace Reclaim.Tests.Collection;

public sealed class CollectionSchedulingTests
{
    private static Runtime CreateWithBudget(List<UnraisableInfo> unraisable) =>
        Runtime.Create(new RuntimeOptions { Checked = true, MemoryPressureBudget = 1000, UnraisableHook = unraisable.Add });

    [Fact]
    public void MemoryPressure_ScheduledWhileDisabled_IsTakenOnceEnabled()
    {
        List<UnraisableInfo> unraisable = [];
        using Runtime runtime = CreateWithBudget(unraisable);
        Node a = MakeGarbageCycle(runtime);
        runtime.Gc.Disable();
        runtime.Gc.AddMemoryPressure(5000);
        runtime.SafePoint();
        using (Owned<Leaf> leaf = runtime.New<Leaf>().ToOwned())
        {
            Assert.True(a.IsAlive);
        }

        runtime.Gc.Enable();
        runtime.SafePoint();

        Assert.Equal(RcObjectState.Freed, a.State);
        Assert.Equal(1, runtime.Gc.MemoryPressureCollections);
        Assert.Empty(unraisable);
    }

    [Fact]
    public void ExplicitFullCollection_SatisfiesScheduledPressureCollection()
    {
        List<UnraisableInfo> unraisable = [];
        using Runtime runtime = CreateWithBudget(unraisable);
        runtime.Gc.Disable();
        runtime.Gc.AddMemoryPressure(5000);
        runtime.Gc.Collect();
        runtime.Gc.Enable();
        runtime.SafePoint();

        Assert.Equal(0, runtime.Gc.MemoryPressureCollections);
        Assert.Equal(1, runtime.Gc.GetStats()[2].Collections);
    }

    [Fact]
    public void ThresholdZero_DisablesAutomaticCollection()
    {
        using TestRuntime t = new(automaticCollection: true);
        t.Gc.SetThreshold(0);
        int collections = 0;
        t.Gc.AddCallback((phase, _) => collections += phase == GcCallbackPhase.Start ? 1 : 0);
        List<Owned<Node>> nodes = [];
        for (int i = 0; i < 2000; i++)
        {
            nodes.Add(t.Node());
        }

        t.Runtime.SafePoint();
        Assert.Equal(0, collections);
        nodes.ForEach(n => n.Dispose());
    }

    private static Node MakeGarbageCycle(Runtime runtime)
    {
        using Owned<Node> a = runtime.Adopt(new Node()).ToOwned();
        using Owned<Node> b = runtime.Adopt(new Node()).ToOwned();
        a.Value.Next.Set(b.Value);
        b.Value.Next.Set(a.Value);
        return a.Value;
    }
}
