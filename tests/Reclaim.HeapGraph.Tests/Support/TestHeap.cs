using System.Globalization;

namespace Reclaim.HeapGraph.Tests.Support;

/// <summary>A checked runtime with automatic collection off, and helpers that build named nodes in it.</summary>
internal sealed class TestHeap : IDisposable
{
    public TestHeap()
    {
        Runtime = Runtime.Create(new RuntimeOptions { Checked = true });
        Runtime.Gc.Disable();
    }

    /// <summary>Labels nodes by name and weak references as "weak".</summary>
    public static HeapSnapshotOptions Labels { get; } = new() { Describe = o => o is WeakRef ? "weak" : (o as Node)?.Name };

    public Runtime Runtime { get; }

    public Owned<Node> Node(string name = "") => Runtime.Adopt(new Node { Name = name }).ToOwned();

    /// <summary>A new node held by <paramref name="holder"/>'s field; returns it borrowed.</summary>
    public Node Link(Node holder, string name)
    {
        NewRef<Node> node = Runtime.Adopt(new Node { Name = name });
        Node borrowed = node.Value;
        holder.Next.Set(node);
        return borrowed;
    }

    /// <summary>A ring of <paramref name="length"/> nodes; the returned handle holds its first node.</summary>
    public Owned<Node> Ring(int length)
    {
        Owned<Node> first = Node("0");
        Node previous = first.Value;
        for (int i = 1; i < length; i++)
        {
            previous = Link(previous, i.ToString(CultureInfo.InvariantCulture));
        }

        previous.Next.Set(first.Value);
        return first;
    }

    public HeapSnapshot Snapshot() => HeapSnapshot.Take(Runtime, Labels);

    public void Dispose() => Runtime.Dispose();
}
