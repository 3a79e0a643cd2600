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
    private BenchNode? _holder;

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

    /// <summary>The typed path: <see cref="Runtime.New{T}"/>, then <see cref="NewRef{T}.Release"/>.</summary>
    [Benchmark(OperationsPerInvoke = Loop)]
    public void NewRelease()
    {
        for (int i = 0; i < Loop; i++)
        {
            _runtime.New<BenchNode>().Release();
        }
    }

    /// <summary>The typed path into a field: <see cref="RcField{T}.Set{TNew}(NewRef{TNew})"/> of a new object, which releases the previous one.</summary>
    [Benchmark(OperationsPerInvoke = Loop)]
    public void NewIntoField()
    {
        BenchNode holder = _holder ??= _runtime.Allocate<BenchNode>();
        for (int i = 0; i < Loop; i++)
        {
            holder.Next.Set(_runtime.New<BenchNode>());
        }
    }

    /// <summary>The raw path into a field: <see cref="RcField{T}.SetOwned"/> of <see cref="Runtime.Allocate{T}"/>.</summary>
    [Benchmark(OperationsPerInvoke = Loop)]
    public void AllocateIntoField()
    {
        BenchNode holder = _holder ??= _runtime.Allocate<BenchNode>();
        for (int i = 0; i < Loop; i++)
        {
            holder.Next.SetOwned(_runtime.Allocate<BenchNode>());
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
