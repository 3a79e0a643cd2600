using Reclaim.Tests.Support;

namespace Reclaim.Tests.Reliability.Issue12;

/// <summary>
/// Issue 12, finding 6, fourth bullet: a store into a freed owner used to succeed and leak the value, and stores
/// across runtimes were accepted. A dead owner's fields and lists are closed; a store across runtimes is refused at
/// the store. In both cases every count stays as it was.
/// </summary>
public sealed class Finding6StoreRefusalTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Finding6_FieldSetOnAFreedOwner_IsRefusedAndLeaksNothing(bool checkedMode)
    {
        TestRuntime t = new(checkedMode);
        Node owner = t.Runtime.Allocate<Node>();
        owner.Release();
        Assert.Equal(RcObjectState.Freed, owner.State);
        using Owned<Node> value = t.Node("value");

        Assert.Throws<OwnerNotAliveException>(() => owner.Next.Set(value.Value));
        Assert.Throws<OwnerNotAliveException>(() => owner.Other.SetOwned(value.Value));
        owner.Next.Set(null);

        Assert.Equal(1, value.Value.RefCount);
        Assert.Null(owner.Next.Value);
        Assert.True(owner.Next.IsNull);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Finding6_FieldSetOnACollectedOwner_IsRefusedAndLeaksNothing(bool checkedMode)
    {
        TestRuntime t = new(checkedMode);
        Node a = t.Runtime.Allocate<Node>();
        Node b = t.Runtime.Allocate<Node>();
        a.Next.Set(b);
        b.Next.SetOwned(a);
        b.Release();
        Assert.Equal(2, t.Gc.Collect().Collected);
        Assert.Equal(RcObjectState.Freed, b.State);
        using Owned<Node> value = t.Node("value");

        Assert.Throws<OwnerNotAliveException>(() => b.Next.Set(value.Value));
        Assert.Throws<OwnerNotAliveException>(() => a.Other.Set(value.Value));
        Assert.Equal(1, value.Value.RefCount);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Finding6_ListAddOnAFreedOwner_IsRefusedAndLeaksNothing(bool checkedMode)
    {
        TestRuntime t = new(checkedMode);
        GeneratedNode owner = t.Runtime.Allocate<GeneratedNode>();
        RcList<RcObject> items = owner.Items;
        owner.Release();
        using Owned<Node> value = t.Node("value");

        Assert.Throws<OwnerNotAliveException>(() => items.Add(value.Value));
        Assert.Throws<OwnerNotAliveException>(() => items.Insert(0, value.Value));

        Assert.Equal(1, value.Value.RefCount);
        Assert.Empty(items);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Finding6_StoresAcrossRuntimes_AreRefusedAtTheStore(bool checkedMode)
    {
        TestRuntime first = new(checkedMode);
        TestRuntime second = new(checkedMode);
        Node owner = first.Runtime.Allocate<Node>();
        Node own = first.Runtime.Allocate<Node>();
        Node foreign = second.Runtime.Allocate<Node>();
        owner.Next.Set(own);
        GeneratedNode holder = first.Runtime.Allocate<GeneratedNode>();
        holder.Items.Add(own);

        Assert.Throws<WrongRuntimeException>(() => owner.Next.Set(foreign));
        Assert.Throws<WrongRuntimeException>(() => holder.Items.Add(foreign));

        Assert.Equal(1, foreign.RefCount);
        Assert.Same(own, owner.Next.Value);
        Assert.Single(holder.Items);
        owner.Release();
        holder.Release();
        own.Release();
        foreign.Release();
        Assert.Equal(0, first.Gc.Collect().Collected);
        Assert.Equal(RcObjectState.Freed, foreign.State);
    }
}
