using Reclaim.Tests.Support;

namespace Reclaim.Tests.Collection;

/// <summary>
/// Invariant I2: checked mode refuses a collection that would rely on a broken traversal, and frees nothing;
/// unchecked mode never frees an object something still references because of one.
/// </summary>
public sealed class CheckedTraversalTests
{
    [Fact]
    public void Collect_CheckedTraverseMissesField_ThrowsNamingTypeAndFieldAndFreesNothing()
    {
        using TestRuntime t = new();
        (MissingTraverseNode broken, Node partner) = MakeHiddenCycle(t);
        Node otherGarbage;
        using (Owned<Node> ring = t.Ring(3))
        {
            otherGarbage = ring.Value;
        }

        TraversalIncompleteException exception = Assert.Throws<TraversalIncompleteException>(() => t.Gc.Collect());

        Assert.Equal(typeof(MissingTraverseNode), exception.ObjectType);
        Assert.Equal("MissingTraverseNode.Hidden", exception.MemberName);
        Assert.Equal(typeof(Node), exception.ReferentType);
        HeapAssert.NamesTypeAndOperation(exception, nameof(MissingTraverseNode), "TraverseReferences");
        Assert.Contains("Hidden", exception.Message, StringComparison.Ordinal);

        // Nothing was freed or cleared, not even the unrelated garbage.
        Assert.Equal(RcObjectState.Alive, broken.State);
        Assert.Equal(RcObjectState.Alive, partner.State);
        Assert.Equal(RcObjectState.Alive, otherGarbage.State);
        Assert.Same(partner, broken.Hidden.Value);
        Assert.Same(broken, partner.Next.Value);
        Assert.False(t.Gc.IsCollecting);
        Assert.Equal(5, t.Gc.GetObjects().Count);

        // Unlinking the hidden reference frees the broken cycle by reference counting; the collector then works.
        broken.Hidden.Clear();
        Assert.Equal(RcObjectState.Freed, broken.State);
        Assert.Equal(RcObjectState.Freed, partner.State);
        Assert.Equal(3, t.Gc.Collect().Collected);
        Assert.Equal(RcObjectState.Freed, otherGarbage.State);
        HeapAssert.ConsistentAfterwards(t);
    }

    [Fact]
    public void Collect_CheckedTraverseVisitsTwice_ThrowsOvercountAndFreesNothing()
    {
        using TestRuntime t = new();
        (DoubleVisitNode broken, Node target) = MakeDoubleVisitCycle(t);
        Node otherGarbage;
        using (Owned<Node> ring = t.Ring(2))
        {
            otherGarbage = ring.Value;
        }

        TraversalOvercountException exception = Assert.Throws<TraversalOvercountException>(() => t.Gc.Collect(0));

        Assert.Equal(typeof(Node), exception.ObjectType);
        Assert.Equal(1, exception.RefCount);
        Assert.Equal(2, exception.Reported);
        Assert.Equal("Collect", exception.Operation);
        HeapAssert.NamesTypeAndOperation(exception, nameof(Node), "TraverseReferences");
        Assert.Contains(nameof(DoubleVisitNode), exception.Message, StringComparison.Ordinal);
        Assert.Equal(RcObjectState.Alive, broken.State);
        Assert.Equal(RcObjectState.Alive, target.State);
        Assert.Equal(RcObjectState.Alive, otherGarbage.State);
        Assert.Same(target, broken.Target.Value);
        Assert.False(t.Gc.IsCollecting);

        broken.Target.Clear();
        Assert.Equal(RcObjectState.Freed, broken.State);
        Assert.Equal(2, t.Gc.Collect().Collected);
        HeapAssert.ConsistentAfterwards(t);
    }

    [Fact]
    public void Collect_CheckedFailure_LeavesCollectorUsableWithCallbacksAndCounts()
    {
        using TestRuntime t = new();
        List<GcCallbackPhase> phases = [];
        t.Gc.AddCallback((phase, _) => phases.Add(phase));
        (MissingTraverseNode broken, _) = MakeHiddenCycle(t);

        Assert.Throws<TraversalIncompleteException>(() => t.Gc.Collect(1));
        Assert.Throws<TraversalIncompleteException>(() => t.Gc.Collect(1));

        Assert.False(t.Gc.IsCollecting);
        broken.Hidden.Clear();
        phases.Clear();
        using Owned<Node> live = t.Node();
        CollectionResult result = t.Gc.Collect(1);
        Assert.Equal(0, result.Collected);
        Assert.Equal([GcCallbackPhase.Start, GcCallbackPhase.Stop], phases);
        Assert.Equal([live.Value], t.Gc.GetObjects(2));
    }

    [Fact]
    public void Adopt_AutomaticCollectionRefusedByCheckedMode_ReportsAndStillAdopts()
    {
        using TestRuntime t = new(automaticCollection: true);
        t.Gc.SetThreshold(3);
        (MissingTraverseNode broken, Node partner) = MakeHiddenCycle(t);
        using Owned<Node> first = t.Node();
        Node instance = new() { Name = "late" };

        // The 4th container allocation is due to collect; checked mode refuses the collection. The allocation
        // is unrelated to the broken type, so it succeeds and the refusal goes to the unraisable hook.
        using Owned<Node> adopted = t.Runtime.Adopt(instance).ToOwned();

        UnraisableInfo report = Assert.Single(t.Unraisable);
        Assert.Equal(UnraisablePhase.Collection, report.Phase);
        Assert.IsType<TraversalIncompleteException>(report.Exception);
        Assert.True(t.Gc.IsTracked(instance));
        Assert.Equal(RcObjectState.Alive, instance.State);
        Assert.Equal(RcObjectState.Alive, broken.State);
        Assert.Equal(RcObjectState.Alive, partner.State);
        broken.Hidden.Clear();
    }

    [Fact]
    public void Collect_UncheckedTraverseMissesField_KeepsTheCycleAlive()
    {
        using TestRuntime t = new(checkedMode: false);
        (MissingTraverseNode broken, Node partner) = MakeHiddenCycle(t);
        t.Ring(3).Dispose();

        CollectionResult result = t.Gc.Collect();

        // The unreported reference looks external: a leak, never a wrongful free.
        Assert.Equal(3, result.Collected);
        Assert.Equal(RcObjectState.Alive, broken.State);
        Assert.Equal(RcObjectState.Alive, partner.State);
        Assert.Same(partner, broken.Hidden.Value);
        Assert.Same(broken, partner.Next.Value);
        broken.Hidden.Clear();
        Assert.Equal(RcObjectState.Freed, partner.State);
        HeapAssert.ConsistentAfterwards(t);
    }

    [Fact]
    public void Collect_UncheckedOverReportedObject_IsKeptAliveWithEverythingItReaches()
    {
        using TestRuntime t = new(checkedMode: false);
        (DoubleVisitNode broken, Node target) = MakeDoubleVisitCycle(t);
        t.Ring(2).Dispose();

        CollectionResult result = t.Gc.Collect();

        // target's gc_refs went negative: treated as a root, so it and the cycle survive.
        Assert.Equal(2, result.Collected);
        Assert.Equal(RcObjectState.Alive, broken.State);
        Assert.Equal(RcObjectState.Alive, target.State);
        Assert.Same(target, broken.Target.Value);
        broken.Target.Clear();
        Assert.Equal(RcObjectState.Freed, target.State);
        Assert.Equal(RcObjectState.Freed, broken.State);
        HeapAssert.ConsistentAfterwards(t);
    }

    [Fact]
    public void Collect_UncheckedOverReportHidesExternalOwner_ClearsButNeverFrees()
    {
        using TestRuntime t = new(checkedMode: false);
        Owned<DoubleVisitNode> brokenOwner = t.Runtime.New<DoubleVisitNode>().ToOwned();
        Owned<Node> targetOwner = t.Node("target");
        DoubleVisitNode broken = brokenOwner.Value;
        Node target = targetOwner.Value;
        broken.Target.Set(target);
        target.Next.Set(broken);
        brokenOwner.Dispose();

        // target has count 2 (broken and targetOwner) and is reported twice: it looks like garbage. The collector
        // clears it, but the owner's count keeps it from being freed: it is uncollectable, in the Cleared state,
        // and kept in Garbage.
        CollectionResult result = t.Gc.Collect();

        Assert.Equal(1, result.Collected);
        Assert.Equal(1, result.Uncollectable);
        Assert.Equal(RcObjectState.Freed, broken.State);
        Assert.Equal(RcObjectState.Cleared, target.State);
        Assert.Equal(2, target.RefCount);
        Assert.Equal(0, target.FreeCount);
        Assert.True(target.Next.IsNull);
        Assert.Equal(new GenerationStats(2, 1, 1, 1), t.Gc.GetStats()[2]);
        Assert.Equal([target], t.Gc.Garbage);

        targetOwner.Dispose();
        t.Gc.ClearGarbage();
        Assert.Equal(RcObjectState.Freed, target.State);
        Assert.Equal(1, target.FreeCount);
        HeapAssert.ConsistentAfterwards(t);
    }

    /// <summary>broken.Hidden -> partner, partner.Next -> broken, nothing else: garbage whose one link is unreported.</summary>
    private static (MissingTraverseNode Broken, Node Partner) MakeHiddenCycle(TestRuntime t)
    {
        using Owned<MissingTraverseNode> broken = t.Runtime.New<MissingTraverseNode>().ToOwned();
        using Owned<Node> partner = t.Node("partner");
        broken.Value.Hidden.Set(partner.Value);
        partner.Value.Next.Set(broken.Value);
        return (broken.Value, partner.Value);
    }

    /// <summary>broken.Target -> target (reported twice), target.Next -> broken, nothing else.</summary>
    private static (DoubleVisitNode Broken, Node Target) MakeDoubleVisitCycle(TestRuntime t)
    {
        using Owned<DoubleVisitNode> broken = t.Runtime.New<DoubleVisitNode>().ToOwned();
        using Owned<Node> target = t.Node("target");
        broken.Value.Target.Set(target.Value);
        target.Value.Next.Set(broken.Value);
        return (broken.Value, target.Value);
    }
}
