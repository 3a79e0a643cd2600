using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using Reclaim.Cli.Bench;

namespace Reclaim.Benchmarks.Counting;

/// <summary>Shape 8: one <see cref="RcObject.AddRef"/> and one <see cref="RcObject.Release"/> on a live object.</summary>
public class RefCountBenchmarks
{
    private const int Loop = 1000;

    private Runtime _runtime = null!;
    private BenchNode _node = null!;
    private readonly CountedCell _cell = new();

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

    /// <summary>
    /// The floor of any counting design: the same increment and decrement-and-test on a plain object, with no thread
    /// check, no saturation and no state. The difference to <see cref="AddRefReleasePair"/> is what the issue-12
    /// guarantees cost on the pair.
    /// </summary>
    [Benchmark(OperationsPerInvoke = Loop)]
    public void UncheckedCountPair()
    {
        CountedCell cell = _cell;
        for (int i = 0; i < Loop; i++)
        {
            cell.Count++;
            if (--cell.Count == 0)
            {
                cell.Die();
            }
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

    /// <summary>A bare count with a death that never happens here.</summary>
    private sealed class CountedCell
    {
        public int Count = 1;

        [MethodImpl(MethodImplOptions.NoInlining)]
        public void Die() => throw new InvalidOperationException("the benchmark never lets the count reach zero");
    }
}
