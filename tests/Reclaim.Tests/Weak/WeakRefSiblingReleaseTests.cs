using Reclaim.Tests.Support;

namespace Reclaim.Tests.Weak;

/// <summary>
/// A weak reference and its referent released by the same <c>Clear</c> (docs/semantics.md §6): every reference the
/// dying object held is released before any of them dies, so when the referent dies its weak reference's count is
/// already zero and it does not call back, whichever slot comes first. (CPython deallocates each child as its slot is
/// released, so there the callback runs when the referent's slot comes first; the model-based suite encodes
/// Reclaim's rule.)
/// </summary>
public sealed class WeakRefSiblingReleaseTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Release_ParentHoldingReferentAndItsWeakRef_CallbackDoesNotRun(bool referentFirst)
    {
        using TestRuntime t = new();
        Owned<Node> parent = t.Node("parent");
        Node target = t.Runtime.Allocate<Node>();
        int calls = 0;
        WeakRef weak = t.Runtime.WeakRef(target, _ => calls++).Take();
        (referentFirst ? ref parent.Value.Next : ref parent.Value.Other).SetOwned(target);
        (referentFirst ? ref parent.Value.Other : ref parent.Value.Next).SetOwned(weak);

        parent.Dispose();

        Assert.Equal(0, calls);
        Assert.Equal(RcObjectState.Freed, target.State);
        Assert.Equal(RcObjectState.Freed, weak.State);
        HeapAssert.ConsistentAfterwards(t, expectedCollected: 0);
    }

    [Fact]
    public void Release_WeakRefHeldOneLevelDeeper_CallbackRunsBecauseItsHolderHasNotDiedYet()
    {
        using TestRuntime t = new();
        Owned<Node> parent = t.Node("parent");
        Node target = t.Runtime.Allocate<Node>();
        Node holder = t.Runtime.Allocate<Node>();
        int calls = 0;
        holder.Next.SetOwned(t.Runtime.WeakRef(target, _ => calls++).Take());
        parent.Value.Next.SetOwned(target);
        parent.Value.Other.SetOwned(holder);

        parent.Dispose();

        Assert.Equal(1, calls);
        Assert.Equal(RcObjectState.Freed, holder.State);
        HeapAssert.ConsistentAfterwards(t, expectedCollected: 0);
    }
}
