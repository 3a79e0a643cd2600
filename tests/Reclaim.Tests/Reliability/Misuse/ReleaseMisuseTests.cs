using Reclaim.Tests.Support;

namespace Reclaim.Tests.Reliability.Misuse;

/// <summary>
/// Misuse matrix, release rows: double release and reference-count underflow (I8). The refused release names
/// the object's type and the operation, nothing is freed twice, and the heap stays consistent.
/// One test per row; docs/reliability.md lists the rows.
/// </summary>
public sealed class ReleaseMisuseTests
{
    [Fact]
    public void Release_AlreadyFreedObject_ThrowsDoubleRelease()
    {
        using TestRuntime t = new();
        Owned<Node> owned = t.Node();
        Node node = owned.Value;
        owned.Dispose();

        DoubleReleaseException exception = Assert.Throws<DoubleReleaseException>(node.Release);

        HeapAssert.NamesTypeAndOperation(exception, nameof(Node), "Release");
        Assert.Equal(typeof(Node), exception.ObjectType);
        Assert.Equal(RcObjectState.Freed, node.State);
        Assert.Equal(1, node.FreeCount);
        HeapAssert.ConsistentAfterwards(t);
    }

    [Fact]
    public void OwnedValue_ObjectFreedThroughAnotherReference_ThrowsObjectFreed()
    {
        using TestRuntime t = new();
        Owned<Node> owned = t.Node();
        Node node = owned.Value;
        node.Release();

        ObjectFreedException exception = Assert.Throws<ObjectFreedException>(() => owned.Value);

        HeapAssert.NamesTypeAndOperation(exception, nameof(Node), "Owned.Value");

        // The handle's own release is now a double release, and says so.
        Assert.Throws<DoubleReleaseException>(owned.Dispose);
        Assert.False(owned.HasValue);
        HeapAssert.ConsistentAfterwards(t);
    }

    [Fact]
    public void Release_SelfFromOnFreeAtCountZero_ThrowsUnderflowReportedAsUnraisable()
    {
        using TestRuntime t = new();
        Owned<Node> owned = t.Node();
        Node node = owned.Value;
        node.OnFreeAction = self => self.Release();

        owned.Dispose();

        UnraisableInfo report = Assert.Single(t.Unraisable);
        Assert.Equal(UnraisablePhase.Free, report.Phase);
        Assert.Same(node, report.Object);
        RefCountUnderflowException exception = Assert.IsType<RefCountUnderflowException>(report.Exception);
        HeapAssert.NamesTypeAndOperation(exception, nameof(Node), "Release");
        Assert.Equal(RcObjectState.Freed, node.State);
        Assert.Equal(0, node.RefCount);
        Assert.Equal(1, node.FreeCount);
        HeapAssert.ConsistentAfterwards(t);
    }

    [Fact]
    public void Release_ChildQueuedForDeallocation_ThrowsUnderflow()
    {
        using TestRuntime t = new();
        Owned<Node> parent = t.Node("parent");
        Node child = t.Runtime.Allocate<Node>();
        parent.Value.Next.SetOwned(child);
        Exception? caught = null;

        // By the time the parent's OnFree runs, its Clear already released the child, whose death is queued.
        parent.Value.OnFreeAction = _ => caught = Record.Exception(child.Release);
        parent.Dispose();

        RefCountUnderflowException exception = Assert.IsType<RefCountUnderflowException>(caught);
        HeapAssert.NamesTypeAndOperation(exception, nameof(Node), "Release");
        Assert.Equal(RcObjectState.Freed, child.State);
        Assert.Equal(1, child.FreeCount);
        Assert.Empty(t.Unraisable);
        HeapAssert.ConsistentAfterwards(t);
    }

    [Fact]
    public void Release_SelfFromFinalizerDuringDeallocation_ThrowsUnderflowAndFreesOnce()
    {
        using TestRuntime t = new();
        Owned<FinalizableNode> owned = t.Runtime.New<FinalizableNode>().ToOwned();
        FinalizableNode node = owned.Value;
        node.OnFinalizeAction = self => self.Release();

        owned.Dispose();

        // The finalizer borrows the dying object's last reference; releasing it is an underflow, not a second death.
        UnraisableInfo report = Assert.Single(t.Unraisable);
        Assert.Equal(UnraisablePhase.Finalizer, report.Phase);
        RefCountUnderflowException exception = Assert.IsType<RefCountUnderflowException>(report.Exception);
        HeapAssert.NamesTypeAndOperation(exception, nameof(FinalizableNode), "Release");
        Assert.Equal(RcObjectState.Freed, node.State);
        Assert.Equal(0, node.RefCount);
        Assert.Equal(1, node.FinalizeCount);
        Assert.Equal(1, node.FreeCount);
        HeapAssert.ConsistentAfterwards(t);
    }

    [Fact]
    public void FieldClear_ObjectOverReleasedThroughRawReference_ThrowsDoubleReleaseAndKeepsTheSlot()
    {
        using TestRuntime t = new();
        Owned<Node> holder = t.Node("holder");
        Node child = t.Runtime.Allocate<Node>();
        holder.Value.Next.SetOwned(child);

        // A raw release of a reference the caller does not own frees the child behind the field's back.
        child.Release();
        DoubleReleaseException exception = Assert.Throws<DoubleReleaseException>(() => holder.Value.Next.Clear());

        HeapAssert.NamesTypeAndOperation(exception, nameof(Node), "Release");
        Assert.Same(child, holder.Value.Next.Value);
        Assert.Equal(RcObjectState.Freed, child.State);
        Assert.Equal(1, child.FreeCount);

        // Dropping the dangling slot without a release repairs the holder; nothing else was affected.
        holder.Value.Next.Take();
        holder.Dispose();
        HeapAssert.ConsistentAfterwards(t, expectedCollected: 0);
    }
}
