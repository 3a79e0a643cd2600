using Reclaim.Tests.Support;

namespace Reclaim.Tests.Objects;

/// <summary>
/// Invariant I2 through the generator: a traversal written by <see cref="RcTypeAttribute"/> lets the collector find
/// and free a cycle through every supported member kind, passes checked mode's audit (which compares it with the
/// fields by reflection), and clears in <c>Py_CLEAR</c> order.
/// </summary>
public sealed class GeneratedTraversalTests
{
    public static TheoryData<string> MemberKinds => ["field", "array", "list", "base field of a derived type", "derived field"];

    [Theory]
    [MemberData(nameof(MemberKinds))]
    public void Collect_CycleThroughGeneratedMember_IsFoundAndFreedInCheckedMode(string kind)
    {
        using TestRuntime t = new();
        GeneratedNode a;
        GeneratedNode b;
        using (Owned<GeneratedNode> ownedA = kind.Contains("derived", StringComparison.Ordinal) ? Derived(t) : t.Runtime.New<GeneratedNode>().ToOwned())
        using (Owned<GeneratedNode> ownedB = kind.Contains("derived", StringComparison.Ordinal) ? Derived(t) : t.Runtime.New<GeneratedNode>().ToOwned())
        {
            a = ownedA.Value;
            b = ownedB.Value;
            Link(a, b, kind);
            Link(b, a, kind);
            Assert.Equal(2, a.RefCount);
            Assert.Equal(2, b.RefCount);
        }

        Assert.Equal(RcObjectState.Alive, a.State);
        Assert.Equal([b], t.Gc.GetReferents(a));

        CollectionResult result = t.Gc.Collect();

        Assert.Equal(2, result.Collected);
        Assert.Equal(RcObjectState.Freed, a.State);
        Assert.Equal(RcObjectState.Freed, b.State);
        HeapAssert.ConsistentAfterwards(t);
    }

    [Fact]
    public void Collect_GeneratedNodeReachableFromOutside_KeepsEverythingItReaches()
    {
        using TestRuntime t = new();
        using Owned<GeneratedNode> root = t.Runtime.New<GeneratedNode>().ToOwned();
        using (Owned<GeneratedNode> field = t.Runtime.New<GeneratedNode>().ToOwned())
        using (Owned<GeneratedNode> slot = t.Runtime.New<GeneratedNode>().ToOwned())
        using (Owned<GeneratedNode> item = t.Runtime.New<GeneratedNode>().ToOwned())
        {
            root.Value.Field.Set(field.Value);
            root.Value.Slots[1].Set(slot.Value);
            root.Value.Items.Add(item.Value);
            item.Value.Field.Set(root.Value);
        }

        Assert.Equal(0, t.Gc.Collect().Collected);
        Assert.Equal(4, t.Gc.GetObjects().Count);
        Assert.All(t.Gc.GetObjects(), o => Assert.True(o.IsAlive));
    }

    [Fact]
    public void Release_GeneratedClear_EmptiesEachSlotBeforeItsValueIsReleased()
    {
        using TestRuntime t = new();
        List<string> seen = [];
        Owned<GeneratedNode> holder = t.Runtime.New<GeneratedNode>().ToOwned();
        GeneratedNode h = holder.Value;
        using (Owned<GeneratedNode> field = t.Runtime.New<GeneratedNode>().ToOwned())
        using (Owned<GeneratedNode> slot = t.Runtime.New<GeneratedNode>().ToOwned())
        using (Owned<GeneratedNode> item = t.Runtime.New<GeneratedNode>().ToOwned())
        {
            h.Field.Set(field.Value);
            h.Slots[0].Set(slot.Value);
            h.Items.Add(item.Value);
            field.Value.OnFreeAction = _ => seen.Add($"field freed: field empty={h.Field.IsNull}");
            slot.Value.OnFreeAction = _ => seen.Add($"slot freed: slot empty={h.Slots[0].IsNull}");
            item.Value.OnFreeAction = _ => seen.Add($"item freed: list count={h.Items.Count}");
        }

        holder.Dispose();

        Assert.Equal(["field freed: field empty=True", "slot freed: slot empty=True", "item freed: list count=0"], seen);
        Assert.Equal(RcObjectState.Freed, h.State);
    }

    [Fact]
    public void Adopt_GeneratedLeafAndContainer_OnlyTheContainerIsTracked()
    {
        using TestRuntime t = new();
        using Owned<GeneratedLeaf> leaf = t.Runtime.New<GeneratedLeaf>().ToOwned();
        using Owned<GeneratedNode> container = t.Runtime.New<GeneratedNode>().ToOwned();

        Assert.False(t.Gc.IsTracked(leaf.Value));
        Assert.True(t.Gc.IsTracked(container.Value));
    }

    private static Owned<GeneratedNode> Derived(TestRuntime t) => t.Runtime.Adopt<GeneratedNode>(new GeneratedDerivedNode()).ToOwned();

    private static void Link(GeneratedNode from, GeneratedNode to, string kind)
    {
        switch (kind)
        {
            case "field" or "base field of a derived type":
                from.Field.Set(to);
                break;
            case "array":
                from.Slots[1].Set(to);
                break;
            case "list":
                from.Items.Add(to);
                break;
            case "derived field":
                ((GeneratedDerivedNode)from).Extra.Set(to);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown member kind.");
        }
    }
}
