using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Reclaim.Cli.Bench;

namespace Reclaim.Benchmarks.Loops;

/// <summary>
/// The common path's rows timed by the calling thread's CPU clock instead of the wall clock: allocate + release, the
/// typed path, plain <c>new</c> and the <c>AddRef</c> + <c>Release</c> pair. On a shared machine another process's
/// work moves wall-clock figures by several times; the thread's own CPU time moves far less. Each row is the minimum of
/// ten rounds after a warm-up that brings every loop to optimized code. Linux only (<c>clock_gettime</c>).
/// Run: <c>dotnet run -c Release --project benchmarks/Reclaim.Benchmarks -- loops</c>; run it alternately against
/// another build's output to compare builds.
/// </summary>
internal static partial class CpuTimeLoops
{
    private const int ThreadCpuClock = 3;
    private const int Objects = 1_000_000;

    private static PlainNode? s_sink;

    /// <summary>Runs every loop and prints one line: allocate + release, typed, plain new (ns) and the pair (ns).</summary>
    public static void Run()
    {
        using Runtime runtime = Runtime.Create();
        BenchNode node = runtime.Allocate<BenchNode>();
        for (int warm = 0; warm < 40; warm++)
        {
            AllocateRelease(runtime, 20_000);
            TypedNewRelease(runtime, 20_000);
            PlainNew(20_000);
            Pair(node, 20_000);
        }

        double allocate = Best(() => AllocateRelease(runtime, Objects), Objects);
        double typed = Best(() => TypedNewRelease(runtime, Objects / 4), Objects / 4);
        double plain = Best(() => PlainNew(Objects), Objects);
        double pair = Best(() => Pair(node, Objects * 10), Objects * 10);
        node.Release();
        Console.WriteLine(FormattableString.Invariant(
            $"allocate+release {allocate:F2} ns, typed New+Release {typed:F2} ns, plain new {plain:F2} ns ({allocate / plain:F2}x), AddRef+Release pair {pair:F3} ns"));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AllocateRelease(Runtime runtime, int count)
    {
        for (int i = 0; i < count; i++)
        {
            runtime.Allocate<BenchNode>().Release();
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void TypedNewRelease(Runtime runtime, int count)
    {
        for (int i = 0; i < count; i++)
        {
            runtime.New<BenchNode>().Release();
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void PlainNew(int count)
    {
        for (int i = 0; i < count; i++)
        {
            s_sink = new PlainNode();
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Pair(BenchNode node, int count)
    {
        for (int i = 0; i < count; i++)
        {
            node.AddRef();
            node.Release();
        }
    }

    private static double Best(Action loop, int operations)
    {
        double best = double.MaxValue;
        for (int round = 0; round < 10; round++)
        {
            double started = ThreadCpuNanoseconds();
            loop();
            best = Math.Min(best, (ThreadCpuNanoseconds() - started) / operations);
        }

        GC.KeepAlive(s_sink);
        return best;
    }

    private static double ThreadCpuNanoseconds()
    {
        if (ClockGetTime(ThreadCpuClock, out TimeSpec now) != 0)
        {
            throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed: the loops need Linux.");
        }

        return (now.Seconds * 1e9) + now.Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
