using Reclaim.Tests.Support;

namespace Reclaim.Tests.Diagnostics;

/// <summary>Why-alive answers: the shortest chain from a root, the cycle an object belongs to, and garbage.</summary>
public sealed class WhyAliveTests
{
    [Fact]
    public void WhyAlive_TwoPathsFromTheRoot_ReturnsTheShorter()
    {
        using TestRuntime t = new();
        using Owned<Node> root = t.Node("root");
        Node longWay = Link(t, root.Value, "long1");
        Node longWay2 = Link(t, longWay, "long2");
        Node target = Link(t, longWay2, "target");
        Node shortWay = t.Runtime.AdoptReference(new Node { Name = "short" });
        root.Value.Other.SetOwned(shortWay);
        shortWay.Next.Set(target);

        WhyAliveResult answer = HeapSnapshot.Take(t.Runtime, Labels).WhyAlive(target);

        Assert.True(answer.IsReachableFromRoot);
        Assert.Equal(["root", "short", "target"], answer.Chain.Select(o => o.Label));
        Assert.True(answer.Start.IsRoot);
        Assert.Equal(1, answer.Start.ExternalReferences);
        Assert.Empty(answer.Cycle);
        Assert.Contains("root -> short -> target", answer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void WhyAlive_ObjectInALiveCycle_ReturnsChainAndTheCycle()
    {
        using TestRuntime t = new();
        using Owned<Node> root = t.Node("root");
        Node a = Link(t, root.Value, "a");
        Node b = Link(t, a, "b");
        Node c = Link(t, b, "c");
        c.Other.Set(a);
        Link(t, c, "tail");

        HeapSnapshot snapshot = HeapSnapshot.Take(t.Runtime, Labels);
        WhyAliveResult answer = snapshot.WhyAlive(c);

        Assert.Equal(["root", "a", "b", "c"], answer.Chain.Select(o => o.Label));
        Assert.Equal(["a", "b", "c"], answer.Cycle.Select(o => o.Label).Order());
        Assert.Empty(snapshot.WhyAlive(root.Value).Cycle);
        Assert.Contains("cycle of 3", answer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void WhyAlive_Root_ChainIsTheObjectAlone()
    {
        using TestRuntime t = new();
        using Owned<Node> root = t.Node("root");

        WhyAliveResult answer = HeapSnapshot.Take(t.Runtime, Labels).WhyAlive(root.Value);

        Assert.Equal(["root"], answer.Chain.Select(o => o.Label));
        Assert.Contains("is a root: 1 reference(s) from outside the heap", answer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void WhyAlive_GarbageHangingOffACycle_NotReachable_ChainStartsInTheCycle()
    {
        using TestRuntime t = new();
        Node tail;
        using (Owned<Node> a = t.Node("a"))
        {
            Node b = Link(t, a.Value, "b");
            b.Other.Set(a.Value);
            tail = Link(t, b, "tail");
        }

        HeapSnapshot snapshot = HeapSnapshot.Take(t.Runtime, Labels);
        WhyAliveResult answer = snapshot.WhyAlive(tail);

        Assert.False(answer.IsReachableFromRoot);
        Assert.Equal(["b", "tail"], answer.Chain.Select(o => o.Label));
        Assert.Empty(answer.Cycle);
        Assert.Equal(SnapshotCondition.Garbage, answer.Object.Condition);
        Assert.All(snapshot.Objects, o => Assert.False(o.IsRoot));
        Assert.Contains("is garbage", answer.ToString(), StringComparison.Ordinal);
        Assert.Equal(["a", "b"], snapshot.WhyAlive(Find(snapshot, "a")).Cycle.Select(o => o.Label));
    }

    [Fact]
    public void WhyAlive_SelfReference_IsACycleOfOne()
    {
        using TestRuntime t = new();
        using Owned<Node> self = t.Node("self");
        self.Value.Next.Set(self.Value);

        WhyAliveResult answer = HeapSnapshot.Take(t.Runtime, Labels).WhyAlive(self.Value);

        Assert.Equal(["self"], answer.Cycle.Select(o => o.Label));
    }

    [Fact]
    public void WhyAlive_HiddenReference_TheHiddenTargetIsARoot()
    {
        // A reference no traversal reports looks, to the collector and to the snapshot alike, like one from outside.
        using TestRuntime t = new(checkedMode: false);
        using Owned<MissingTraverseNode> holder = t.Runtime.New<MissingTraverseNode>().ToOwned();
        using (Owned<Node> hidden = t.Node("hidden"))
        {
            holder.Value.Hidden.Set(hidden.Value);
        }

        HeapSnapshot snapshot = HeapSnapshot.Take(t.Runtime, Labels);
        WhyAliveResult answer = snapshot.WhyAlive(Find(snapshot, "hidden"));

        Assert.True(answer.IsReachableFromRoot);
        Assert.Equal(["hidden"], answer.Chain.Select(o => o.Label));
        Assert.Equal(1, answer.Start.ExternalReferences);
    }

    [Fact]
    public void WhyAlive_ChainAndCycleHundredsOfThousandsLong_NoRecursion()
    {
        const int Length = 300_000;
        using TestRuntime t = new(checkedMode: false);
        using Owned<Node> head = t.Node("head");
        Node last = head.Value;
        for (int i = 0; i < Length; i++)
        {
            Node next = t.Runtime.AdoptReference(new Node());
            last.Next.SetOwned(next);
            last = next;
        }

        // Close a cycle that long back to the second node: one huge strongly connected component.
        last.Next.Set((Node)head.Value.Next.Value!);

        HeapSnapshot snapshot = HeapSnapshot.Take(t.Runtime);
        WhyAliveResult answer = snapshot.WhyAlive(last);

        Assert.Equal(Length + 1, answer.Chain.Count);
        Assert.Equal(Length, answer.Cycle.Count);
        Assert.Empty(snapshot.WhyAlive(head.Value).Cycle);
    }

    [Fact]
    public void WhyAlive_FreedObject_ThrowsObjectFreed()
    {
        using TestRuntime t = new();
        Node freed;
        using (Owned<Node> node = t.Node())
        {
            freed = node.Value;
        }

        HeapSnapshot snapshot = HeapSnapshot.Take(t.Runtime);

        Assert.Throws<ObjectFreedException>(() => snapshot.WhyAlive(freed));
    }

    [Fact]
    public void WhyAlive_UnreferencedLeafOrLaterObject_ThrowsArgumentNamingWhy()
    {
        using TestRuntime t = new();
        using Owned<Leaf> leaf = t.Runtime.New<Leaf>().ToOwned();
        HeapSnapshot snapshot = HeapSnapshot.Take(t.Runtime);
        using Owned<Node> later = t.Node();

        ArgumentException exception = Assert.Throws<ArgumentException>(() => snapshot.WhyAlive(leaf.Value));
        Assert.Contains("does not hold this 'Leaf'", exception.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => snapshot.WhyAlive(later.Value));
        Assert.Throws<ArgumentOutOfRangeException>(() => snapshot.WhyAlive(snapshot.Count));
    }

    internal static readonly HeapSnapshotOptions Labels = new() { Describe = o => (o as Node)?.Name };

    private static Node Link(TestRuntime t, Node from, string name)
    {
        Node next = t.Runtime.AdoptReference(new Node { Name = name });
        from.Next.SetOwned(next);
        return next;
    }

    private static RcObject Find(HeapSnapshot snapshot, string label)
    {
        int id = snapshot.Objects.Single(o => o.Label == label).Id;
        return snapshot.Data.Objects[id];
    }
}
