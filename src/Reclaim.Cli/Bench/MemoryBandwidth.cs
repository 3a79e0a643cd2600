using System.Diagnostics;
using System.Numerics;

namespace Reclaim.Cli.Bench;

/// <summary>
/// The machine's memory bandwidth, for the physical-limit comparison: a sequential vectorised read (sum) and a copy
/// of a buffer far larger than any cache; the best of several passes, in bytes per second.
/// </summary>
public static class MemoryBandwidth
{
    /// <summary>Buffer size: 256 MiB, well beyond the last-level cache.</summary>
    public const int BufferBytes = 256 << 20;

    /// <summary>Measures read and copy bandwidth.</summary>
    /// <param name="passes">Passes of each kind; the best counts.</param>
    /// <returns>Bytes per second read, and bytes per second copied (each copied byte counted once).</returns>
    public static (double ReadBytesPerSecond, double CopyBytesPerSecond) Measure(int passes = 5)
    {
        long[] source = new long[BufferBytes / sizeof(long)];
        long[] destination = new long[source.Length];
        for (int i = 0; i < source.Length; i++)
        {
            source[i] = i;
        }

        double bestRead = double.MaxValue;
        double bestCopy = double.MaxValue;
        long sink = 0;
        for (int pass = 0; pass < passes; pass++)
        {
            long started = Stopwatch.GetTimestamp();
            sink += Sum(source);
            bestRead = Math.Min(bestRead, Seconds(started));

            started = Stopwatch.GetTimestamp();
            source.AsSpan().CopyTo(destination);
            bestCopy = Math.Min(bestCopy, Seconds(started));
        }

        GC.KeepAlive(sink);
        return (BufferBytes / bestRead, BufferBytes / bestCopy);
    }

    /// <summary>Sums the buffer with the widest vectors the machine has, so the loop is limited by memory, not by the core.</summary>
    /// <param name="values">The buffer.</param>
    /// <returns>The sum (kept so that the read cannot be optimised away).</returns>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static long Sum(long[] values)
    {
        ReadOnlySpan<Vector<long>> vectors = System.Runtime.InteropServices.MemoryMarshal.Cast<long, Vector<long>>(values);
        Vector<long> total = Vector<long>.Zero;
        foreach (Vector<long> vector in vectors)
        {
            total += vector;
        }

        long sum = Vector.Sum(total);
        for (int i = vectors.Length * Vector<long>.Count; i < values.Length; i++)
        {
            sum += values[i];
        }

        return sum;
    }

    private static double Seconds(long started) => (Stopwatch.GetTimestamp() - started) / (double)Stopwatch.Frequency;
}
