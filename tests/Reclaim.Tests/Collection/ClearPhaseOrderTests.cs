using Reclaim.Tests.Support;

namespace Reclaim.Tests.Collection;

public sealed class ClearPhaseOrderTests
{
    [Fact]
    public void Collect_DeathsCausedByClearing_RunInTheOrderTheyHappen()
    {
        using TestRuntime t = new();
        List<string> freed = [];
        using (Owned<Holder> cycle = t.Runtime.Adopt(new Holder(4)))
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
}
