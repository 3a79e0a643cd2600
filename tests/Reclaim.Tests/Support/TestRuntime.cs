namespace Reclaim.Tests.Support;

/// <summary>Creates checked runtimes for tests and records what reaches the unraisable hook.</summary>
internal sealed class TestRuntime : IDisposable
{
    public TestRuntime(bool checkedMode = true, bool automaticCollection = false, DaemonThreadOutcome daemonThreads = DaemonThreadOutcome.Park)
    {
        Runtime = Runtime.Create(new RuntimeOptions { Checked = checkedMode, UnraisableHook = Unraisable.Add, DaemonThreads = daemonThreads });
        if (!automaticCollection)
        {
            Runtime.Gc.Disable();
        }
    }

    public Runtime Runtime { get; }

    public Gc Gc => Runtime.Gc;

    public List<UnraisableInfo> Unraisable { get; } = [];

    public Owned<Node> Node(string name = "") => Runtime.Adopt(new Node { Name = name }).ToOwned();

    /// <summary>Builds a ring of <paramref name="length"/> nodes and returns an owned reference to its first node.</summary>
    public Owned<Node> Ring(int length)
    {
        Owned<Node> first = Node("0");
        Node previous = first.Value;
        for (int i = 1; i < length; i++)
        {
            Node next = Runtime.AdoptReference(new Node { Name = i.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            previous.Next.SetOwned(next);
            previous = next;
        }

        previous.Next.Set(first.Value);
        return first;
    }

    /// <summary>
    /// A finalizable node whose only reference is its own (a self-cycle): garbage for the next collection, whose
    /// finalizer runs <paramref name="onFinalize"/>.
    /// </summary>
    public FinalizableNode FinalizableSelfCycle(Action<FinalizableNode>? onFinalize = null)
    {
        using Owned<FinalizableNode> owned = Runtime.New<FinalizableNode>().ToOwned();
        FinalizableNode node = owned.Value;
        node.Next.Set(node);
        node.OnFinalizeAction = onFinalize;
        return node;
    }

    public void Dispose() => Runtime.Dispose();
}
