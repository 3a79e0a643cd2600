using Reclaim.Tests.Support;

namespace Reclaim.Tests.Objects;

/// <summary>
/// The fast path has no state check of its own: an object the collector cleared carries the runtime's cleared marker in
/// its owner word, so its count changes take the slow path, which refuses an increment and accepts a release.
/// </summary>
public sealed class ClearedObjectFastPathTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AddRef_OnAClearedSurvivor_ThrowsCleared_AndLeavesTheCount(bool checkedMode)
    {
        using TestRuntime t = new(checkedMode);
        UncollectableCycle cycle = new(t);
        t.Gc.Collect();
        Assert.Equal(RcObjectState.Cleared, cycle.A.State);
        int count = cycle.A.RefCount;

        Assert.Throws<ObjectClearedException>(cycle.A.AddRef);

        Assert.Equal(count, cycle.A.RefCount);
        Assert.Same(t.Runtime, cycle.A.Runtime);
        cycle.Break(t.Gc);
        Assert.Equal(RcObjectState.Freed, cycle.A.State);
        Assert.Equal(RcObjectState.Freed, cycle.B.State);
    }

    [Fact]
    public void ClearedObject_WithAWeakReference_StaysOffTheFastPathAfterTheReferenceGoes()
    {
        using TestRuntime t = new(checkedMode: false);
        UncollectableCycle cycle = new(t);
        t.Gc.Collect();
        Owned<WeakRef>? weak = null;
        try
        {
            weak = t.Runtime.WeakRef(cycle.A).ToOwned();
        }
        catch (ReclaimException)
        {
            // A weak reference to a cleared object may be refused; the owner word must still be the marker.
        }

        weak?.Dispose();

        Assert.Throws<ObjectClearedException>(cycle.A.AddRef);
        cycle.Break(t.Gc);
    }
}
