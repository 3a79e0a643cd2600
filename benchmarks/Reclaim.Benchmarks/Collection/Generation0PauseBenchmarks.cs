using BenchmarkDotNet.Attributes;
using Reclaim.Cli.Bench;

namespace Reclaim.Benchmarks.Collection;

/// <summary>Shape 4: a generation-0 collection of 700 young objects, half garbage, beside a large old generation.</summary>
public class Generation0PauseBenchmarks
{
    private Runtime _runtime = null!;
    private LinkedNode[] _old = [];
    private LinkedNode[] _young = [];

    /// <summary>Objects already in the old generation.</summary>
    [Params(1_000_000, 10_000_000)]
    public int OldObjects { get; set; }

    /// <summary>Builds the old generation.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _runtime = HeapBuilder.NewRuntime();
        _old = HeapBuilder.BuildRings<BenchNode>(_runtime, OldObjects);
        _runtime.Gc.Collect();
    }

    /// <summary>350 live and 350 garbage young objects.</summary>
    [IterationSetup]
    public void MakeYoung()
    {
        HeapBuilder.ReleaseAll(_young);
        _young = HeapBuilder.BuildRings<BenchNode>(_runtime, 350);
        HeapBuilder.ReleaseAll(HeapBuilder.BuildRings<BenchNode>(_runtime, 350));
    }

    /// <summary>The pause.</summary>
    /// <returns>The number collected.</returns>
    [Benchmark]
    public int CollectGeneration0() => _runtime.Gc.Collect(0).Collected;

    /// <summary>Keeps the old generation until the end.</summary>
    [GlobalCleanup]
    public void Cleanup() => GC.KeepAlive(_old);
}
