using BenchmarkDotNet.Attributes;
using Reclaim.Cli.Bench;

namespace Reclaim.Benchmarks.Release;

/// <summary>Shape 5: releasing the head of a long chain frees all of it, iteratively.</summary>
public class ChainReleaseBenchmarks
{
    private Runtime _runtime = null!;
    private BenchNode _head = null!;

    /// <summary>The chain's length (the harness runs 10,000,000; a million keeps BenchmarkDotNet's many iterations short).</summary>
    [Params(1_000_000)]
    public int Objects { get; set; }

    /// <summary>A fresh runtime.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _runtime = HeapBuilder.NewRuntime();
    }

    /// <summary>A fresh chain before each iteration.</summary>
    [IterationSetup]
    public void BuildChain() => _head = HeapBuilder.BuildChain(_runtime, Objects);

    /// <summary>The release.</summary>
    [Benchmark]
    public void ReleaseHead() => _head.Release();
}
