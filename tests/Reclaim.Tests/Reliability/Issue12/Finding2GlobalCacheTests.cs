using Reclaim.Tests.Support;

namespace Reclaim.Tests.Reliability.Issue12;

/// <summary>
/// Issue 12, finding 2: seed 000's class through <see cref="GlobalCache"/>. Once the cache's watch is taken away, its
/// cells used to keep returning the value they cached — freed after the dictionary released it.
/// </summary>
public sealed class Finding2GlobalCacheTests
{
    [Fact]
    public void Finding2_WatcherClearedThenBuiltinReplaced_CellRefusesInsteadOfReturningTheFreedValue()
    {
        using TestRuntime t = new();
        GlobalCache cache = new(t.Runtime);
        using Owned<RcDict> globals = t.Runtime.New<RcDict>().ToOwned();
        using Owned<RcDict> builtins = t.Runtime.New<RcDict>().ToOwned();
        Leaf original = t.Runtime.Allocate<Leaf>();
        builtins.Value.Set("len", original);
        original.Release();
        GlobalCacheCell cell = cache.GetCell(globals.Value, builtins.Value, "len");
        Assert.Same(original, cell.Value);

        t.Runtime.ClearDictWatcher(cache.WatcherId);
        using Owned<Leaf> replacement = t.Runtime.New<Leaf>().ToOwned();
        builtins.Value.Set("len", replacement.Value);

        Assert.Equal(RcObjectState.Freed, original.State);
        Assert.False(cell.IsValid);
        GlobalCacheCellInvalidatedException refused = Assert.Throws<GlobalCacheCellInvalidatedException>(() => cell.Value);
        Assert.Contains("ClearDictWatcher", refused.Message, StringComparison.Ordinal);
        Assert.Throws<ObjectDisposedException>(() => cache.GetCell(globals.Value, builtins.Value, "len"));

        // Disposing afterwards must not clear whoever took the watcher id since.
        int next = t.Runtime.AddDictWatcher((_, _, _, _) => { });
        cache.Dispose();
        t.Runtime.ClearDictWatcher(next);
        Assert.Empty(t.Unraisable);
    }

    [Fact]
    public void Finding2_DictionaryUnwatchedByTheCacheId_CellsOfThatDictionaryRefuse()
    {
        using TestRuntime t = new();
        using GlobalCache cache = new(t.Runtime);
        using Owned<RcDict> globals = t.Runtime.New<RcDict>().ToOwned();
        using Owned<RcDict> builtins = t.Runtime.New<RcDict>().ToOwned();
        Leaf original = t.Runtime.Allocate<Leaf>();
        builtins.Value.Set("len", original);
        original.Release();
        GlobalCacheCell cell = cache.GetCell(globals.Value, builtins.Value, "len");

        builtins.Value.Unwatch(cache.WatcherId);
        builtins.Value.Remove("len");

        Assert.Equal(RcObjectState.Freed, original.State);
        Assert.Throws<GlobalCacheCellInvalidatedException>(() => cell.Value);
        GlobalCacheCell fresh = cache.GetCell(globals.Value, builtins.Value, "len");
        Assert.Null(fresh.Value);
        Assert.Empty(t.Unraisable);
    }
}
