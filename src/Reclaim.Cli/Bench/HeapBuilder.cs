namespace Reclaim.Cli.Bench;

/// <summary>Builds the benchmark heaps: rings of ten nodes and long chains, with the same links as the CPython side.</summary>
public static class HeapBuilder
{
    /// <summary>Nodes per ring, in every shape built of rings.</summary>
    public const int RingSize = 10;

    /// <summary>A runtime whose automatic collections are off: building a benchmark heap is not what is measured.</summary>
    /// <returns>The runtime.</returns>
    public static Runtime NewRuntime()
    {
        Runtime runtime = Runtime.Create();
        runtime.Gc.Disable();
        return runtime;
    }

    /// <summary>
    /// Builds <paramref name="objects"/> / <see cref="RingSize"/> rings. Each ring's first node is returned with one
    /// reference owned by the caller (the ring's only outside reference): keep it and the ring is live, release it
    /// and the ring is cyclic garbage.
    /// </summary>
    /// <typeparam name="T">The node type.</typeparam>
    /// <param name="runtime">The runtime that owns the nodes.</param>
    /// <param name="objects">How many nodes in all; a multiple of <see cref="RingSize"/>.</param>
    /// <returns>The ring heads, owned by the caller.</returns>
    public static LinkedNode[] BuildRings<T>(Runtime runtime, int objects) where T : LinkedNode, new()
    {
        LinkedNode[] heads = new LinkedNode[objects / RingSize];
        for (int ring = 0; ring < heads.Length; ring++)
        {
            T first = runtime.Allocate<T>();
            LinkedNode previous = first;
            for (int i = 1; i < RingSize; i++)
            {
                T node = runtime.Allocate<T>();
                previous.Next.SetOwned(node);
                previous = node;
            }

            previous.Next.Set(first);
            heads[ring] = first;
        }

        return heads;
    }

    /// <summary>Builds a chain of <paramref name="objects"/> nodes, each holding the next; returns its head, owned by the caller.</summary>
    /// <param name="runtime">The runtime that owns the nodes.</param>
    /// <param name="objects">The chain's length.</param>
    /// <returns>The head: releasing it frees the whole chain.</returns>
    public static BenchNode BuildChain(Runtime runtime, int objects)
    {
        BenchNode head = runtime.Allocate<BenchNode>();
        LinkedNode node = head;
        for (int i = 1; i < objects; i++)
        {
            BenchNode next = runtime.Allocate<BenchNode>();
            node.Next.SetOwned(next);
            node = next;
        }

        return head;
    }

    /// <summary>Releases every head, turning the rings into cyclic garbage.</summary>
    /// <param name="heads">Heads from <see cref="BuildRings{T}"/>.</param>
    public static void ReleaseAll(LinkedNode[] heads)
    {
        foreach (LinkedNode head in heads)
        {
            head.Release();
        }
    }

    /// <summary>How many objects a shape uses at <paramref name="scale"/>: a multiple of the ring size, at least one ring.</summary>
    /// <param name="published">The count in the published (scale 1) run.</param>
    /// <param name="scale">The run's scale.</param>
    /// <returns>The object count.</returns>
    public static int Count(int published, double scale)
    {
        int objects = Math.Max(RingSize, (int)(published * scale));
        return objects - (objects % RingSize);
    }
}
