namespace Reclaim.Tests.Support;

/// <summary>Builds objects in the states that validation tests need.</summary>
internal static class LifetimeStates
{
    /// <summary>A node that was freed; the returned reference is only good for provoking use-after-free errors.</summary>
    public static Node FreedNode(TestRuntime t)
    {
        Owned<Node> owned = t.Node("freed");
        Node node = owned.Value;
        owned.Dispose();
        return node;
    }

    /// <summary>
    /// A node the collector cleared as cyclic garbage but that stays allocated, because its cycle-mate's broken
    /// <c>Clear</c> never releases it.
    /// </summary>
    public static Node ClearedNode(TestRuntime t)
    {
        Node node = t.Runtime.AdoptReference(new Node { Name = "cleared" });
        StubbornNode stubborn = t.Runtime.AdoptReference(new StubbornNode());
        node.Next.SetOwned(stubborn);
        stubborn.Next.Set(node);
        node.Release();
        t.Gc.Collect();
        return node;
    }
}
