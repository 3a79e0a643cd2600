using Reclaim.Tests.Support;

namespace Reclaim.Tests.Collection;

/// <summary>
/// When allocations trigger collections, against CPython 3.11's <c>_PyObject_GC_Link</c> and
/// <c>gc_collect_generations</c> (checked with python3 and gc.callbacks).
/// </summary>
public sealed class AutomaticCollectionTests
{
    [Fact]
    public void Allocate_701stNetContainer_TriggersGeneration0Collection()
    {
        using TestRuntime t = new(automaticCollection: true);
        List<(GcCallbackPhase Phase, GcCallbackInfo Info)> calls = [];
        t.Gc.AddCallback((phase, info) => calls.Add((phase, info)));
        List<Owned<Node>> kept = [];
        for (int i = 0; i < 700; i++)
        {
            kept.Add(t.Node());
        }

        Assert.Empty(calls);
        Assert.Equal((700, 0, 0), t.Gc.GetCount());

        kept.Add(t.Node());

        // python3 with threshold 10: counts after each allocation run ... 9, 10, 0, 1 ...: the 11th allocation
        // collects generation 0 and is itself not counted.
        Assert.Equal([(GcCallbackPhase.Start, new GcCallbackInfo(0, 0, 0)), (GcCallbackPhase.Stop, new GcCallbackInfo(0, 0, 0))], calls);
        Assert.Equal((0, 1, 0), t.Gc.GetCount());
        Assert.Equal(700, t.Gc.GetObjects(1).Count);
        Assert.Same(kept[700].Value, Assert.Single(t.Gc.GetObjects(0)));
        kept.ForEach(o => o.Dispose());
    }

    [Fact]
    public void Allocate_NetCountStaysBelowThreshold_NeverCollects()
    {
        using TestRuntime t = new(automaticCollection: true);
        int collections = 0;
        t.Gc.AddCallback((phase, _) => collections += phase == GcCallbackPhase.Start ? 1 : 0);
        using Owned<Node> live = t.Node();
        for (int i = 0; i < 5000; i++)
        {
            using Owned<Node> temporary = t.Node();
            using Owned<Leaf> leaf = t.Runtime.New<Leaf>().ToOwned();
        }

        // Each container freed by reference counting takes its allocation back, as PyObject_GC_Del does.
        Assert.Equal(0, collections);
        Assert.Equal((1, 0, 0), t.Gc.GetCount());
    }

    [Fact]
    public void Allocate_ManyLeaves_NeverCollects()
    {
        using TestRuntime t = new(automaticCollection: true);
        int collections = 0;
        t.Gc.AddCallback((phase, _) => collections += phase == GcCallbackPhase.Start ? 1 : 0);
        List<Owned<Leaf>> leaves = [];
        for (int i = 0; i < 2000; i++)
        {
            leaves.Add(t.Runtime.New<Leaf>().ToOwned());
        }

        Assert.Equal(0, collections);
        Assert.Equal((0, 0, 0), t.Gc.GetCount());
        leaves.ForEach(o => o.Dispose());
    }

    [Fact]
    public void Allocate_WhileDisabled_NeverCollectsAndEnableResumesAtNextAllocation()
    {
        using TestRuntime t = new(automaticCollection: true);
        int collections = 0;
        t.Gc.AddCallback((phase, _) => collections += phase == GcCallbackPhase.Start ? 1 : 0);
        t.Gc.Disable();
        Assert.False(t.Gc.IsEnabled);
        List<Owned<Node>> kept = [];
        for (int i = 0; i < 2000; i++)
        {
            kept.Add(t.Node());
        }

        Assert.Equal(0, collections);
        Assert.Equal((2000, 0, 0), t.Gc.GetCount());

        // Explicit collection still works while disabled (gc.collect() does).
        t.Gc.Collect(0);
        Assert.Equal(1, collections);

        for (int i = 0; i < 800; i++)
        {
            kept.Add(t.Node());
        }

        Assert.Equal(1, collections);
        t.Gc.Enable();
        Assert.True(t.Gc.IsEnabled);
        kept.Add(t.Node());
        Assert.Equal(2, collections);
        Assert.Equal((0, 2, 0), t.Gc.GetCount());
        kept.ForEach(o => o.Dispose());
    }

    [Fact]
    public void Allocate_Threshold0IsZero_NeverCollects()
    {
        using TestRuntime t = new(automaticCollection: true);
        int collections = 0;
        t.Gc.AddCallback((phase, _) => collections += phase == GcCallbackPhase.Start ? 1 : 0);
        t.Gc.SetThreshold(0);
        List<Owned<Node>> kept = [];
        for (int i = 0; i < 2000; i++)
        {
            kept.Add(t.Node());
        }

        Assert.True(t.Gc.IsEnabled);
        Assert.Equal(0, collections);
        Assert.Equal((2000, 0, 0), t.Gc.GetCount());
        kept.ForEach(o => o.Dispose());
    }

    [Fact]
    public void Allocate_GarbageCycleAtThreshold_IsFreedByAutomaticCollection()
    {
        using TestRuntime t = new(automaticCollection: true);
        t.Gc.SetThreshold(10);
        Node cycleNode;
        using (Owned<Node> ring = t.Ring(3))
        {
            cycleNode = ring.Value;
        }

        List<Owned<Node>> kept = [];
        for (int i = 0; i < 7; i++)
        {
            kept.Add(t.Node());
        }

        Assert.Equal((10, 0, 0), t.Gc.GetCount());
        Assert.Equal(RcObjectState.Alive, cycleNode.State);
        kept.Add(t.Node());
        Assert.Equal(RcObjectState.Freed, cycleNode.State);
        Assert.Equal(1, t.Gc.GetStats()[0].Collections);
        Assert.Equal(3, t.Gc.GetStats()[0].Collected);
        kept.ForEach(o => o.Dispose());
    }

    [Fact]
    public void Allocate_Generation1_CollectedOnceItsCountExceedsThreshold1()
    {
        using TestRuntime t = new(automaticCollection: true);
        List<int> generations = [];
        t.Gc.AddCallback((phase, info) =>
        {
            if (phase == GcCallbackPhase.Start)
            {
                generations.Add(info.Generation);
            }
        });
        t.Gc.SetThreshold(10, 10, 10);
        List<Owned<Node>> kept = [];
        for (int i = 0; i < 12 * 11; i++)
        {
            kept.Add(t.Node());
        }

        // count1 must exceed threshold1: ten generation-0 collections are not enough, the eleventh makes
        // count1 = 11 and the twelfth trigger collects generation 1. python3 with thresholds (50, 10, 10) logs
        // [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0] from gc.callbacks.
        Assert.Equal([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], generations);
        Assert.Equal((0, 0, 1), t.Gc.GetCount());
        Assert.Equal(12 * 11, t.Gc.GetObjects(2).Count + t.Gc.GetObjects(0).Count);
        kept.ForEach(o => o.Dispose());
    }

    [Fact]
    public void Allocate_FullCollectionDue_SkippedUntilLongLivedPendingReachesQuarterOfTotal()
    {
        using TestRuntime t = new();
        List<Owned<Node>> longLived = [];
        for (int i = 0; i < 100; i++)
        {
            longLived.Add(t.Node());
        }

        t.Gc.Collect();
        Assert.Equal(100, t.Gc.GetObjects(2).Count);

        List<int> generations = [];
        List<int> triggers = [];
        List<Owned<Node>> kept = [];
        t.Gc.AddCallback((phase, info) =>
        {
            if (phase == GcCallbackPhase.Start)
            {
                generations.Add(info.Generation);
                triggers.Add(kept.Count + 1);
            }
        });
        t.Gc.SetThreshold(5, 0, 0);
        t.Gc.Enable();
        for (int i = 0; i < 42; i++)
        {
            kept.Add(t.Node());
        }

        // Every 6th allocation triggers. Generation 2 is due (count2 > 0) from the 3rd trigger on, but the 11, then
        // 23 objects that generation-1 collections moved to generation 2 stay below 100 / 4, so the full collection
        // is skipped (generation 0 or 1 is collected instead) until 35 are pending. python3 shows the same pattern
        // after a full collection left ~11000 objects: gens 0, 1, 0 (gen 2 skipped), 1, 2.
        Assert.Equal([6, 12, 18, 24, 30, 36, 42], triggers);
        Assert.Equal([0, 1, 0, 1, 0, 1, 2], generations);
        Assert.Equal(141, t.Gc.GetObjects(2).Count);
        Assert.Same(kept[41].Value, Assert.Single(t.Gc.GetObjects(0)));
        kept.ForEach(o => o.Dispose());
        longLived.ForEach(o => o.Dispose());
    }

    [Fact]
    public void Allocate_FullCollectionDueWithoutLongLivedObjects_IsTakenAtOnce()
    {
        using TestRuntime t = new();
        List<int> generations = [];
        t.Gc.AddCallback((phase, info) =>
        {
            if (phase == GcCallbackPhase.Start)
            {
                generations.Add(info.Generation);
            }
        });
        t.Gc.SetThreshold(5, 0, 0);
        t.Gc.Enable();
        List<Owned<Node>> kept = [];
        for (int i = 0; i < 18; i++)
        {
            kept.Add(t.Node());
        }

        // long_lived_total is 0, so pending < total / 4 never holds: generation 2 is collected as soon as it is due.
        Assert.Equal([0, 1, 2], generations);
        kept.ForEach(o => o.Dispose());
    }

    [Fact]
    public void Allocate_DuringCollection_NeverStartsANestedCollection()
    {
        using TestRuntime t = new(automaticCollection: true);
        t.Gc.SetThreshold(10);
        int starts = 0;
        int maxDepth = 0;
        int depth = 0;
        t.Gc.AddCallback((phase, _) =>
        {
            if (phase == GcCallbackPhase.Start)
            {
                starts++;
                maxDepth = Math.Max(maxDepth, ++depth);
            }
            else
            {
                depth--;
            }
        });
        List<Owned<Node>> kept = [];
        using (Owned<FinalizableNode> o = t.Runtime.New<FinalizableNode>().ToOwned())
        {
            o.Value.Next.Set(o.Value);
            o.Value.OnFinalizeAction = _ =>
            {
                for (int i = 0; i < 100; i++)
                {
                    kept.Add(t.Node());
                }
            };
        }

        t.Gc.Collect();
        Assert.Equal(1, starts);
        Assert.Equal(1, maxDepth);
        Assert.Equal((99, 0, 0), t.Gc.GetCount());

        // The count left over from the finalizer's allocations is over the threshold: the next allocation collects.
        kept.Add(t.Node());
        Assert.Equal(2, starts);
        kept.ForEach(o => o.Dispose());
    }
}
