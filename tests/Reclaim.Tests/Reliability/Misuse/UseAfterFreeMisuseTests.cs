using Reclaim.Tests.Support;

namespace Reclaim.Tests.Reliability.Misuse;

/// <summary>
/// Misuse matrix, use-after-free rows (I8): every entry point refuses a freed object with
/// <see cref="ObjectFreedException"/> naming its type and the operation, and changes nothing.
/// One test per row; docs/reliability.md lists the rows.
/// </summary>
public sealed class UseAfterFreeMisuseTests
{
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

    [Theory]
    [InlineData("WeakRef")]
    [InlineData("Finalize")]
    [InlineData("Finalize argument")]
    public void EntryPoint_FreedObject_ThrowsObjectFreedAndRegistersNothing(string operation)
    {
        using TestRuntime t = new();
        Owned<Node> live = t.Node("live");
        Node freed = LifetimeStates.FreedNode(t);
        Action use = operation switch
        {
            "WeakRef" => () => t.Runtime.WeakRef(freed).ToOwned(),
            "Finalize" => () => t.Runtime.AddFinalizer(freed, () => { }),
            _ => () => t.Runtime.AddFinalizer(live.Value, _ => { }, freed),
        };

        ObjectFreedException exception = Assert.Throws<ObjectFreedException>(use);

        HeapAssert.NamesTypeAndOperation(exception, nameof(Node), operation);
        Assert.Equal(0, t.Runtime.PendingFinalizerCount);
        Assert.Equal(0, t.Runtime.GetWeakRefCount(live.Value));
        Assert.Equal(1, live.Value.RefCount);
        Assert.Equal(1, freed.FreeCount);
        live.Dispose();
        HeapAssert.ConsistentAfterwards(t, expectedCollected: 0);
    }

    [Fact]
    public void TryGetTarget_WeakReferenceFreed_ThrowsObjectFreedNamingTheWeakReference()
    {
        using TestRuntime t = new();
        Owned<Node> target = t.Node("target");
        Owned<WeakRef> weak = t.Runtime.WeakRef(target.Value).ToOwned();
        WeakRef freed = weak.Value;
        weak.Dispose();

        ObjectFreedException exception = Assert.Throws<ObjectFreedException>(() => freed.TryGetTarget());

        HeapAssert.NamesTypeAndOperation(exception, nameof(WeakRef), "WeakRef.TryGetTarget");
        Assert.Equal(1, target.Value.RefCount);
        Assert.Equal(0, t.Runtime.GetWeakRefCount(target.Value));
        target.Dispose();
        HeapAssert.ConsistentAfterwards(t, expectedCollected: 0);
    }
}
