using Reclaim.Tests.Support;

namespace Reclaim.Tests.Reliability.Misuse;

/// <summary>
/// Misuse matrix, ownership rows: adopting twice, using an object no runtime adopted, mixing runtimes (wrong
/// runtime), using a spent owned handle.
/// One test per row; docs/reliability.md lists the rows.
/// </summary>
public sealed class OwnershipMisuseTests
{
    [Fact]
    public void Adopt_ObjectAlreadyAdopted_ThrowsAlreadyAdopted()
    {
        using TestRuntime t = new();
        using TestRuntime other = new();
        Node node = new();
        using Owned<Node> owned = t.Runtime.Adopt(node).ToOwned();

        ObjectAlreadyAdoptedException exception = Assert.Throws<ObjectAlreadyAdoptedException>(() => t.Runtime.Adopt(node).ToOwned());
        Assert.Throws<ObjectAlreadyAdoptedException>(() => other.Runtime.AdoptReference(node));

        HeapAssert.NamesTypeAndOperation(exception, nameof(Node), "Adopt");
        Assert.Equal(1, node.RefCount);
        Assert.Same(t.Runtime, node.Runtime);
        owned.Dispose();
        Assert.Throws<ObjectAlreadyAdoptedException>(() => t.Runtime.Adopt(node).ToOwned());
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
        ObjectNotAdoptedException weak = Assert.Throws<ObjectNotAdoptedException>(() => t.Runtime.WeakRef(stray).ToOwned());

        HeapAssert.NamesTypeAndOperation(addRef, nameof(Node), "AddRef");
        HeapAssert.NamesTypeAndOperation(release, nameof(Node), "Release");
        HeapAssert.NamesTypeAndOperation(runtime, nameof(Node), "Runtime");
        HeapAssert.NamesTypeAndOperation(referents, nameof(Node), "Gc.GetReferents");
        HeapAssert.NamesTypeAndOperation(weak, nameof(Node), "WeakRef");
        Assert.Equal(RcObjectState.Unborn, stray.State);
        Assert.Equal(0, stray.RefCount);

        // Still adoptable afterwards.
        using (Owned<Node> adopted = t.Runtime.Adopt(stray).ToOwned())
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

        WrongRuntimeException weak = Assert.Throws<WrongRuntimeException>(() => t.Runtime.WeakRef(foreign.Value).ToOwned());
        WrongRuntimeException finalize = Assert.Throws<WrongRuntimeException>(() => t.Runtime.AddFinalizer(foreign.Value, () => { }));
        WrongRuntimeException argument = Assert.Throws<WrongRuntimeException>(() => t.Runtime.AddFinalizer(local.Value, _ => { }, foreign.Value));
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
        Owned<CountingWeakRefCallback> foreignCallback = other.Runtime.Adopt(new CountingWeakRefCallback()).ToOwned();

        WrongRuntimeException exception = Assert.Throws<WrongRuntimeException>(() => t.Runtime.WeakRef(target.Value, foreignCallback.Value).ToOwned());

        HeapAssert.NamesTypeAndOperation(exception, nameof(CountingWeakRefCallback), "WeakRef callback");
        Assert.Equal(0, t.Runtime.GetWeakRefCount(target.Value));
        target.Dispose();
        foreignCallback.Dispose();
        HeapAssert.ConsistentAfterwards(t);
        HeapAssert.ConsistentAfterwards(other);
    }

    [Fact]
    public void OwnedValue_AfterDispose_ThrowsObjectDisposed()
    {
        using TestRuntime t = new();
        Owned<Node> owned = t.Node();
        owned.Dispose();

        ObjectDisposedException exception = Assert.Throws<ObjectDisposedException>(() => owned.Value);
        Assert.Throws<ObjectDisposedException>(owned.Clone);
        Assert.Throws<ObjectDisposedException>(owned.Take);

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
        Node node = owned.Take();

        Assert.Throws<ObjectDisposedException>(() => owned.Value);
        owned.Dispose();
        Assert.Equal(1, node.RefCount);
        node.Release();
        Assert.Equal(RcObjectState.Freed, node.State);
        HeapAssert.ConsistentAfterwards(t);
    }
}
