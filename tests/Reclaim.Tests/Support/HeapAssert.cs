namespace Reclaim.Tests.Support;

/// <summary>Checks that a runtime is still usable after a test provoked a failure.</summary>
internal static class HeapAssert
{
    /// <summary>A full collection and a shutdown both succeed, and the runtime ends finalized.</summary>
    public static void ConsistentAfterwards(TestRuntime t)
    {
        Assert.False(t.Gc.IsCollecting);
        t.Gc.Collect();
        t.Runtime.Dispose();
        Assert.True(t.Runtime.IsShutDown);
    }

    /// <summary>
    /// As <see cref="ConsistentAfterwards(TestRuntime)"/>, and the full collection frees exactly
    /// <paramref name="expectedCollected"/> objects, none uncollectable, with no unraisable report beyond
    /// <paramref name="expectedUnraisable"/> so far.
    /// </summary>
    public static void ConsistentAfterwards(TestRuntime t, int expectedCollected, int expectedUnraisable = 0)
    {
        Assert.False(t.Gc.IsCollecting);
        CollectionResult result = t.Gc.Collect();
        Assert.Equal(expectedCollected, result.Collected);
        Assert.Equal(0, result.Uncollectable);
        t.Runtime.Dispose();
        Assert.True(t.Runtime.IsShutDown);
        Assert.Equal(expectedUnraisable, t.Unraisable.Count);
    }

    /// <summary>The exception's message names both the object's type and the operation.</summary>
    public static void NamesTypeAndOperation(Exception exception, string typeName, string operation)
    {
        Assert.Contains(typeName, exception.Message, StringComparison.Ordinal);
        Assert.Contains(operation, exception.Message, StringComparison.Ordinal);
    }
}
