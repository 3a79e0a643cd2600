using Reclaim.Tests.Support;

namespace Reclaim.Tests.Objects;

/// <summary>
/// Invariant I8, one test per misuse: a specific exception whose message names the object's type and the
/// operation, and a heap that is still consistent afterwards (a full collection and shutdown succeed).
/// </summary>
public sealed class MisuseTests
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
        Owned<FinalizableNode> owned = t.Runtime.New<FinalizableNode>();
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
    public void AddRef_FreedObject_ThrowsObjectFreed()
    {
        using TestRuntime t = new();
        Owned<Node> owned = t.Node();
        Node node = owned.Value;
        owned.Dispose();

        ObjectFreedException exception = Assert.Throws<ObjectFreedException>(node.AddRef);

        Assert.IsNotType<DoubleReleaseException>(exception);
        HeapAssert.NamesTypeAndOperation(exception, nameof(Node), "AddRef");
        Assert.Equal("AddRef", exception.Operation);
        Assert.Equal(0, node.RefCount);
        HeapAssert.ConsistentAfterwards(t);
    }

    [Fact]
    public void FieldSet_FreedObject_ThrowsObjectFreedAndLeavesFieldUnchanged()
    {
        using TestRuntime t = new();
        using Owned<Node> holder = t.Node("holder");
        using Owned<Node> current = t.Node("current");
        holder.Value.Next.Set(current.Value);
        Owned<Node> owned = t.Node();
        Node freed = owned.Value;
        owned.Dispose();

        ObjectFreedException exception = Assert.Throws<ObjectFreedException>(() => holder.Value.Next.Set(freed));

        HeapAssert.NamesTypeAndOperation(exception, nameof(Node), "AddRef");
        Assert.Same(current.Value, holder.Value.Next.Value);
        Assert.Equal(2, current.Value.RefCount);
        holder.Value.Next.Clear();
        current.Dispose();
        holder.Dispose();
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
        Assert.Throws<ObjectClearedException>(() => t.Runtime.WeakRef(owner.Peek!));

        HeapAssert.NamesTypeAndOperation(exception, nameof(Node), "Owned.Value");
        owner.Dispose();
        HeapAssert.ConsistentAfterwards(t);
    }

    [Fact]
    public void Adopt_ObjectAlreadyAdopted_ThrowsAlreadyAdopted()
    {
        using TestRuntime t = new();
        using TestRuntime other = new();
        Node node = new();
        using Owned<Node> owned = t.Runtime.Adopt(node);

        ObjectAlreadyAdoptedException exception = Assert.Throws<ObjectAlreadyAdoptedException>(() => t.Runtime.Adopt(node));
        Assert.Throws<ObjectAlreadyAdoptedException>(() => other.Runtime.AdoptReference(node));

        HeapAssert.NamesTypeAndOperation(exception, nameof(Node), "Adopt");
        Assert.Equal(1, node.RefCount);
        Assert.Same(t.Runtime, node.Runtime);
        owned.Dispose();
        Assert.Throws<ObjectAlreadyAdoptedException>(() => t.Runtime.Adopt(node));
        HeapAssert.ConsistentAfterwards(t);
    }

    [Fact]
    public void AddRefAndRelease_ObjectNeverAdopted_ThrowNotAdopted()
    {
        using TestRuntime t = new();
        Node stray = new();

        ObjectNotAdoptedException addRef = Assert.Throws<ObjectNotAdoptedException>(stray.AddRef);
        ObjectNotAdoptedException release = Assert.Throws<ObjectNotAdoptedException>(stray.Release);
        ObjectNotAdoptedException runtime = Assert.Throws<ObjectNotAdoptedException>(() => stray.Runtime);
        ObjectNotAdoptedException referents = Assert.Throws<ObjectNotAdoptedException>(() => t.Gc.GetReferents(stray));
        ObjectNotAdoptedException weak = Assert.Throws<ObjectNotAdoptedException>(() => t.Runtime.WeakRef(stray));

        HeapAssert.NamesTypeAndOperation(addRef, nameof(Node), "AddRef");
        HeapAssert.NamesTypeAndOperation(release, nameof(Node), "Release");
        HeapAssert.NamesTypeAndOperation(runtime, nameof(Node), "Runtime");
        HeapAssert.NamesTypeAndOperation(referents, nameof(Node), "Gc.GetReferents");
        HeapAssert.NamesTypeAndOperation(weak, nameof(Node), "WeakRef");
        Assert.Equal(RcObjectState.Unborn, stray.State);
        Assert.Equal(0, stray.RefCount);

        // Still adoptable afterwards.
        using (Owned<Node> adopted = t.Runtime.Adopt(stray))
        {
            Assert.Equal(1, stray.RefCount);
        }

        HeapAssert.ConsistentAfterwards(t);
    }

    [Fact]
    public void FieldSet_ObjectNeverAdopted_ThrowsNotAdoptedAndLeavesFieldEmpty()
    {
        using TestRuntime t = new();
        Owned<Node> holder = t.Node();

        ObjectNotAdoptedException exception = Assert.Throws<ObjectNotAdoptedException>(() => holder.Value.Next.Set(new Leaf()));

        HeapAssert.NamesTypeAndOperation(exception, nameof(Leaf), "AddRef");
        Assert.True(holder.Value.Next.IsNull);
        holder.Dispose();
        HeapAssert.ConsistentAfterwards(t);
    }

    [Fact]
    public void WeakRefAndFinalize_ObjectOfAnotherRuntime_ThrowWrongRuntime()
    {
        using TestRuntime t = new();
        using TestRuntime other = new();
        Owned<Node> foreign = other.Node("foreign");
        Owned<Node> local = t.Node("local");

        WrongRuntimeException weak = Assert.Throws<WrongRuntimeException>(() => t.Runtime.WeakRef(foreign.Value));
        WrongRuntimeException finalize = Assert.Throws<WrongRuntimeException>(() => t.Runtime.Finalize(foreign.Value, () => { }));
        WrongRuntimeException argument = Assert.Throws<WrongRuntimeException>(() => t.Runtime.Finalize(local.Value, _ => { }, foreign.Value));
        WrongRuntimeException referents = Assert.Throws<WrongRuntimeException>(() => t.Gc.GetReferents(foreign.Value));

        HeapAssert.NamesTypeAndOperation(weak, nameof(Node), "WeakRef");
        HeapAssert.NamesTypeAndOperation(finalize, nameof(Node), "Finalize");
        HeapAssert.NamesTypeAndOperation(argument, nameof(Node), "Finalize argument");
        HeapAssert.NamesTypeAndOperation(referents, nameof(Node), "Gc.GetReferents");

        // Nothing was registered or counted on either side.
        Assert.Equal(0, t.Runtime.PendingFinalizerCount);
        Assert.Equal(0, other.Runtime.GetWeakRefCount(foreign.Value));
        Assert.Equal(1, foreign.Value.RefCount);
        Assert.Equal(1, local.Value.RefCount);
        foreign.Dispose();
        local.Dispose();
        HeapAssert.ConsistentAfterwards(t);
        HeapAssert.ConsistentAfterwards(other);
    }

    [Fact]
    public void WeakRef_CallbackObjectOfAnotherRuntime_ThrowsWrongRuntime()
    {
        using TestRuntime t = new();
        using TestRuntime other = new();
        Owned<Node> target = t.Node();
        Owned<CountingWeakRefCallback> foreignCallback = other.Runtime.Adopt(new CountingWeakRefCallback());

        WrongRuntimeException exception = Assert.Throws<WrongRuntimeException>(() => t.Runtime.WeakRef(target.Value, foreignCallback.Value));

        HeapAssert.NamesTypeAndOperation(exception, nameof(CountingWeakRefCallback), "WeakRef callback");
        Assert.Equal(0, t.Runtime.GetWeakRefCount(target.Value));
        target.Dispose();
        foreignCallback.Dispose();
        HeapAssert.ConsistentAfterwards(t);
        HeapAssert.ConsistentAfterwards(other);
    }

    [Theory]
    [InlineData("AddRef")]
    [InlineData("Release")]
    [InlineData("Allocate")]
    [InlineData("Gc.Collect")]
    [InlineData("SafePoint")]
    public void Collect_TraverseBreaksPurity_ThrowsTraversalViolationAbortsAndFreesNothing(string operation)
    {
        using TestRuntime t = new();
        Owned<Node> bystander = t.Node("bystander");
        Owned<ImpureTraverseNode> impure = t.Runtime.New<ImpureTraverseNode>();
        impure.Value.DuringTraverse = operation switch
        {
            "AddRef" => bystander.Value.AddRef,
            "Release" => bystander.Value.Release,
            "Allocate" => () => t.Runtime.New<Node>().Dispose(),
            "Gc.Collect" => () => t.Gc.Collect(),
            _ => t.Runtime.SafePoint,
        };
        impure.Value.Next.Set(impure.Value);
        ImpureTraverseNode impureNode = impure.Value;
        impure.Dispose();
        Node garbage;
        using (Owned<Node> ring = t.Ring(3))
        {
            garbage = ring.Value;
        }

        TraversalViolationException exception = Assert.Throws<TraversalViolationException>(() => t.Gc.Collect());

        Assert.Same(exception, Assert.Single(impureNode.Thrown));
        Assert.Contains(operation, exception.Message, StringComparison.Ordinal);
        Assert.Contains(operation is "AddRef" or "Release" or "Allocate" ? nameof(Node) : nameof(Runtime), exception.Message, StringComparison.Ordinal);
        Assert.Contains("Traverse", exception.Message, StringComparison.Ordinal);

        // Aborted: no count changed, nothing freed, nothing cleared, collector idle.
        Assert.Equal(1, bystander.Value.RefCount);
        Assert.Equal(RcObjectState.Alive, impureNode.State);
        Assert.Equal(RcObjectState.Alive, garbage.State);
        Assert.Equal(5, t.Gc.GetObjects().Count);
        Assert.False(t.Gc.IsCollecting);

        // Collector intact: with traversal pure again the same garbage is collected.
        impureNode.DuringTraverse = null;
        Assert.Equal(4, t.Gc.Collect().Collected);
        Assert.Equal(RcObjectState.Freed, garbage.State);
        Assert.Equal(RcObjectState.Freed, impureNode.State);
        bystander.Dispose();
        HeapAssert.ConsistentAfterwards(t);
    }

    [Fact]
    public void GetReferents_TraverseBreaksPurity_ThrowsTraversalViolation()
    {
        using TestRuntime t = new();
        Owned<Node> bystander = t.Node("bystander");
        Owned<ImpureTraverseNode> impure = t.Runtime.New<ImpureTraverseNode>();
        impure.Value.DuringTraverse = bystander.Value.AddRef;

        TraversalViolationException exception = Assert.Throws<TraversalViolationException>(() => t.Gc.GetReferents(impure.Value));

        HeapAssert.NamesTypeAndOperation(exception, nameof(Node), "AddRef");
        Assert.Equal(1, bystander.Value.RefCount);

        // The guard is lifted once traversal ends.
        bystander.Value.AddRef();
        bystander.Value.Release();
        impure.Value.DuringTraverse = null;
        impure.Dispose();
        bystander.Dispose();
        HeapAssert.ConsistentAfterwards(t);
    }

    [Fact]
    public void Operations_AfterRuntimeDispose_ThrowRuntimeFinalized()
    {
        TestRuntime t = new();
        Owned<Node> survivor = t.Node("survivor");
        Node node = survivor.Value;
        t.Runtime.Dispose();

        Assert.True(t.Runtime.IsFinalized);
        RuntimeFinalizedException addRef = Assert.Throws<RuntimeFinalizedException>(node.AddRef);
        RuntimeFinalizedException release = Assert.Throws<RuntimeFinalizedException>(node.Release);
        RuntimeFinalizedException allocate = Assert.Throws<RuntimeFinalizedException>(() => t.Runtime.New<Node>());
        RuntimeFinalizedException collect = Assert.Throws<RuntimeFinalizedException>(() => t.Gc.Collect());
        RuntimeFinalizedException weak = Assert.Throws<RuntimeFinalizedException>(() => t.Runtime.WeakRef(node));
        RuntimeFinalizedException safePoint = Assert.Throws<RuntimeFinalizedException>(t.Runtime.SafePoint);
        RuntimeFinalizedException freeze = Assert.Throws<RuntimeFinalizedException>(t.Gc.Freeze);

        HeapAssert.NamesTypeAndOperation(addRef, nameof(Node), "AddRef");
        HeapAssert.NamesTypeAndOperation(release, nameof(Node), "Release");
        HeapAssert.NamesTypeAndOperation(allocate, nameof(Node), "Allocate");
        Assert.Contains("Gc.Collect", collect.Message, StringComparison.Ordinal);
        Assert.Contains("WeakRef", weak.Message, StringComparison.Ordinal);
        Assert.Contains("SafePoint", safePoint.Message, StringComparison.Ordinal);
        Assert.Contains("Gc.Freeze", freeze.Message, StringComparison.Ordinal);

        // Nothing changed, and disposing again is harmless.
        Assert.Equal(1, node.RefCount);
        Assert.Equal(RcObjectState.Alive, node.State);
        t.Runtime.Dispose();
        t.Dispose();
    }

    [Fact]
    public void OwnedValue_AfterDispose_ThrowsObjectDisposed()
    {
        using TestRuntime t = new();
        Owned<Node> owned = t.Node();
        owned.Dispose();

        ObjectDisposedException exception = Assert.Throws<ObjectDisposedException>(() => owned.Value);
        Assert.Throws<ObjectDisposedException>(owned.Clone);
        Assert.Throws<ObjectDisposedException>(owned.Detach);

        HeapAssert.NamesTypeAndOperation(exception, nameof(Node), "Owned.Value");
        Assert.False(owned.HasValue);
        owned.Dispose();
        HeapAssert.ConsistentAfterwards(t);
    }

    [Fact]
    public void OwnedValue_AfterDetach_ThrowsObjectDisposed()
    {
        using TestRuntime t = new();
        Owned<Node> owned = t.Node();
        Node node = owned.Detach();

        Assert.Throws<ObjectDisposedException>(() => owned.Value);
        owned.Dispose();
        Assert.Equal(1, node.RefCount);
        node.Release();
        Assert.Equal(RcObjectState.Freed, node.State);
        HeapAssert.ConsistentAfterwards(t);
    }

    /// <summary>
    /// Unchecked mode: a node whose only other reference an over-reporting traversal hides is cleared by a
    /// collection though <paramref name="t"/>'s returned handle still owns it.
    /// </summary>
    private static Owned<Node> ClearedButOwned(TestRuntime t)
    {
        Owned<DoubleVisitNode> broken = t.Runtime.New<DoubleVisitNode>();
        Owned<Node> owner = t.Node("hidden");
        broken.Value.Target.Set(owner.Value);
        owner.Value.Next.Set(broken.Value);
        broken.Dispose();
        CollectionResult result = t.Gc.Collect();
        Assert.Equal(1, result.Uncollectable);
        return owner;
    }
}
