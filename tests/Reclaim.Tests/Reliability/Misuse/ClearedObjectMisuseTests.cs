using Reclaim.Tests.Support;

namespace Reclaim.Tests.Reliability.Misuse;

/// <summary>
/// Misuse matrix, cleared-object rows (I1, I8): an object the collector cleared is refused with
/// <see cref="ObjectClearedException"/>; it stays in gc.garbage until released, then is freed once.
/// One test per row; docs/reliability.md lists the rows.
/// </summary>
public sealed class ClearedObjectMisuseTests
{
    [Fact]
    public void AddRef_ObjectClearedByCollector_ThrowsObjectCleared()
    {
        using TestRuntime t = new(checkedMode: false);
        Owned<Node> owner = ClearedButOwned(t);
        Node node = owner.Peek!;

        ObjectClearedException exception = Assert.Throws<ObjectClearedException>(node.AddRef);

        HeapAssert.NamesTypeAndOperation(exception, nameof(Node), "AddRef");
        Assert.Equal(RcObjectState.Cleared, node.State);
        Assert.False(node.IsAlive);

        // The collector keeps what it could not free in Garbage, with a reference of its own.
        Assert.Equal(2, node.RefCount);
        Assert.Contains(node, t.Gc.Garbage);

        // Releasing the hidden reference and Garbage's frees it, once.
        owner.Dispose();
        t.Gc.ClearGarbage();
        Assert.Equal(RcObjectState.Freed, node.State);
        Assert.Equal(1, node.FreeCount);
        HeapAssert.ConsistentAfterwards(t);
    }

    [Fact]
    public void OwnedValue_ObjectClearedByCollector_ThrowsObjectCleared()
    {
        using TestRuntime t = new(checkedMode: false);
        Owned<Node> owner = ClearedButOwned(t);

        ObjectClearedException exception = Assert.Throws<ObjectClearedException>(() => owner.Value);
        Assert.Throws<ObjectClearedException>(owner.Clone);
        Assert.Throws<ObjectClearedException>(() => t.Runtime.WeakRef(owner.Peek!).ToOwned());

        HeapAssert.NamesTypeAndOperation(exception, nameof(Node), "Owned.Value");
        owner.Dispose();
        HeapAssert.ConsistentAfterwards(t);
    }

    [Fact]
    public void FieldSetAndFinalize_ObjectClearedByCollector_ThrowObjectClearedAndChangeNothing()
    {
        using TestRuntime t = new(checkedMode: false);
        Owned<Node> owner = ClearedButOwned(t);
        Node cleared = owner.Peek!;
        Owned<Node> holder = t.Node("holder");

        ObjectClearedException store = Assert.Throws<ObjectClearedException>(() => holder.Value.Next.Set(cleared));
        ObjectClearedException finalize = Assert.Throws<ObjectClearedException>(() => t.Runtime.AddFinalizer(cleared, () => { }));

        HeapAssert.NamesTypeAndOperation(store, nameof(Node), "AddRef");
        HeapAssert.NamesTypeAndOperation(finalize, nameof(Node), "Finalize");
        Assert.True(holder.Value.Next.IsNull);
        Assert.Equal(0, t.Runtime.PendingFinalizerCount);
        Assert.Equal(2, cleared.RefCount);

        holder.Dispose();
        owner.Dispose();
        t.Gc.ClearGarbage();
        Assert.Equal(RcObjectState.Freed, cleared.State);
        Assert.Equal(1, cleared.FreeCount);
        HeapAssert.ConsistentAfterwards(t, expectedCollected: 0);
    }

    /// <summary>
    /// Unchecked mode: a node whose only other reference an over-reporting traversal hides is cleared by a
    /// collection though <paramref name="t"/>'s returned handle still owns it.
    /// </summary>
    private static Owned<Node> ClearedButOwned(TestRuntime t)
    {
        Owned<DoubleVisitNode> broken = t.Runtime.New<DoubleVisitNode>().ToOwned();
        Owned<Node> owner = t.Node("hidden");
        broken.Value.Target.Set(owner.Value);
        owner.Value.Next.Set(broken.Value);
        broken.Dispose();
        CollectionResult result = t.Gc.Collect();
        Assert.Equal(1, result.Uncollectable);
        return owner;
    }
}
