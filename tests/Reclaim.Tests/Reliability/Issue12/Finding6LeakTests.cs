using Reclaim.Tests.Support;

namespace Reclaim.Tests.Reliability.Issue12;

/// <summary>Issue 12, finding 6: leaks and silent wrong results.</summary>
public sealed class Finding6LeakTests
{
    /// <summary>
    /// Bullet 1: cleared garbage was freed without the second clear of the death path, so a type whose collector-time
    /// clear is partial kept (leaked) the rest of its references.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Finding6_PartialClearGarbage_DropsTheRestOfItsReferencesWhenItDies(bool checkedMode)
    {
        using TestRuntime t = new(checkedMode);
        using Owned<Node> outside = t.Node("outside");
        using (Owned<PartialClearNode> partial = t.Runtime.New<PartialClearNode>())
        using (Owned<Node> partner = t.Node("partner"))
        {
            partial.Value.Cycle.Set(partner.Value);
            partial.Value.Kept.Set(outside.Value);
            partner.Value.Next.Set(partial.Value);
        }

        Assert.Equal(2, outside.Value.RefCount);

        CollectionResult result = t.Gc.Collect();

        Assert.Equal(2, result.Collected);
        Assert.Equal(1, outside.Value.RefCount);
        HeapAssert.ConsistentAfterwards(t);
    }
}
