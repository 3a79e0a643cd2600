using BenchmarkDotNet.Attributes;
using Reclaim.Cli.Bench;

namespace Reclaim.Benchmarks.Allocation;

/// <summary>Shape 3: allocating and releasing an acyclic container, against a plain .NET allocation of the same class shape.</summary>
[MemoryDiagnoser]
public class AllocationBenchmarks
{
    private const int Loop = 1000;

    private readonly Runtime _runtime = Runtime.Create();
    private PlainNode? _sink;

    /// <summary>Plain .NET: the baseline the target is stated against.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Loop)]
    public void PlainNew()
    {
        for (int i = 0; i < Loop; i++)
        {
            _sink = new PlainNode();
        }
    }

    /// <summary><see cref="Runtime.Allocate{T}"/> then <see cref="RcObject.Release"/>.</summary>
    [Benchmark(OperationsPerInvoke = Loop)]
    public void AllocateRelease()
    {
        for (int i = 0; i < Loop; i++)
        {
            _runtime.Allocate<BenchNode>().Release();
        }
    }

    /// <summary><see cref="Runtime.AdoptReference{T}"/> of a <c>new</c> object, then <see cref="RcObject.Release"/>.</summary>
    [Benchmark(OperationsPerInvoke = Loop)]
    public void AdoptRelease()
    {
        for (int i = 0; i < Loop; i++)
        {
            _runtime.AdoptReference(new BenchNode()).Release();
        }
    }

    /// <summary><see cref="Runtime.New{T}"/> in a <c>using</c>: the handle-based API.</summary>
    [Benchmark(OperationsPerInvoke = Loop)]
    public void NewOwnedDispose()
    {
        for (int i = 0; i < Loop; i++)
        {
            using Owned<BenchNode> owned = _runtime.New<BenchNode>().ToOwned();
        }
    }

    /// <summary>Keeps the sink observable.</summary>
    [GlobalCleanup]
    public void Cleanup() => GC.KeepAlive(_sink);
}
