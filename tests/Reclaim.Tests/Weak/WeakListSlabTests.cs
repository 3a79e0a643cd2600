using System.Runtime.CompilerServices;
using Reclaim.Tests.Support;

namespace Reclaim.Tests.Weak;

/// <summary>
/// The process-wide slab of weak-reference lists: a chunk whose slots are all free goes back to a pool and may serve
/// another runtime; a chunk an object still names never does. Other tests use the slab at the same time, so these
/// assert only what no other runtime can change: which runtime owns the chunks this test's objects name.
/// </summary>
public sealed class WeakListSlabTests
{
    private const int Chunk = WeakListSlab.ChunkSize;

    [Fact]
    public void EmptiedChunk_GoesToThePool_AndAChunkStillNamedStaysWithItsRuntime()
    {
        using Runtime first = Runtime.Create();
        (Node[] nodes, WeakRef[] weaks) = WithWeakRefs(first, 3 * Chunk);
        WeakListChunk emptied = ChunkOf(nodes[0]);
        WeakListChunk partlyUsed = ChunkOf(nodes[Chunk]);
        Assert.NotSame(emptied, partlyUsed);
        Assert.Equal(Chunk, Count(nodes, emptied));
        Assert.Equal(Chunk, Count(nodes, partlyUsed));

        // Every weak reference into the first chunk goes; all but one into the second.
        WeakListChunk? kept = null;
        for (int i = 0; i < nodes.Length; i++)
        {
            WeakListChunk chunk = ChunkOf(nodes[i]);
            if (chunk == emptied || (chunk == partlyUsed && kept is not null))
            {
                weaks[i].Release();
                weaks[i] = null!;
            }
            else if (chunk == partlyUsed)
            {
                kept = chunk;
            }
        }

        Assert.NotEqual(first._index, emptied.RuntimeIndex);
        Assert.Equal(first._index, partlyUsed.RuntimeIndex);
        Assert.Equal(Chunk - 1, partlyUsed.FreeCount);

        // A second runtime takes chunks from the pool (perhaps the emptied one), never the one an object still names.
        using Runtime second = Runtime.Create();
        (Node[] others, WeakRef[] otherWeaks) = WithWeakRefs(second, 2 * Chunk);
        foreach (Node other in others)
        {
            WeakListChunk chunk = ChunkOf(other);
            Assert.NotSame(partlyUsed, chunk);
            Assert.Equal(second._index, chunk.RuntimeIndex);
            Assert.Same(second, other.OwnerRuntime);
        }

        foreach (Node node in nodes)
        {
            Assert.Same(first, node.OwnerRuntime);
        }

        ReleaseAll(others, otherWeaks);
        ReleaseAll(nodes, weaks);
    }

    [Fact]
    public void StaleOwnerWord_ChunkMovedToAnotherRuntime_StillFindsTheObjectsRuntime()
    {
        using Runtime first = Runtime.Create();
        (Node[] nodes, WeakRef[] weaks) = WithWeakRefs(first, 2 * Chunk);
        Node node = nodes[0];
        int staleWord = node._owner;
        WeakListChunk chunk = ChunkOf(node);
        for (int i = 0; i < nodes.Length; i++)
        {
            if (ChunkOf(nodes[i]) == chunk)
            {
                weaks[i].Release();
                weaks[i] = null!;
            }
        }

        // The chunk went to the pool; a second runtime may take it. A thread that read the word before the object
        // lost its weak references must still get the object's own runtime.
        using Runtime second = Runtime.Create();
        (Node[] others, WeakRef[] otherWeaks) = WithWeakRefs(second, 4 * Chunk);

        Assert.NotEqual(first._index, chunk.RuntimeIndex);
        Assert.Equal(first._index, WeakListSlab.RuntimeIndexOf(node, staleWord));
        Assert.Same(first, node.OwnerRuntime);
        ReleaseAll(others, otherWeaks);
        ReleaseAll(nodes, weaks);
    }

    [Fact]
    public void CollectedRuntime_ItsEmptyChunks_AreNotKeptForIt()
    {
        Exception? failure = OtherThread.Run(() =>
        {
            WeakReference<Runtime> abandoned = AbandonRuntimeWithEmptiedChunks(out WeakListChunk[] chunks, out int index);
            using Runtime next = Runtime.Create();
            Assert.True(DotNetGc.Collected(abandoned), "The abandoned runtime is still alive.");
            foreach (WeakListChunk chunk in chunks)
            {
                Assert.NotEqual(index, chunk.RuntimeIndex);
            }
        });

        Assert.Null(failure);
    }

    /// <summary>A runtime whose objects all had weak references, all gone again; left undisposed and unreferenced.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference<Runtime> AbandonRuntimeWithEmptiedChunks(out WeakListChunk[] chunks, out int index)
    {
        Runtime runtime = Runtime.Create();
        (Node[] nodes, WeakRef[] weaks) = WithWeakRefs(runtime, 3 * Chunk);
        chunks = [.. nodes.Select(ChunkOf).Distinct()];
        foreach (WeakRef weak in weaks)
        {
            weak.Release();
        }

        // The current chunk stays with the runtime even when empty.
        Assert.Contains(chunks, chunk => chunk.RuntimeIndex == runtime._index);
        index = runtime._index;
        GC.KeepAlive(nodes);
        return new WeakReference<Runtime>(runtime);
    }

    private static (Node[] Nodes, WeakRef[] Weaks) WithWeakRefs(Runtime runtime, int count)
    {
        Node[] nodes = new Node[count];
        WeakRef[] weaks = new WeakRef[count];
        for (int i = 0; i < count; i++)
        {
            nodes[i] = runtime.Allocate<Node>();
            weaks[i] = runtime.WeakRef(nodes[i]).Take();
        }

        return (nodes, weaks);
    }

    private static void ReleaseAll(Node[] nodes, WeakRef[] weaks)
    {
        foreach (WeakRef weak in weaks)
        {
            weak?.Release();
        }

        foreach (Node node in nodes)
        {
            node.Release();
        }
    }

    private static WeakListChunk ChunkOf(RcObject obj)
    {
        Assert.NotEqual(0, obj._owner & OwnerWord.Weak);
        return WeakListSlab.ChunkOf(obj._owner & OwnerWord.IndexMask)!;
    }

    private static int Count(Node[] nodes, WeakListChunk chunk) => nodes.Count(node => ChunkOf(node) == chunk);
}
