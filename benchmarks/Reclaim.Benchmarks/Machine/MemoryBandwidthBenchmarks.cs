using BenchmarkDotNet.Attributes;
using Reclaim.Cli.Bench;

namespace Reclaim.Benchmarks.Machine;

/// <summary>
/// The machine's memory bandwidth, for the physical-limit comparison in docs/benchmarks.md: 256 MiB read
/// (vectorised sum) and copied. Bandwidth = 268,435,456 bytes ÷ the mean time.
/// </summary>
public class MemoryBandwidthBenchmarks
{
    private readonly long[] _source = new long[MemoryBandwidth.BufferBytes / sizeof(long)];
    private readonly long[] _destination = new long[MemoryBandwidth.BufferBytes / sizeof(long)];

    /// <summary>Sequential read of the whole buffer.</summary>
    /// <returns>The sum.</returns>
    [Benchmark]
    public long Read() => MemoryBandwidth.Sum(_source);

    /// <summary>Copy of the whole buffer.</summary>
    [Benchmark]
    public void Copy() => _source.AsSpan().CopyTo(_destination);
}
