using System.Diagnostics;

namespace Reclaim.Cli.Bench;

/// <summary>
/// The Reclaim side of every benchmark shape. Each method builds its heap in a fresh runtime, times only the
/// operation being compared, checks that the operation did what the shape says, and returns its figures by key.
/// </summary>
/// <remarks>
/// The runtimes are dropped, not disposed: disposing would run one more full collection over a heap that .NET
/// reclaims as a whole anyway, and nothing in these heaps holds a native resource.
/// </remarks>
public static class ReclaimShapes
{
    /// <summary>Figure key: nanoseconds per object.</summary>
    public const string NsPerObject = "ns_per_object";

    /// <summary>Figure key (shape 3): nanoseconds per plain .NET allocation of <see cref="PlainNode"/>.</summary>
    public const string DotNetNsPerObject = "dotnet_ns_per_object";

    /// <summary>Figure key (shape 4): generation-0 pause beside the smaller old generation, in milliseconds.</summary>
    public const string PauseSmallOldMs = "pause_ms_small_old";

    /// <summary>Figure key (shape 4): generation-0 pause beside the larger old generation, in milliseconds.</summary>
    public const string PauseLargeOldMs = "pause_ms_large_old";

    /// <summary>Figure key (shape 8): nanoseconds per AddRef/Release pair.</summary>
    public const string NsPerPair = "ns_per_pair";

    /// <summary>Figure key (shape 9): bytes per object.</summary>
    public const string BytesPerObject = "bytes_per_object";

    private const int PauseSamples = 21;

    /// <summary>Runs one shape once.</summary>
    /// <param name="shape">1 to 9.</param>
    /// <param name="scale">Multiplies the object counts; 1 is the published run.</param>
    /// <returns>The shape's figures by key.</returns>
    public static IReadOnlyDictionary<string, double> Run(int shape, double scale) => shape switch
    {
        1 => FullCollectionLive(scale),
        2 => FullCollectionGarbage(scale),
        3 => AllocateRelease(scale),
        4 => Generation0Pause(scale),
        5 => ChainRelease(scale),
        6 => WeakRefCallbacks(scale),
        7 => Finalizers(scale),
        8 => AddRefReleasePair(scale),
        9 => Memory(scale),
        _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, "Shapes are numbered 1 to 9."),
    };

    private static Dictionary<string, double> FullCollectionLive(double scale)
    {
        int objects = HeapBuilder.Count(1_000_000, scale);
        using Runtime runtime = HeapBuilder.NewRuntime();
        LinkedNode[] heads = HeapBuilder.BuildRings<BenchNode>(runtime, objects);
        runtime.Gc.Collect();
        double elapsed = TimeFullCollection(runtime, expectedCollected: 0);
        GC.KeepAlive(heads);
        return new() { [NsPerObject] = elapsed / objects };
    }

    private static Dictionary<string, double> FullCollectionGarbage(double scale)
    {
        int objects = HeapBuilder.Count(1_000_000, scale);
        using Runtime runtime = HeapBuilder.NewRuntime();
        LinkedNode[] live = HeapBuilder.BuildRings<BenchNode>(runtime, objects);
        runtime.Gc.Collect();
        HeapBuilder.ReleaseAll(HeapBuilder.BuildRings<BenchNode>(runtime, objects));
        double elapsed = TimeFullCollection(runtime, expectedCollected: objects);
        GC.KeepAlive(live);
        return new() { [NsPerObject] = elapsed / (2.0 * objects) };
    }

    private static Dictionary<string, double> AllocateRelease(double scale)
    {
        int objects = HeapBuilder.Count(1_000_000, scale);
        using Runtime runtime = Runtime.Create();
        SettleDotNetHeap();
        long started = Stopwatch.GetTimestamp();
        for (int i = 0; i < objects; i++)
        {
            runtime.Allocate<BenchNode>().Release();
        }

        double reclaim = ElapsedNs(started);
        if (runtime.Gc.GetObjects().Count != 0)
        {
            throw new InvalidOperationException("Shape 3: released objects are still tracked.");
        }

        SettleDotNetHeap();
        PlainNodeSink sink = new();
        started = Stopwatch.GetTimestamp();
        for (int i = 0; i < objects; i++)
        {
            sink.Last = new PlainNode();
        }

        double plain = ElapsedNs(started);
        GC.KeepAlive(sink);
        return new() { [NsPerObject] = reclaim / objects, [DotNetNsPerObject] = plain / objects };
    }

    private static Dictionary<string, double> Generation0Pause(double scale)
    {
        int small = HeapBuilder.Count(1_000_000, scale);
        int large = HeapBuilder.Count(10_000_000, scale);
        using Runtime runtime = HeapBuilder.NewRuntime();
        LinkedNode[] old = HeapBuilder.BuildRings<BenchNode>(runtime, small);
        runtime.Gc.Collect();
        double smallPause = MedianGeneration0Pause(runtime);
        LinkedNode[] more = HeapBuilder.BuildRings<BenchNode>(runtime, large - small);
        runtime.Gc.Collect();
        double largePause = MedianGeneration0Pause(runtime);
        if (runtime.Gc.GetStats()[2].Collections < 2)
        {
            throw new InvalidOperationException("Shape 4: the old heap was not moved to the old generation.");
        }

        GC.KeepAlive(old);
        GC.KeepAlive(more);
        return new() { [PauseSmallOldMs] = smallPause, [PauseLargeOldMs] = largePause };
    }

    /// <summary>
    /// A young generation of 700 containers (CPython's default threshold), half of them in live rings and half in
    /// garbage rings, collected alone; the median of <see cref="PauseSamples"/> such collections.
    /// </summary>
    private static double MedianGeneration0Pause(Runtime runtime)
    {
        double[] pauses = new double[PauseSamples];
        SettleDotNetHeap();
        for (int sample = 0; sample < pauses.Length; sample++)
        {
            LinkedNode[] live = HeapBuilder.BuildRings<BenchNode>(runtime, 350);
            HeapBuilder.ReleaseAll(HeapBuilder.BuildRings<BenchNode>(runtime, 350));
            long started = Stopwatch.GetTimestamp();
            CollectionResult result = runtime.Gc.Collect(0);
            pauses[sample] = ElapsedNs(started) / 1e6;
            if (result.Collected != 350)
            {
                throw new InvalidOperationException($"Shape 4: a generation-0 collection freed {result.Collected} objects, expected 350.");
            }

            // The live rings die now: they are in generation 1, where no generation-0 collection looks.
            HeapBuilder.ReleaseAll(live);
        }

        return Statistics.Median(pauses);
    }

    private static Dictionary<string, double> ChainRelease(double scale)
    {
        int objects = HeapBuilder.Count(10_000_000, scale);
        using Runtime runtime = HeapBuilder.NewRuntime();
        BenchNode head = HeapBuilder.BuildChain(runtime, objects);
        SettleDotNetHeap();
        long started = Stopwatch.GetTimestamp();
        head.Release();
        double elapsed = ElapsedNs(started);
        if (head.State != RcObjectState.Freed || runtime.Gc.GetObjects().Count != 0)
        {
            throw new InvalidOperationException("Shape 5: releasing the head did not free the chain.");
        }

        return new() { [NsPerObject] = elapsed / objects };
    }

    private static Dictionary<string, double> WeakRefCallbacks(double scale)
    {
        int objects = HeapBuilder.Count(1_000_000, scale);
        using Runtime runtime = HeapBuilder.NewRuntime();
        CountingWeakRefCallback callback = runtime.Allocate<CountingWeakRefCallback>();
        LinkedNode[] heads = HeapBuilder.BuildRings<BenchNode>(runtime, objects);
        WeakRef[] references = new WeakRef[objects];
        int made = 0;
        foreach (LinkedNode head in heads)
        {
            LinkedNode node = head;
            for (int i = 0; i < HeapBuilder.RingSize; i++)
            {
                references[made++] = runtime.WeakRef(node, callback).Take();
                node = node.Next.Value!;
            }
        }

        runtime.Gc.Collect();
        HeapBuilder.ReleaseAll(heads);
        double elapsed = TimeFullCollection(runtime, expectedCollected: objects);
        if (callback.Calls != objects)
        {
            throw new InvalidOperationException($"Shape 6: {callback.Calls} callbacks ran, expected {objects}.");
        }

        GC.KeepAlive(references);
        return new() { [NsPerObject] = elapsed / objects };
    }

    private static Dictionary<string, double> Finalizers(double scale)
    {
        int objects = HeapBuilder.Count(100_000, scale);
        using Runtime runtime = HeapBuilder.NewRuntime();
        LinkedNode[] heads = HeapBuilder.BuildRings<FinalizableBenchNode>(runtime, objects);
        runtime.Gc.Collect();
        FinalizableBenchNode.FinalizedCount = 0;
        HeapBuilder.ReleaseAll(heads);
        double elapsed = TimeFullCollection(runtime, expectedCollected: objects);
        if (FinalizableBenchNode.FinalizedCount != objects)
        {
            throw new InvalidOperationException($"Shape 7: {FinalizableBenchNode.FinalizedCount} finalizers ran, expected {objects}.");
        }

        return new() { [NsPerObject] = elapsed / objects };
    }

    private static Dictionary<string, double> AddRefReleasePair(double scale)
    {
        long pairs = Math.Max(1_000_000, (long)(200_000_000 * scale));
        using Runtime runtime = Runtime.Create();
        BenchNode node = runtime.Allocate<BenchNode>();
        long started = Stopwatch.GetTimestamp();
        for (long i = 0; i < pairs; i++)
        {
            node.AddRef();
            node.Release();
        }

        double elapsed = ElapsedNs(started);
        if (node.RefCount != 1)
        {
            throw new InvalidOperationException("Shape 8: the pairs did not leave the count where it was.");
        }

        node.Release();
        return new() { [NsPerPair] = elapsed / pairs };
    }

    private static Dictionary<string, double> Memory(double scale)
    {
        int objects = HeapBuilder.Count(1_000_000, scale);
        long before = SettleDotNetHeap();
        using Runtime runtime = HeapBuilder.NewRuntime();
        LinkedNode[] heads = HeapBuilder.BuildRings<BenchNode>(runtime, objects);
        runtime.Gc.Collect();
        long after = SettleDotNetHeap();
        GC.KeepAlive(heads);
        GC.KeepAlive(runtime);
        return new() { [BytesPerObject] = (after - before) / (double)objects };
    }

    private static double TimeFullCollection(Runtime runtime, int expectedCollected)
    {
        SettleDotNetHeap();
        long started = Stopwatch.GetTimestamp();
        CollectionResult result = runtime.Gc.Collect();
        double elapsed = ElapsedNs(started);
        if (result.Collected != expectedCollected)
        {
            throw new InvalidOperationException($"A full collection freed {result.Collected} objects, expected {expectedCollected}.");
        }

        return elapsed;
    }

    /// <summary>
    /// Runs a full, compacting .NET collection so that none falls inside the timed region because of garbage the
    /// building left behind.
    /// </summary>
    /// <returns>The .NET heap's size afterwards, in bytes.</returns>
    private static long SettleDotNetHeap()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static double ElapsedNs(long started) => (Stopwatch.GetTimestamp() - started) * 1e9 / Stopwatch.Frequency;

    /// <summary>Where shape 3's plain allocations are stored, so that the JIT cannot drop or stack-allocate them.</summary>
    private sealed class PlainNodeSink
    {
        public PlainNode? Last;
    }
}
