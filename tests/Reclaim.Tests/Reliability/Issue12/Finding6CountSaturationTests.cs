using Reclaim.Tests.Support;

namespace Reclaim.Tests.Reliability.Issue12;

/// <summary>
/// Issue 12, finding 6, second bullet: the count used to wrap after 2^31 increments and the object then read as freed.
/// It now saturates at <see cref="RcObject.ImmortalRefCount"/>: the object is immortal, as in CPython 3.12.
/// The tests start just below the limit (2^31 real increments would take seconds).
/// </summary>
public sealed class Finding6CountSaturationTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Finding6_CountAtTheLimit_SaturatesInsteadOfWrapping(bool checkedMode)
    {
        TestRuntime t = new(checkedMode);
        Node node = t.Runtime.Allocate<Node>();
        node._refCount = RcObject.ImmortalRefCount - 2;

        for (int i = 0; i < 5; i++)
        {
            node.AddRef();
        }

        Assert.Equal(RcObject.ImmortalRefCount, node.RefCount);
        Assert.True(node.IsAlive);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Finding6_ImmortalObject_SurvivesAnyNumberOfReleasesAndStores(bool checkedMode)
    {
        TestRuntime t = new(checkedMode);
        Node node = t.Runtime.Allocate<Node>();
        Node holder = t.Runtime.Allocate<Node>();
        node._refCount = RcObject.ImmortalRefCount;

        for (int i = 0; i < 10; i++)
        {
            node.Release();
            holder.Next.Set(node);
            holder.Next.Clear();
        }

        Assert.Equal(RcObject.ImmortalRefCount, node.RefCount);
        Assert.Equal(RcObjectState.Alive, node.State);
        Assert.Equal(0, node.FreeCount);
        holder.Release();

        // Immortal and reachable from nowhere the collector can see: it is never garbage.
        Assert.Equal(0, t.Gc.Collect().Collected);
        Assert.True(node.IsAlive);
    }
}
