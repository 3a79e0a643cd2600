using Reclaim.Tests.Support;

namespace Reclaim.Tests.Collection;

public sealed class SaveAllAfterUncollectableTests
{
    [Fact]
    public void SaveAll_UncollectableHandedBackByClearGarbage_IsSavedAgainWithoutError()
    {
        using TestRuntime t = new();
        StubbornNode a;
        using (Owned<StubbornNode> oa = t.Runtime.New<StubbornNode>().ToOwned())
        using (Owned<StubbornNode> ob = t.Runtime.New<StubbornNode>().ToOwned())
        {
            a = oa.Value;
            oa.Value.Next.Set(ob.Value);
            ob.Value.Next.Set(oa.Value);
        }

        Assert.Equal(2, t.Gc.Collect().Uncollectable);
        t.Gc.ClearGarbage();
        t.Gc.Debug = GcDebugFlags.SaveAll;

        CollectionResult saved = t.Gc.Collect();

        Assert.Equal(2, saved.Collected);
        Assert.Contains(a, t.Gc.Garbage);
        Assert.Equal(RcObjectState.Cleared, a.State);
        Assert.Empty(t.Unraisable);

        // Break the cycle by hand so the runtime shuts down clean.
        t.Gc.Debug = GcDebugFlags.None;
        foreach (RcObject obj in t.Gc.Garbage)
        {
            ((StubbornNode)obj).Next.Clear();
        }

        t.Gc.ClearGarbage();
        Assert.Equal(RcObjectState.Freed, a.State);
    }
}
