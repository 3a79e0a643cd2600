using Reclaim.Tests.Support;

namespace Reclaim.Tests.Objects;

/// <summary><see cref="RcList{T}"/>: counts, <c>Py_CLEAR</c>/<c>Py_SETREF</c> order, misuse, and its traversal.</summary>
public sealed class RcListTests
{
    [Fact]
    public void AddAndRemoveAt_CountTheItemAndReleaseIt()
    {
        using TestRuntime t = new();
        RcList<Node> list = new();
        using Owned<Node> a = t.Node("a");
        using Owned<Node> b = t.Node("b");

        list.Add(a.Value);
        list.Add(b.Value);
        list.Add(a.Value);

        Assert.Equal(3, list.Count);
        Assert.Equal(3, a.Value.RefCount);
        Assert.Equal(2, b.Value.RefCount);
        Assert.Equal(["a", "b", "a"], list.Select(n => n.Name));

        list.RemoveAt(1);

        Assert.Equal(1, b.Value.RefCount);
        Assert.Equal(["a", "a"], list.Select(n => n.Name));
    }

    [Fact]
    public void AddOwnedAndTakeAt_TransferOwnershipWithoutCounting()
    {
        using TestRuntime t = new();
        RcList<Node> list = new(capacity: 1);
        Node node = t.Runtime.AdoptReference(new Node { Name = "owned" });

        list.AddOwned(node);
        Assert.Equal(1, node.RefCount);

        Node taken = list.TakeAt(0);
        Assert.Same(node, taken);
        Assert.Empty(list);
        Assert.Equal(1, node.RefCount);
        taken.Release();
        Assert.Equal(RcObjectState.Freed, node.State);
    }

    [Fact]
    public void Insert_PlacesTheItemAndShiftsTheRest()
    {
        using TestRuntime t = new();
        RcList<Node> list = new();
        using Owned<Node> a = t.Node("a");
        using Owned<Node> b = t.Node("b");
        using Owned<Node> c = t.Node("c");
        list.Add(a.Value);
        list.Add(c.Value);

        list.Insert(1, b.Value);
        list.Insert(3, a.Value);
        list.Insert(0, c.Value);

        Assert.Equal(["c", "a", "b", "c", "a"], list.Select(n => n.Name));
        Assert.Equal(3, a.Value.RefCount);
        list.Clear();
    }

    [Fact]
    public void Set_StoresTheNewItemBeforeTheOldOneIsReleased()
    {
        using TestRuntime t = new();
        RcList<Node> list = new();
        Node? seenInSlot = null;
        using Owned<Node> replacement = t.Node("new");
        using (Owned<Node> old = t.Node("old"))
        {
            list.Add(old.Value);
            old.Value.OnFreeAction = _ => seenInSlot = list[0];
        }

        list.Set(0, replacement.Value);

        Assert.Same(replacement.Value, seenInSlot);
        Assert.Equal(2, replacement.Value.RefCount);
    }

    [Fact]
    public void RemoveAt_ItemIsOutOfTheListWhenItsReleaseRuns()
    {
        using TestRuntime t = new();
        RcList<Node> list = new();
        int countSeen = -1;
        using Owned<Node> keep = t.Node("keep");
        using (Owned<Node> dying = t.Node("dying"))
        {
            list.Add(dying.Value);
            list.Add(keep.Value);
            dying.Value.OnFreeAction = _ => countSeen = list.Count;
        }

        list.RemoveAt(0);

        Assert.Equal(1, countSeen);
        Assert.Same(keep.Value, list[0]);
    }

    [Fact]
    public void Clear_ListIsEmptyWhenReleasesRun_ReleasesLastFirst_AndMayBeRefilledByThem()
    {
        using TestRuntime t = new();
        RcList<Node> list = new();
        List<string> freed = [];
        using Owned<Node> refill = t.Node("refill");
        for (int i = 0; i < 3; i++)
        {
            using Owned<Node> node = t.Node(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            list.Add(node.Value);
            node.Value.OnFreeAction = n =>
            {
                freed.Add($"{n.Name} (count {list.Count})");
                if (n.Name == "0")
                {
                    list.Add(refill.Value);
                }
            };
        }

        list.Clear();

        Assert.Equal(["2 (count 0)", "1 (count 0)", "0 (count 0)"], freed);
        Assert.Same(refill.Value, Assert.Single(list));
        Assert.Equal(2, refill.Value.RefCount);
        list.Clear();
        Assert.Equal(1, refill.Value.RefCount);
    }

    [Fact]
    public void Misuse_ThrowsSpecificExceptionsAndLeavesTheListAsItWas()
    {
        using TestRuntime t = new();
        RcList<Node> list = new();
        using Owned<Node> a = t.Node("a");
        list.Add(a.Value);
        Node freed;
        using (Owned<Node> doomed = t.Node("doomed"))
        {
            freed = doomed.Value;
        }

        Assert.Equal("index", Assert.Throws<ArgumentOutOfRangeException>(() => list[1]).ParamName);
        Assert.Equal("index", Assert.Throws<ArgumentOutOfRangeException>(() => list.RemoveAt(-1)).ParamName);
        Assert.Equal("index", Assert.Throws<ArgumentOutOfRangeException>(() => list.Set(1, a.Value)).ParamName);
        Assert.Equal("index", Assert.Throws<ArgumentOutOfRangeException>(() => list.TakeAt(1)).ParamName);
        ArgumentOutOfRangeException insert = Assert.Throws<ArgumentOutOfRangeException>(() => list.Insert(2, a.Value));
        Assert.Equal("index", insert.ParamName);
        Assert.Contains("between 0 and the list's count (1)", insert.Message, StringComparison.Ordinal);
        Assert.Equal("item", Assert.Throws<ArgumentNullException>(() => list.Add(null!)).ParamName);
        Assert.Equal("newReference", Assert.Throws<ArgumentNullException>(() => list.AddOwned(null!)).ParamName);
        Assert.Equal("item", Assert.Throws<ArgumentNullException>(() => list.Set(0, null!)).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new RcList<Node>(-1));
        HeapAssert.NamesTypeAndOperation(Assert.Throws<ObjectFreedException>(() => list.Add(freed)), nameof(Node), "AddRef");
        HeapAssert.NamesTypeAndOperation(Assert.Throws<ObjectNotAdoptedException>(() => list.Insert(0, new Node())), nameof(Node), "AddRef");

        Assert.Same(a.Value, Assert.Single(list));
        Assert.Equal(2, a.Value.RefCount);
        list.Clear();
    }

    [Fact]
    public void Enumerator_ListChangedDuringEnumeration_Throws()
    {
        using TestRuntime t = new();
        RcList<Node> list = new();
        using Owned<Node> a = t.Node("a");
        list.Add(a.Value);
        list.Add(a.Value);

        InvalidOperationException exception = Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (Node node in list)
            {
                list.RemoveAt(0);
            }
        });

        Assert.Contains("RcList changed during enumeration", exception.Message, StringComparison.Ordinal);
        list.Clear();
    }

    [Fact]
    public void Mutation_InsideTraverse_IsRefusedAndLeavesTheListAsItWas()
    {
        using TestRuntime t = new();
        RcList<Node> list = new();
        using Owned<Node> a = t.Node("a");
        list.Add(a.Value);
        using Owned<ImpureTraverseNode> impure = t.Runtime.New<ImpureTraverseNode>().ToOwned();
        impure.Value.DuringTraverse = () => list.RemoveAt(0);

        TraversalViolationException exception = Assert.Throws<TraversalViolationException>(() => t.Gc.GetReferents(impure.Value));

        HeapAssert.NamesTypeAndOperation(exception, nameof(Node), "Release");
        Assert.Same(a.Value, Assert.Single(list));
        Assert.Equal(2, a.Value.RefCount);
        impure.Value.DuringTraverse = null;
        list.Clear();
    }
}
