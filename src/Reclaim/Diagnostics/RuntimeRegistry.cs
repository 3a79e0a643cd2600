using System.Runtime.CompilerServices;

namespace Reclaim;

/// <summary>
/// The runtimes alive in the process, held weakly, so observable counters can add up their heaps. A runtime that
/// was shut down, or that .NET collected, drops out by itself.
/// </summary>
internal static class RuntimeRegistry
{
    private static readonly ConditionalWeakTable<Runtime, object?> s_runtimes = [];

    public static void Register(Runtime runtime) => s_runtimes.AddOrUpdate(runtime, null);

    /// <summary>
    /// Objects tracked across the live runtimes. Read from the listener's thread without the runtimes' lock, so it
    /// is a momentary estimate; it never touches an object, only the lists' counters.
    /// </summary>
    public static long TrackedObjects()
    {
        long total = 0;
        foreach (KeyValuePair<Runtime, object?> entry in s_runtimes)
        {
            if (!entry.Key.IsShutDown)
            {
                total += entry.Key.Collector.TrackedCount;
            }
        }

        return total;
    }

    /// <summary>Releases queued by other threads and not applied yet, over every live runtime.</summary>
    public static long PendingReleases()
    {
        long total = 0;
        foreach (KeyValuePair<Runtime, object?> entry in s_runtimes)
        {
            if (!entry.Key.IsShutDown)
            {
                total += entry.Key.PendingReleaseCount;
            }
        }

        return total;
    }
}
