using Reclaim.Tests.Support;

namespace Reclaim.Tests.Collection;

public sealed class CollectionDuringDeallocationTests
{
    [Fact]
    public void AutomaticCollection_TriggeredByFinalizerWhileSiblingDeathsAreQueued_NeverSeesDyingObjects()
    {
        using TestRuntime t = new(automaticCollection: true);
        t.Gc.SetThreshold(5);
        Owned<Holder> holder = t.Runtime.Adopt(new Holder(3)).ToOwned();
        List<FinalizableNode> children = [];
        int collectionsDuringFinalizers = 0;
        t.Gc.AddCallback((phase, _) =>
        {
            if (phase == GcCallbackPhase.Start && children.Any(c => c.FinalizeCount > 0 && c.State != RcObjectState.Freed))
            {
                collectionsDuringFinalizers++;
            }
        });

        for (int i = 0; i < 3; i++)
        {
            FinalizableNode child = t.Runtime.AdoptReference(new FinalizableNode());
            child.OnFinalizeAction = _ =>
            {
                // Allocate enough containers to pass threshold 0 while the other children wait to die.
                for (int k = 0; k < 20; k++)
                {
                    using Owned<Node> temporary = t.Node();
                }
            };
            holder.Value.Items[i].SetOwned(child);
            children.Add(child);
        }

        holder.Dispose();

        Assert.True(collectionsDuringFinalizers > 0, "the scenario must run a collection inside a finalizer");
        Assert.Empty(t.Unraisable);
        Assert.All(children, c =>
        {
            Assert.Equal(1, c.FinalizeCount);
            Assert.Equal(1, c.FreeCount);
            Assert.Equal(RcObjectState.Freed, c.State);
        });
        t.Gc.Collect();
        Assert.Empty(t.Gc.GetObjects());
    }

    [Fact]
    public void RefcountDeath_FinalizerResurrects_ObjectStaysTrackedAndIsCollectableLater()
    {
        using TestRuntime t = new();
        using Owned<Node> keeper = t.Node("keeper");
        FinalizableNode phoenix;
        using (Owned<FinalizableNode> owned = t.Runtime.New<FinalizableNode>().ToOwned())
        {
            phoenix = owned.Value;
            phoenix.OnFinalizeAction = self => keeper.Value.Next.Set(self);
        }

        Assert.Equal(RcObjectState.Finalized, phoenix.State);
        Assert.True(t.Gc.IsTracked(phoenix));
        Assert.Equal(1, phoenix.RefCount);

        phoenix.Next.Set(phoenix);
        keeper.Value.Next.Clear();
        CollectionResult result = t.Gc.Collect();

        Assert.Equal(1, result.Collected);
        Assert.Equal(1, phoenix.FinalizeCount);
        Assert.Equal(RcObjectState.Freed, phoenix.State);
    }
}
