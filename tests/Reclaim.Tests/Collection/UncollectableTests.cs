using Reclaim.Tests.Support;

namespace Reclaim.Tests.Collection;

public sealed class UncollectableTests
{
    [Fact]
    public void Collect_CycleThatSurvivesClearing_IsUncollectable_KeptInGarbageOnce_NotCountedAsCollected()
    {
        using TestRuntime t = new();
        StubbornNode a, b;
        using (Owned<StubbornNode> oa = t.Runtime.New<StubbornNode>().ToOwned())
        using (Owned<StubbornNode> ob = t.Runtime.New<StubbornNode>().ToOwned())
        {
            a = oa.Value;
            b = ob.Value;
            a.Next.Set(b);
            b.Next.Set(a);
        }

        CollectionResult first = t.Gc.Collect();

        Assert.Equal(0, first.Collected);
        Assert.Equal(2, first.Uncollectable);
        Assert.Equal(RcObjectState.Cleared, a.State);
        Assert.Equal(2, t.Gc.Garbage.Count);
        Assert.Contains(a, t.Gc.Garbage);

        CollectionResult second = t.Gc.Collect();
        Assert.Equal(0, second.Uncollectable);
        Assert.Equal(2, t.Gc.GetStats()[2].Uncollectable);

        // Using a cleared object through the runtime is loud, never undefined.
        ObjectClearedException cleared = Assert.Throws<ObjectClearedException>(a.AddRef);
        Assert.Contains("StubbornNode", cleared.Message, StringComparison.Ordinal);

        // Break the cycle by hand and give back Garbage's references: both die.
        a.Next.Clear();
        b.Next.Clear();
        t.Gc.ClearGarbage();
        Assert.Equal(RcObjectState.Freed, a.State);
        Assert.Equal(RcObjectState.Freed, b.State);
    }
}
