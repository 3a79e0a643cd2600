using Reclaim.Tests.Support;

namespace Reclaim.Tests.Diagnostics;

/// <summary>What a heap snapshot records, and that taking one leaves the heap exactly as it was.</summary>
public sealed class HeapSnapshotTests
{
    [Fact]
    public void Take_SmallHeap_RecordsEveryTrackedObjectWithItsHeaderAndEdges()
    {
        using TestRuntime t = new();
        using Owned<Node> a = t.Node("a");
        using Owned<Node> b = t.Node("b");
        using Owned<Leaf> leaf = t.Runtime.New<Leaf>().ToOwned();
        a.Value.Next.Set(b.Value);
        a.Value.Other.Set(leaf.Value);
        b.Value.Next.Set(a.Value);
        t.Gc.Collect(0);
        using Owned<FinalizableNode> young = t.Runtime.New<FinalizableNode>().ToOwned();

        HeapSnapshot snapshot = HeapSnapshot.Take(t.Runtime);

        Assert.Equal(4, snapshot.Count);
        SnapshotObject youngEntry = Entry(snapshot, young.Value);
        Assert.Equal(SnapshotGeneration.Generation0, youngEntry.Generation);
        Assert.Equal(typeof(FinalizableNode), youngEntry.Type);
        Assert.Equal(FinalizerStatus.Pending, youngEntry.Finalizer);
        SnapshotObject aEntry = Entry(snapshot, a.Value);
        Assert.Equal(SnapshotGeneration.Generation1, aEntry.Generation);
        Assert.Equal(2, aEntry.RefCount);
        Assert.Equal(1, aEntry.ExternalReferences);
        Assert.Equal(RcObjectState.Alive, aEntry.State);
        Assert.Equal(FinalizerStatus.None, aEntry.Finalizer);
        SnapshotObject leafEntry = Entry(snapshot, leaf.Value);
        Assert.Equal(SnapshotGeneration.Untracked, leafEntry.Generation);
        Assert.False(leafEntry.IsTracked);
        Assert.Equal(2, leafEntry.RefCount);
        Assert.Equal(1, leafEntry.ExternalReferences);

        Assert.Equal(
            [(aEntry.Id, Entry(snapshot, b.Value).Id), (aEntry.Id, leafEntry.Id)],
            snapshot.GetReferences(aEntry.Id).Select(e => (e.From, e.To)));
        Assert.Equal(3, snapshot.StrongEdgeCount);
        Assert.Equal(snapshot.StrongEdgeCount, snapshot.GetEdges().Count);
        Assert.Empty(snapshot.GetReferences(leafEntry.Id));
    }

    [Fact]
    public void Take_MatchesGcView_SameObjectsAndReferents()
    {
        using TestRuntime t = new(checkedMode: false);
        using Owned<Node> ring = t.Ring(7);
        using Owned<Holder> holder = t.Runtime.New<Holder>().ToOwned();
        holder.Value.Items[0].Set(ring.Value);
        holder.Value.Items[2].Set(ring.Value);
        t.Gc.Collect(1);

        HeapSnapshot snapshot = HeapSnapshot.Take(t.Runtime);

        IReadOnlyList<RcObject> tracked = t.Gc.GetObjects();
        Assert.Equal(tracked.Count, snapshot.Objects.Count(o => o.IsTracked));
        foreach (RcObject obj in tracked)
        {
            SnapshotObject entry = Entry(snapshot, obj);
            Assert.Equal(obj.RefCount, entry.RefCount);
            Assert.Equal(obj.State, entry.State);
            Assert.Equal(obj.GetType(), entry.Type);
            int[] expected = [.. t.Gc.GetReferents(obj).Select(r => Entry(snapshot, r).Id)];
            Assert.Equal(expected, snapshot.GetReferences(entry.Id).Select(e => e.To));
        }
    }

    [Fact]
    public void Take_ChangesNoCountListOrState()
    {
        using TestRuntime t = new();
        using Owned<Node> ring = t.Ring(5);
        using Owned<WeakRef> weak = t.Runtime.WeakRef(ring.Value).ToOwned();
        t.Gc.Collect(0);
        using Owned<Node> young = t.Node("young");
        FinalizableNode garbage = t.FinalizableSelfCycle();
        List<RcObject> objects = [.. t.Gc.GetObjects()];
        var before = objects.Select(o => (o.RefCount, o.State, t.Gc.IsTracked(o), t.Gc.IsFinalized(o), Generation(t.Gc, o))).ToList();
        var counts = t.Gc.GetCount();

        HeapSnapshot snapshot = HeapSnapshot.Take(t.Runtime, new HeapSnapshotOptions { Describe = o => (o as Node)?.Name });

        Assert.Equal(before, objects.Select(o => (o.RefCount, o.State, t.Gc.IsTracked(o), t.Gc.IsFinalized(o), Generation(t.Gc, o))));
        Assert.Equal(counts, t.Gc.GetCount());
        Assert.Equal(0, garbage.FinalizeCount);
        Assert.Empty(t.Unraisable);
        Assert.Equal(objects.Count, snapshot.Count);

        // The heap is still intact for the collector: the self-cycle is found and freed as usual.
        Assert.Equal(1, t.Gc.Collect().Collected);
    }

    [Fact]
    public void Take_WeakReference_RecordsWeakEdgeAndCount()
    {
        using TestRuntime t = new();
        using Owned<Node> target = t.Node("target");
        using Owned<WeakRef> first = t.Runtime.WeakRef(target.Value, callback: _ => { }).ToOwned();
        using Owned<WeakRef> second = t.Runtime.WeakRef(target.Value, callback: _ => { }).ToOwned();

        HeapSnapshot snapshot = HeapSnapshot.Take(t.Runtime);

        SnapshotObject targetEntry = Entry(snapshot, target.Value);
        Assert.Equal(2, targetEntry.WeakReferenceCount);
        Assert.Equal(2, snapshot.WeakEdgeCount);
        SnapshotEdge weakEdge = Assert.Single(snapshot.GetReferences(Entry(snapshot, first.Value).Id), e => e.Kind == SnapshotEdgeKind.Weak);
        Assert.Equal(targetEntry.Id, weakEdge.To);
        Assert.Equal(1, targetEntry.ExternalReferences);
    }

    [Fact]
    public void Take_FrozenAndGarbageListObjects_AreRootsAndKeptGarbageRespectively()
    {
        using TestRuntime t = new();
        using Owned<Node> frozen = t.Node("frozen");
        frozen.Value.Next.Set(frozen.Value);
        t.Gc.Freeze();
        t.Gc.Debug = GcDebugFlags.SaveAll;
        using (Owned<Node> saved = t.Node("saved"))
        {
            saved.Value.Next.Set(saved.Value);
        }

        t.Gc.Collect();

        HeapSnapshot snapshot = HeapSnapshot.Take(t.Runtime);

        SnapshotObject frozenEntry = Entry(snapshot, frozen.Value);
        Assert.Equal(SnapshotGeneration.Permanent, frozenEntry.Generation);
        Assert.True(frozenEntry.IsRoot);
        SnapshotObject savedEntry = Entry(snapshot, t.Gc.Garbage[0]);
        Assert.Equal(1, savedEntry.GarbageListEntries);
        Assert.Equal(0, savedEntry.ExternalReferences);
        Assert.False(savedEntry.IsRoot);
        Assert.Equal(SnapshotCondition.Garbage, savedEntry.Condition);
        t.Gc.ClearGarbage();
    }

    [Fact]
    public void Take_Conditions_FollowStateAndReachability()
    {
        using TestRuntime t = new();
        using Owned<Node> alive = t.Node("alive");
        FinalizableNode resurrected = t.FinalizableSelfCycle();
        Owned<FinalizableNode>? keeper = null;
        resurrected.OnFinalizeAction = node =>
        {
            node.AddRef();
            keeper = new Owned<FinalizableNode>(node);
        };
        t.Gc.Collect();
        FinalizableNode finalizedGarbage = t.FinalizableSelfCycle();
        finalizedGarbage.OnFinalizeAction = node => { node.AddRef(); };
        t.Gc.Collect();
        finalizedGarbage.Release();
        using (Owned<Node> garbage = t.Node("garbage"))
        {
            garbage.Value.Next.Set(garbage.Value);
        }

        HeapSnapshot snapshot = HeapSnapshot.Take(t.Runtime, new HeapSnapshotOptions { Describe = o => (o as Node)?.Name });

        Assert.Equal(SnapshotCondition.Alive, Entry(snapshot, alive.Value).Condition);
        Assert.Equal(SnapshotCondition.Resurrected, Entry(snapshot, resurrected).Condition);
        Assert.Equal(SnapshotCondition.Finalized, Entry(snapshot, finalizedGarbage).Condition);
        Assert.Equal(FinalizerStatus.Ran, Entry(snapshot, finalizedGarbage).Finalizer);
        SnapshotObject garbageEntry = Assert.Single(snapshot.Objects, o => o.Label == "garbage");
        Assert.Equal(SnapshotCondition.Garbage, garbageEntry.Condition);
        keeper!.Dispose();
    }

    [Fact]
    public void Take_UncollectableCycle_ClearedAndHeldByTheGarbageList()
    {
        using TestRuntime t = new();
        UncollectableCycle cycle = new(t);
        StubbornNode a = cycle.A;

        t.Gc.Collect();
        HeapSnapshot snapshot = HeapSnapshot.Take(t.Runtime);

        SnapshotObject entry = Entry(snapshot, a);
        Assert.Equal(SnapshotCondition.Cleared, entry.Condition);
        Assert.Equal(RcObjectState.Cleared, entry.State);
        Assert.Equal(1, entry.GarbageListEntries);
        Assert.False(snapshot.WhyAlive(a).IsReachableFromRoot);
        Assert.Equal(2, snapshot.WhyAlive(a).Cycle.Count);
        Assert.Contains("Gc.Garbage keeps", snapshot.WhyAlive(a).ToString(), StringComparison.Ordinal);
        cycle.Break(t.Gc);
    }

    [Fact]
    public void Take_DescribeLabelsObjects()
    {
        using TestRuntime t = new();
        using Owned<Node> a = t.Node("first");
        using Owned<Holder> holder = t.Runtime.New<Holder>().ToOwned();

        HeapSnapshot snapshot = HeapSnapshot.Take(t.Runtime, new HeapSnapshotOptions { Describe = o => (o as Node)?.Name });

        Assert.Equal("first", Entry(snapshot, a.Value).Label);
        Assert.Equal("first", Entry(snapshot, a.Value).DisplayName);
        SnapshotObject holderEntry = Entry(snapshot, holder.Value);
        Assert.Null(holderEntry.Label);
        Assert.Equal($"Holder#{holderEntry.Id}", holderEntry.DisplayName);
    }

    [Fact]
    public void Take_DescribeChangesACount_ThrowsTraversalViolationAndChangesNothing()
    {
        using TestRuntime t = new();
        using Owned<Node> a = t.Node("a");

        Assert.Throws<TraversalViolationException>(() => HeapSnapshot.Take(t.Runtime, new HeapSnapshotOptions
        {
            Describe = o =>
            {
                o.AddRef();
                return null;
            },
        }));

        Assert.Equal(1, a.Value.RefCount);
        Assert.False(t.Runtime.IsTraversing);
    }

    [Fact]
    public void Take_FromAFinalizerDuringCollection_ThrowsCollectionInProgress()
    {
        using TestRuntime t = new();
        Exception? thrown = null;
        t.FinalizableSelfCycle(_ => thrown = Record.Exception(() => HeapSnapshot.Take(t.Runtime)));

        t.Gc.Collect();

        CollectionInProgressException exception = Assert.IsType<CollectionInProgressException>(thrown);
        Assert.Contains("HeapSnapshot.Take", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Take_FromTraversal_ThrowsTraversalViolation()
    {
        using TestRuntime t = new();
        using Owned<ImpureTraverseNode> node = t.Runtime.New<ImpureTraverseNode>().ToOwned();
        node.Value.DuringTraverse = () => HeapSnapshot.Take(t.Runtime);

        Assert.Throws<TraversalViolationException>(() => t.Gc.GetReferents(node.Value));
        Assert.IsType<TraversalViolationException>(Assert.Single(node.Value.Thrown));
    }

    [Fact]
    public void Take_AfterShutdown_ThrowsRuntimeFinalized()
    {
        Runtime runtime = Runtime.Create();
        runtime.Dispose();

        Assert.Throws<RuntimeShutDownException>(() => HeapSnapshot.Take(runtime));
    }

    [Fact]
    public void Indexer_BadId_ThrowsNamingTheRange()
    {
        using TestRuntime t = new();
        using Owned<Node> a = t.Node();
        HeapSnapshot snapshot = HeapSnapshot.Take(t.Runtime);

        ArgumentOutOfRangeException exception = Assert.Throws<ArgumentOutOfRangeException>(() => snapshot[1]);
        Assert.Contains("0 to 0", exception.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => snapshot.GetReferences(-1));
    }

    [Fact]
    public void Take_ObjectOfAnotherRuntimeReferenced_RecordedAsUntrackedAndExternal()
    {
        using TestRuntime t = new(checkedMode: false);
        using TestRuntime other = new(checkedMode: false);
        using Owned<Node> foreign = other.Node("foreign");
        using Owned<Node> local = t.Node("local");
        local.Value.Next.Set(foreign.Value);

        HeapSnapshot snapshot = HeapSnapshot.Take(t.Runtime);

        Assert.Equal(2, snapshot.Count);
        Assert.Equal(SnapshotGeneration.Untracked, Entry(snapshot, foreign.Value).Generation);
    }

    internal static SnapshotObject Entry(HeapSnapshot snapshot, RcObject obj)
    {
        Assert.True(snapshot.TryGetId(obj, out int id), $"the snapshot should hold {obj}");
        return snapshot[id];
    }

    private static int Generation(Gc gc, RcObject obj)
    {
        for (int g = 0; g < Gc.GenerationCount; g++)
        {
            if (gc.GetObjects(g).Contains(obj))
            {
                return g;
            }
        }

        return -1;
    }
}
