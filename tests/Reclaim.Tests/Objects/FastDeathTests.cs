using Reclaim.Tests.Support;

namespace Reclaim.Tests.Objects;

/// <summary>
/// The common death (<c>Runtime.DieOnFastPath</c>): an unchecked runtime's lock holder releases the last reference to
/// a container with no finalizer, weak references or free hook. It must keep every promise of the general path: the
/// fields are closed, a failing clear is reported and the runtime goes on, released children die in release order,
/// and a chain of any length dies in one frame.
/// </summary>
public sealed class FastDeathTests
{
    [Fact]
    public void Release_FreesTheContainerAndItsChild_AndClosesBothFields()
    {
        using TestRuntime t = new(checkedMode: false);
        PlainLink link = t.Runtime.Allocate<PlainLink>();
        RecordingLeaf child = t.Runtime.AdoptReference(new RecordingLeaf("child", []));
        link.Next.SetOwned(child);
        using Owned<Leaf> other = t.Runtime.New<Leaf>().ToOwned();

        link.Release();

        Assert.Equal(RcObjectState.Freed, link.State);
        Assert.Equal(RcObjectState.Freed, child.State);
        Assert.Throws<OwnerNotAliveException>(() => link.Next.Set(other.Value));
        Assert.Throws<OwnerNotAliveException>(() => link.Other.Set(other.Value));
        Assert.Equal(1, other.Value.RefCount);
        Assert.Empty(t.Unraisable);
    }

    [Fact]
    public void Release_WhenTheClearThrows_ReportsIt_AndLaterDeathsStillHappenAtOnce()
    {
        using TestRuntime t = new(checkedMode: false);
        List<string> freed = [];
        PlainLink failing = t.Runtime.Allocate<PlainLink>();
        failing.Next.SetOwned(t.Runtime.AdoptReference(new RecordingLeaf("first", freed)));
        failing.FailAfterFirstField = true;

        failing.Release();

        UnraisableInfo report = Assert.Single(t.Unraisable);
        Assert.Equal(UnraisablePhase.Clear, report.Phase);
        Assert.IsType<InvalidOperationException>(report.Exception);
        Assert.Equal(RcObjectState.Freed, failing.State);
        Assert.Equal(["first"], freed);

        // The failed clear left no death in progress: the next release frees its child before it returns.
        PlainLink next = t.Runtime.Allocate<PlainLink>();
        next.Next.SetOwned(t.Runtime.AdoptReference(new RecordingLeaf("second", freed)));
        next.Release();
        Assert.Equal(["first", "second"], freed);
    }

    [Fact]
    public void Release_FreesReleasedChildrenInTheOrderTheClearReleasedThem()
    {
        using TestRuntime t = new(checkedMode: false);
        List<string> freed = [];
        PlainLink parent = t.Runtime.Allocate<PlainLink>();
        PlainLink middle = t.Runtime.Allocate<PlainLink>();
        middle.Next.SetOwned(t.Runtime.AdoptReference(new RecordingLeaf("grandchild", freed)));
        parent.Next.SetOwned(middle);
        parent.Other.SetOwned(t.Runtime.AdoptReference(new RecordingLeaf("second child", freed)));

        parent.Release();

        // Depth first, as CPython's recursive deallocation: the first field's subtree, then the second field.
        Assert.Equal(["grandchild", "second child"], freed);
        Assert.Equal(RcObjectState.Freed, middle.State);
    }

    [Fact]
    public void Release_OfTheHeadOfAMillionLongChain_FreesEveryLink()
    {
        using TestRuntime t = new(checkedMode: false);
        int count = t.Runtime.Gc.GetCount().Count0;
        PlainLink head = t.Runtime.Allocate<PlainLink>();
        PlainLink tail = head;
        for (int i = 1; i < 1_000_000; i++)
        {
            PlainLink next = t.Runtime.Allocate<PlainLink>();
            tail.Next.SetOwned(next);
            tail = next;
        }

        head.Release();

        Assert.Equal(RcObjectState.Freed, tail.State);
        Assert.Equal(count, t.Runtime.Gc.GetCount().Count0);
    }

    [Fact]
    public void Release_OfATrackedContainer_LeavesGenerationZeroAsItWas()
    {
        using TestRuntime t = new(checkedMode: false);
        int tracked = t.Runtime.Gc.GetObjects(0).Count;
        int count = t.Runtime.Gc.GetCount().Count0;

        PlainLink link = t.Runtime.Allocate<PlainLink>();
        Assert.True(t.Runtime.Gc.IsTracked(link));
        link.Release();

        Assert.False(t.Runtime.Gc.IsTracked(link));
        Assert.Equal(tracked, t.Runtime.Gc.GetObjects(0).Count);
        Assert.Equal(count, t.Runtime.Gc.GetCount().Count0);
    }

    /// <summary>A container with no finalizer, weak references or free hook: its deaths take the fast path.</summary>
    private sealed class PlainLink : RcObject
    {
        public RcField<RcObject> Next;
        public RcField<RcObject> Other;

        public bool FailAfterFirstField { get; set; }

        protected internal override void TraverseReferences(ref Visitor visitor)
        {
            visitor.Visit(Next);
            visitor.Visit(Other);
        }

        protected internal override void ClearReferences()
        {
            Next.Clear();
            if (FailAfterFirstField)
            {
                throw new InvalidOperationException("clear failed after its first field");
            }

            Other.Clear();
        }
    }

    /// <summary>A leaf that records its name when freed.</summary>
    private sealed class RecordingLeaf(string name, List<string> freed) : RcObject
    {
        protected internal override void OnFree() => freed.Add(name);
    }
}
