using Reclaim.Tests.Support;

namespace Reclaim.Tests.Reliability.Issue12;

/// <summary>
/// Issue 12, finding 3: a traversal that visits one field twice, its target also owned from outside. The surplus
/// visit still fitted the count, so checked mode's audit let the collection go on and it cleared a live object.
/// </summary>
public sealed class Finding3CheckedOvercountTests
{
    [Fact]
    public void Finding3_SurplusVisitWithinTheCount_CheckedModeRefusesAndClearsNothing()
    {
        using TestRuntime t = new(checkedMode: true);
        Owned<DoubleVisitNode> brokenOwner = t.Runtime.New<DoubleVisitNode>().ToOwned();
        using Owned<Node> targetOwner = t.Node("target");
        DoubleVisitNode broken = brokenOwner.Value;
        Node target = targetOwner.Value;
        broken.Target.Set(target);
        target.Next.Set(broken);
        brokenOwner.Dispose();

        TraversalOvercountException refused = Assert.Throws<TraversalOvercountException>(() => t.Gc.Collect());

        Assert.Contains(nameof(DoubleVisitNode), refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, refused.RefCount);
        Assert.Equal(2, refused.Reported);
        Assert.Equal(RcObjectState.Alive, target.State);
        Assert.Equal(RcObjectState.Alive, broken.State);
        Assert.Same(broken, target.Next.Value);
        Assert.Equal(2, target.RefCount);
        Assert.Empty(t.Gc.Garbage);

        // Breaking the cycle by hand frees both without the collector.
        target.Next.Clear();
        Assert.Equal(RcObjectState.Freed, broken.State);
    }
}
