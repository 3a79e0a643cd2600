using System.Runtime.CompilerServices;

namespace Reclaim.Tests.Support;

/// <summary>Waits for .NET to collect an object the test let go of.</summary>
internal static class DotNetGc
{
    /// <summary>
    /// Runs .NET collections and the finalizers they queue until <paramref name="target"/> is gone (then one round
    /// more, for the finalizers its death queued); false if it survives ten rounds.
    /// </summary>
    public static bool Collected<T>(WeakReference<T> target) where T : class
    {
        for (int round = 0; round < 10; round++)
        {
            if (!SurvivesCollection(target))
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                return true;
            }
        }

        return false;
    }

    // Out of line: a look at the target leaves it in a temporary of the looking frame, which would keep it alive
    // through the caller's next collection.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool SurvivesCollection<T>(WeakReference<T> target) where T : class
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return target.TryGetTarget(out _);
    }
}
