using Reclaim.Tests.Support;

namespace Reclaim.Tests.Collection;

public sealed class ClearPhaseOrderTests
{
    [Fact]
    public void Collect_DeathsCausedByClearing_RunInTheOrderTheyHappen()
    {
        using TestRuntime t = new();
        List<string> freed = [];
        using (Owned<Holder> cycle = t.Runtime.Adopt(new Holder(4)).ToOwned())
        {
            cycle.Value.Items[0].Set(cycle.Value);
            string[] names = ["first", "second", "third"];
            for (int i = 0; i < names.Length; i++)
            {
                using Owned<Node> child = t.Node(names[i]);
                child.Value.OnFreeAction = n => freed.Add(n.Name);
                cycle.Value.Items[i + 1].Set(child.Value);
            }
        }

        t.Gc.Collect();

        Assert.Equal(["first", "second", "third"], freed);
    }

    [Fact]
    public void Collect_RingMixingHookFreeAndHookedObjects_FreesEveryObjectAndRunsFreeHooksInTheOrderTheyDie()
    {
        // Holders have no free hook: when clearing drops them to zero they die on the spot. Nodes have one and
        // their deaths are queued; the children hanging off the holders die from the holders' clears.
        using TestRuntime t = new();
        List<string> freed = [];
        List<RcObject> all = [];
        using (Owned<Holder> h0 = t.Runtime.Adopt(new Holder(2)).ToOwned())
        using (Owned<Node> n1 = t.Node("n1"))
        using (Owned<Holder> h2 = t.Runtime.Adopt(new Holder(2)).ToOwned())
        using (Owned<Node> n3 = t.Node("n3"))
        using (Owned<Node> c0 = t.Node("c0"))
        using (Owned<Node> c2 = t.Node("c2"))
        {
            h0.Value.Items[0].Set(n1.Value);
            n1.Value.Next.Set(h2.Value);
            h2.Value.Items[0].Set(n3.Value);
            n3.Value.Next.Set(h0.Value);
            h0.Value.Items[1].Set(c0.Value);
            h2.Value.Items[1].Set(c2.Value);
            foreach (Node node in new[] { n1.Value, n3.Value, c0.Value, c2.Value })
            {
                node.OnFreeAction = n => freed.Add(n.Name);
            }

            all.AddRange([h0.Value, n1.Value, h2.Value, n3.Value, c0.Value, c2.Value]);
        }

        CollectionResult result = t.Gc.Collect();

        Assert.Equal(6, result.Collected);
        Assert.Equal(["n1", "c0", "n3", "c2"], freed);
        Assert.All(all, obj => Assert.Equal(RcObjectState.Freed, obj.State));
        Assert.All(all, obj => Assert.False(t.Gc.IsTracked(obj)));
        Assert.Equal(0, t.Gc.GetCount().Count0);
    }
}
