using Reclaim.Tests.Support;

namespace Reclaim.Tests.Collection;

/// <summary><c>gc.get_referrers</c>, <c>get_referents</c>, <c>is_tracked</c> and <c>is_finalized</c> against CPython 3.11.</summary>
public sealed class GcIntrospectionTests
{
    [Fact]
    public void GetReferrers_ObjectHeldByTwoContainers_ReturnsEachReferrerOnce()
    {
        using TestRuntime t = new();
        using Owned<Node> target = t.Node("target");
        using Owned<Node> a = t.Node("a");
        using Owned<Holder> b = t.Runtime.New<Holder>().ToOwned();
        using Owned<Node> unrelated = t.Node("unrelated");
        a.Value.Next.Set(target.Value);
        a.Value.Other.Set(target.Value);
        b.Value.Items[3].Set(target.Value);

        IReadOnlyList<RcObject> referrers = t.Gc.GetReferrers(target.Value);

        Assert.Equal(2, referrers.Count);
        Assert.Contains(a.Value, referrers);
        Assert.Contains(b.Value, referrers);
    }

    [Fact]
    public void GetReferrers_SeveralTargets_ReturnsReferrersOfAny()
    {
        using TestRuntime t = new();
        using Owned<Leaf> leaf = t.Runtime.New<Leaf>().ToOwned();
        using Owned<Node> x = t.Node("x");
        using Owned<Node> holdsLeaf = t.Node();
        using Owned<Node> holdsX = t.Node();
        holdsLeaf.Value.Next.Set(leaf.Value);
        holdsX.Value.Other.Set(x.Value);

        IReadOnlyList<RcObject> referrers = t.Gc.GetReferrers(leaf.Value, x.Value);

        Assert.Equal(2, referrers.Count);
        Assert.Contains(holdsLeaf.Value, referrers);
        Assert.Contains(holdsX.Value, referrers);
        Assert.Empty(t.Gc.GetReferrers(holdsLeaf.Value));
    }

    [Fact]
    public void GetReferrers_FrozenReferrer_IsNotListed()
    {
        using TestRuntime t = new();
        using Owned<Node> target = t.Node("target");
        using Owned<Node> frozen = t.Node("frozen");
        frozen.Value.Next.Set(target.Value);
        t.Gc.Freeze();
        using Owned<Node> young = t.Node("young");
        young.Value.Next.Set(target.Value);

        // CPython's get_referrers walks generations 0-2 only, not the permanent generation.
        Assert.Equal([young.Value], t.Gc.GetReferrers(target.Value));
    }

    [Fact]
    public void GetReferents_Container_ReturnsReferencesInTraversalOrderSkippingNulls()
    {
        using TestRuntime t = new();
        using Owned<Holder> holder = t.Runtime.New<Holder>().ToOwned();
        using Owned<Node> first = t.Node("first");
        using Owned<Leaf> leaf = t.Runtime.New<Leaf>().ToOwned();
        holder.Value.Items[0].Set(leaf.Value);
        holder.Value.Items[2].Set(first.Value);
        holder.Value.Items[3].Set(leaf.Value);

        Assert.Equal([leaf.Value, first.Value, leaf.Value], t.Gc.GetReferents(holder.Value));
        Assert.Equal([leaf.Value, first.Value, leaf.Value], t.Gc.GetReferents(holder.Value, leaf.Value));
        Assert.Empty(t.Gc.GetReferents(leaf.Value));
        Assert.Empty(t.Gc.GetReferents());
    }

    [Fact]
    public void GetReferents_DeadObject_ReportsNothing()
    {
        using TestRuntime t = new();
        Owned<Node> owner = t.Node();
        using Owned<Node> child = t.Node();
        owner.Value.Next.Set(child.Value);
        Node dead = owner.Value;
        owner.Dispose();

        Assert.Empty(t.Gc.GetReferents(dead));
    }

    [Fact]
    public void IsTracked_ContainersLeavesAndFreedObjects()
    {
        using TestRuntime t = new();
        using TestRuntime other = new();
        using Owned<Node> container = t.Node();
        using Owned<WeakRef> weak = t.Runtime.WeakRef(container.Value).ToOwned();
        using Owned<Leaf> leaf = t.Runtime.New<Leaf>().ToOwned();
        using Owned<Node> foreign = other.Node();
        Owned<Node> temporary = t.Node();
        Node freed = temporary.Value;
        temporary.Dispose();

        // python3: gc.is_tracked(1.5) False, gc.is_tracked(N()) True, gc.is_tracked([]) True.
        Assert.True(t.Gc.IsTracked(container.Value));
        Assert.True(t.Gc.IsTracked(weak.Value));
        Assert.False(t.Gc.IsTracked(leaf.Value));
        Assert.False(t.Gc.IsTracked(freed));
        Assert.False(t.Gc.IsTracked(foreign.Value));
        Assert.False(t.Gc.IsTracked(new Node()));
        Assert.True(other.Gc.IsTracked(foreign.Value));
    }

    [Fact]
    public void IsFinalized_FinalizerResurrectsOnReferenceCountDeath_IsTrue()
    {
        using TestRuntime t = new();
        using Owned<Node> keeper = t.Node("keeper");
        Owned<FinalizableNode> owned = t.Runtime.New<FinalizableNode>().ToOwned();
        FinalizableNode node = owned.Value;
        node.OnFinalizeAction = self => keeper.Value.Next.Set(self);
        Assert.False(t.Gc.IsFinalized(node));

        owned.Dispose();

        // python3: class R with __del__ appending self to a list -> gc.is_finalized(r) False before del, True after.
        Assert.True(t.Gc.IsFinalized(node));
        Assert.Equal(RcObjectState.Finalized, node.State);
        Assert.True(node.IsAlive);
        Assert.Equal(1, node.RefCount);

        keeper.Value.Next.Clear();
        Assert.Equal(RcObjectState.Freed, node.State);
        Assert.Equal(1, node.FinalizeCount);
    }

    [Fact]
    public void IsFinalized_TypeWithoutFinalizer_IsNeverTrue()
    {
        using TestRuntime t = new();
        t.Gc.Debug = GcDebugFlags.SaveAll;
        Node node;
        using (Owned<Node> ring = t.Ring(1))
        {
            node = ring.Value;
        }

        t.Gc.Collect();

        Assert.Contains(node, t.Gc.Garbage);
        Assert.False(t.Gc.IsFinalized(node));
    }
}
