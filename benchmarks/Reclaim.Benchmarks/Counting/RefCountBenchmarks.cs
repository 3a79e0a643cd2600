using BenchmarkDotNet.Attributes;
using Reclaim.Cli.Bench;

namespace Reclaim.Benchmarks.Counting;

/// <summary>Shape 8: one <see cref="RcObject.AddRef"/> and one <see cref="RcObject.Release"/> on a live object.</summary>
public class RefCountBenchmarks
{
    private const int Loop = 1000;

    private Runtime _runtime = null!;
    private BenchNode _node = null!;

    /// <summary>One live object.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _runtime = Runtime.Create();
        _node = _runtime.Allocate<BenchNode>();
    }

    /// <summary>The pair.</summary>
    [Benchmark(OperationsPerInvoke = Loop)]
    public void AddRefReleasePair()
    {
        BenchNode node = _node;
        for (int i = 0; i < Loop; i++)
        {
            node.AddRef();
            node.Release();
        }
    }

    /// <summary>A field store: the pair plus the slot write, as <see cref="RcField{T}.Set"/> does it.</summary>
    [Benchmark(OperationsPerInvoke = Loop)]
    public void FieldSetSameValue()
    {
        BenchNode node = _node;
        for (int i = 0; i < Loop; i++)
        {
            node.Next.Set(node);
        }

        node.Next.Clear();
    }
}
