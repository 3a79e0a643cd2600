using BenchmarkDotNet.Attributes;

namespace Reclaim.Benchmarks.Diagnostics;

/// <summary>
/// Heap snapshot and why-alive on a heap of a million objects: rings of ten, all reachable from one root. The
/// targets (issue 8) are under a second for snapshot plus why-alive, and at most twice the heap's own size in
/// extra memory: compare the Allocated column with the heap size printed by the setup.
/// </summary>
[MemoryDiagnoser]
public class SnapshotBenchmarks
{
    /// <summary>Objects in the heap besides the root.</summary>
    public const int ObjectCount = 1_000_000;

    private const int RingLength = 10;

    private Runtime _runtime = null!;
    private Owned<SnapshotRoot> _root = null!;
    private SnapshotNode _target = null!;
    private HeapSnapshot _fresh = null!;

    /// <summary>Bytes the heap itself takes: objects, their field arrays and the collector's lists.</summary>
    public long HeapBytes { get; private set; }

    /// <summary>Builds the heap: one root holding rings of ten, all old.</summary>
    [GlobalSetup]
    public void Setup()
    {
        long before = GC.GetTotalMemory(forceFullCollection: true);
        _runtime = Runtime.Create();
        _runtime.Gc.Disable();
        int rings = ObjectCount / RingLength;
        _root = _runtime.Adopt(new SnapshotRoot(rings)).ToOwned();
        for (int ring = 0; ring < rings; ring++)
        {
            SnapshotNode first = _runtime.Allocate<SnapshotNode>();
            _root.Value.Slots[ring].SetOwned(first);
            SnapshotNode previous = first;
            for (int i = 1; i < RingLength; i++)
            {
                SnapshotNode next = _runtime.Allocate<SnapshotNode>();
                previous.Next.SetOwned(next);
                previous = next;
            }

            previous.Next.Set(first);
            _target = previous;
        }

        // Everything old, as in a long-running program: the collector's own lists are part of the heap's size.
        _runtime.Gc.Collect();
        HeapBytes = GC.GetTotalMemory(forceFullCollection: true) - before;
        Console.WriteLine($"// heap: {HeapBytes / (1024.0 * 1024.0):F1} MiB for {ObjectCount + 1:N0} objects ({HeapBytes / (double)(ObjectCount + 1):F1} bytes per object)");
    }

    /// <summary>Drops the heap and shuts the runtime down.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _root.Dispose();
        _runtime.Dispose();
    }

    /// <summary>Copying the heap: objects, headers and edges.</summary>
    [Benchmark]
    public HeapSnapshot Snapshot() => HeapSnapshot.Take(_runtime);

    /// <summary>The measure: a fresh snapshot, then why-alive (roots, shortest chain, strongly connected components).</summary>
    [Benchmark]
    public WhyAliveResult SnapshotAndWhyAlive() => HeapSnapshot.Take(_runtime).WhyAlive(_target);

    /// <summary>A snapshot nobody has asked anything yet, for <see cref="WhyAlive"/>.</summary>
    [IterationSetup(Target = nameof(WhyAlive))]
    public void TakeFreshSnapshot() => _fresh = HeapSnapshot.Take(_runtime);

    /// <summary>Why-alive alone, on a snapshot that has not been asked anything yet (so nothing is cached).</summary>
    [Benchmark]
    public WhyAliveResult WhyAlive() => _fresh.WhyAlive(_target);
}
