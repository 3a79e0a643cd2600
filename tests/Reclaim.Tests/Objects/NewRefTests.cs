using Reclaim.Tests.Support;

namespace Reclaim.Tests.Objects;

/// <summary>The typed new reference: who owns the count after each way of ending a <see cref="NewRef{T}"/>'s life.</summary>
public sealed class NewRefTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void New_ReturnsTheOnlyReference_ReleaseFreesIt(bool checkedMode)
    {
        using TestRuntime t = new(checkedMode);
        NewRef<Node> node = t.Runtime.New<Node>();
        Node value = node.Value;
        Assert.Equal(1, value.RefCount);

        node.Release();

        Assert.Equal(RcObjectState.Freed, value.State);
        Assert.Equal(1, value.FreeCount);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void FieldSet_ConsumesTheNewReference_CountStaysOne(bool checkedMode)
    {
        using TestRuntime t = new(checkedMode);
        NewRef<Node> owner = t.Runtime.New<Node>();
        NewRef<Node> child = t.Runtime.New<Node>();
        Node childValue = child.Value;

        owner.Value.Next.Set(child);

        Assert.Equal(1, childValue.RefCount);
        Assert.Same(childValue, owner.Value.Next.Value);
        owner.Release();
        Assert.Equal(RcObjectState.Freed, childValue.State);
    }

    [Fact]
    public void FieldSet_OfDerivedType_IntoBaseTypedField()
    {
        using TestRuntime t = new();
        NewRef<Node> owner = t.Runtime.New<Node>();
        NewRef<Leaf> leaf = t.Runtime.New<Leaf>();
        Leaf leafValue = leaf.Value;

        owner.Value.Other.Set(leaf);

        Assert.Same(leafValue, owner.Value.Other.Value);
        Assert.Equal(1, leafValue.RefCount);
        owner.Release();
        Assert.Equal(RcObjectState.Freed, leafValue.State);
    }

    [Fact]
    public void FieldSet_IntoDeadOwner_IsRefused_AndLeavesTheReferenceWithTheCaller()
    {
        using TestRuntime t = new();
        NewRef<Node> owner = t.Runtime.New<Node>();
        Node dead = owner.Value;
        owner.Release();
        NewRef<Node> child = t.Runtime.New<Node>();

        Assert.Throws<OwnerNotAliveException>(() => dead.Next.Set(child));

        Assert.Equal(1, child.Value.RefCount);
        child.Release();
    }

    [Fact]
    public void ListAdd_ConsumesTheNewReference()
    {
        using TestRuntime t = new();
        NewRef<GeneratedNode> holder = t.Runtime.New<GeneratedNode>();
        NewRef<Node> item = t.Runtime.New<Node>();
        Node itemValue = item.Value;

        holder.Value.Items.Add(item);

        Assert.Equal(1, itemValue.RefCount);
        Assert.Single(holder.Value.Items);
        holder.Release();
        Assert.Equal(RcObjectState.Freed, itemValue.State);
    }

    [Fact]
    public void ToOwned_MovesTheReferenceIntoAHandle()
    {
        using TestRuntime t = new();
        Owned<Node> handle = t.Runtime.New<Node>().ToOwned();
        Node value = handle.Value;
        Assert.Equal(1, value.RefCount);

        handle.Dispose();

        Assert.Equal(RcObjectState.Freed, value.State);
    }

    [Fact]
    public void Take_GivesTheRawReferenceToTheCaller()
    {
        using TestRuntime t = new();
        Node raw = t.Runtime.New<Node>().Take();
        Assert.Equal(1, raw.RefCount);

        raw.Release();

        Assert.Equal(RcObjectState.Freed, raw.State);
    }

    [Fact]
    public void Empty_ValueThrowsNamingTheType_ReleaseDoesNothing()
    {
        NewRef<Node> empty = default;

        Assert.True(empty.IsNull);
        Assert.Null(empty.ValueOrNull);
        InvalidOperationException exception = Assert.Throws<InvalidOperationException>(() => empty.Value);
        Assert.Contains("NewRef<Node>", exception.Message, StringComparison.Ordinal);
        empty.Release();
        Assert.Throws<InvalidOperationException>(() => empty.ToOwned());
    }

    [Fact]
    public void WeakRefUpgrade_ReturnsANewReference_EmptyOnceTheReferentDied()
    {
        using TestRuntime t = new();
        NewRef<Node> node = t.Runtime.New<Node>();
        Node value = node.Value;
        NewRef<WeakRef> weak = t.Runtime.WeakRef(value);

        NewRef<RcObject> upgraded = weak.Value.TryGetTarget();
        Assert.Same(value, upgraded.Value);
        Assert.Equal(2, value.RefCount);
        upgraded.Release();
        node.Release();

        NewRef<RcObject> none = weak.Value.TryGetTarget();
        Assert.True(none.IsNull);
        none.Release();
        weak.Release();
    }

    [Fact]
    public void New_FromAThreadWithoutTheLock_ThrowsAndCreatesNothing()
    {
        using TestRuntime t = new(checkedMode: false);
        int before = t.Gc.GetCount().Count0;

        Exception? refused = OtherThread.Run(() => t.Runtime.New<Node>().Release());

        Assert.IsType<LockNotHeldException>(refused);
        Assert.Equal(before, t.Gc.GetCount().Count0);
    }
}
