using Reclaim.Tests.Support;

namespace Reclaim.Tests.Objects;

public sealed class ReferenceCountingTests
{
    [Fact]
    public void New_ReturnsOwnedReferenceWithCountOne()
    {
        using TestRuntime t = new();
        using Owned<Node> node = t.Node();
        Assert.Equal(1, node.Value.RefCount);
        Assert.Equal(RcObjectState.Alive, node.Value.State);
        Assert.True(t.Gc.IsTracked(node.Value));
    }

    [Fact]
    public void Leaf_IsNeverTracked()
    {
        using TestRuntime t = new();
        using Owned<Leaf> leaf = t.Runtime.New<Leaf>().ToOwned();
        Assert.False(t.Gc.IsTracked(leaf.Value));
    }

    [Fact]
    public void Dispose_LastReference_FreesExactlyOnce()
    {
        using TestRuntime t = new();
        Owned<Node> owned = t.Node();
        Node node = owned.Value;
        owned.Dispose();
        owned.Dispose();
        Assert.Equal(RcObjectState.Freed, node.State);
        Assert.Equal(1, node.FreeCount);
        Assert.False(t.Gc.IsTracked(node));
    }

    [Fact]
    public void FieldSet_CountsNewValueAndReleasesOldAfterStore()
    {
        using TestRuntime t = new();
        using Owned<Node> holder = t.Node();
        Owned<Node> first = t.Node("first");
        Node firstNode = first.Value;
        holder.Value.Next.Set(firstNode);
        first.Dispose();
        Assert.Equal(1, firstNode.RefCount);

        RcObject? seenInSlotDuringFree = null;
        firstNode.OnFreeAction = _ => seenInSlotDuringFree = holder.Value.Next.Value;
        using Owned<Node> second = t.Node("second");
        holder.Value.Next.Set(second.Value);

        Assert.Equal(RcObjectState.Freed, firstNode.State);
        Assert.Same(second.Value, seenInSlotDuringFree);
        Assert.Equal(2, second.Value.RefCount);
    }

    [Fact]
    public void Release_LongChain_DoesNotOverflowTheStack()
    {
        using TestRuntime t = new(checkedMode: false);
        const int length = 10_000_000;
        Node head = t.Runtime.AdoptReference(new Node());
        Node tail = head;
        for (int i = 1; i < length; i++)
        {
            Node next = t.Runtime.AdoptReference(new Node());
            tail.Next.SetOwned(next);
            tail = next;
        }

        head.Release();
        Assert.Equal(RcObjectState.Freed, tail.State);
        Assert.Empty(t.Gc.GetObjects());
    }

    [Fact]
    public void Release_Tree_FreesChildrenInReleaseOrderDepthFirst()
    {
        using TestRuntime t = new();
        List<string> order = [];
        Owned<Node> root = t.Node("root");
        Node a = t.Runtime.AdoptReference(new Node { Name = "a" });
        Node a1 = t.Runtime.AdoptReference(new Node { Name = "a1" });
        Node b = t.Runtime.AdoptReference(new Node { Name = "b" });
        a.Next.SetOwned(a1);
        root.Value.Next.SetOwned(a);
        root.Value.Other.SetOwned(b);
        foreach (Node n in new[] { root.Value, a, a1, b })
        {
            n.OnFreeAction = x => order.Add(x.Name);
        }

        root.Dispose();
        Assert.Equal(["root", "a", "a1", "b"], order);
    }
}
