using BenchmarkDotNet.Attributes;
using Reclaim.Cli.Bench;

namespace Reclaim.Benchmarks.Collection;

/// <summary>Shapes 1 and 2: a full collection of rings of ten, all live, or half of them garbage.</summary>
[MemoryDiagnoser]
public class FullCollectionBenchmarks
{
    private Runtime _runtime = null!;
    private LinkedNode[] _live = [];

    /// <summary>Live objects (and, for the garbage benchmark, as many garbage ones).</summary>
    [Params(1_000_000)]
    public int Objects { get; set; }

    /// <summary>Builds the live rings and moves them to the old generation.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _runtime = HeapBuilder.NewRuntime();
        _live = HeapBuilder.BuildRings<BenchNode>(_runtime, Objects);
        _runtime.Gc.Collect();
    }

    /// <summary>Shape 2's garbage, made fresh before each iteration.</summary>
    [IterationSetup(Target = nameof(CollectGarbageBesideLive))]
    public void MakeGarbage() => HeapBuilder.ReleaseAll(HeapBuilder.BuildRings<BenchNode>(_runtime, Objects));

    /// <summary>Shape 1: every object survives.</summary>
    /// <returns>The number collected (zero).</returns>
    [Benchmark]
    public int CollectLive() => _runtime.Gc.Collect().Collected;

    /// <summary>Shape 2: as many garbage objects as live ones.</summary>
    /// <returns>The number collected.</returns>
    [Benchmark]
    public int CollectGarbageBesideLive() => _runtime.Gc.Collect().Collected;

    /// <summary>Keeps the live rings until the end.</summary>
    [GlobalCleanup]
    public void Cleanup() => GC.KeepAlive(_live);
}
