using System.Globalization;

namespace Reclaim.Adversarial.Host;

/// <summary>Own experiments on watched dictionaries and the global cache.</summary>
public static class WatchingExperiments
{
    public static IReadOnlyList<Experiment> All { get; } =
    [
        new("W-watcher-throws", "1 reported set", WatcherThrows),
        new("W-watcher-clears-itself", "1", WatcherClearsItself),
        new("W-clear-unknown-watcher", "UnknownDictWatcherException", () => Fresh(h => Harness.Outcome(() => h.Runtime.ClearDictWatcher(5)))),
        new("W-watcher-limit", "DictWatcherLimitException", WatcherLimit),
        new("W-mutate-while-enumerating", "DictChangedDuringEnumerationException", MutateWhileEnumerating),
        new("W-cell-after-cache-disposed", "GlobalCacheCellInvalidatedException", CellAfterCacheDisposed),
        new("W-cache-dispose-twice", "ok", CacheDisposeTwice),
        new("W-globals-freed-cell-refuses", "GlobalCacheCellInvalidatedException", GlobalsFreedCellRefuses),
        new("W-cache-unwatched-dictionary", "GlobalCacheCellInvalidatedException", CacheUnwatchedDictionary),
    ];

    private static string Fresh(Func<Harness, string> attack)
    {
        Harness h = Harness.Create();
        return h.Finish(attack(h));
    }

    private static string WatcherThrows()
    {
        Harness h = Harness.Create();
        Owned<RcDict> dict = h.Runtime.New<RcDict>().ToOwned();
        Owned<Node> value = h.Runtime.New<Node>().ToOwned();
        int watcher = h.Runtime.AddDictWatcher((_, _, _, _) => throw new InvalidOperationException("watcher failed"));
        dict.Value.Watch(watcher);
        dict.Value.Set("k", value.Value);
        string set = dict.Value.ContainsKey("k") ? "set" : "not set";
        h.Runtime.ClearDictWatcher(watcher);
        dict.Dispose();
        value.Dispose();
        return h.Finish($"{h.Unraisable.Count} reported {set}");
    }

    private static string WatcherClearsItself()
    {
        Harness h = Harness.Create();
        using Owned<RcDict> dict = h.Runtime.New<RcDict>().ToOwned();
        using Owned<Node> value = h.Runtime.New<Node>().ToOwned();
        int calls = 0;
        int watcher = -1;
        watcher = h.Runtime.AddDictWatcher((_, _, _, _) =>
        {
            calls++;
            h.Runtime.ClearDictWatcher(watcher);
        });
        dict.Value.Watch(watcher);
        dict.Value.Set("a", value.Value);
        dict.Value.Set("b", value.Value);
        dict.Dispose();
        value.Dispose();
        return h.Finish(calls.ToString(CultureInfo.InvariantCulture));
    }

    private static string WatcherLimit()
    {
        Harness h = Harness.Create();
        for (int i = 0; i < Runtime.MaxDictWatchers; i++)
        {
            h.Runtime.AddDictWatcher((_, _, _, _) => { });
        }

        return h.Finish(Harness.Outcome(() => h.Runtime.AddDictWatcher((_, _, _, _) => { })));
    }

    private static string MutateWhileEnumerating()
    {
        Harness h = Harness.Create();
        using Owned<RcDict> dict = h.Runtime.New<RcDict>().ToOwned();
        using Owned<Node> value = h.Runtime.New<Node>().ToOwned();
        dict.Value.Set("a", value.Value);
        dict.Value.Set("b", value.Value);
        string outcome = Harness.Outcome(() =>
        {
            int i = 0;
            foreach (KeyValuePair<RcDictKey, RcObject> _ in dict.Value)
            {
                dict.Value.Set($"new{i++}", value.Value);
            }
        });
        dict.Dispose();
        value.Dispose();
        return h.Finish(outcome);
    }

    private static string CellAfterCacheDisposed()
    {
        Harness h = Harness.Create();
        var cache = new GlobalCache(h.Runtime);
        using Owned<RcDict> globals = h.Runtime.New<RcDict>().ToOwned();
        GlobalCacheCell cell = cache.GetCell(globals.Value, globals.Value, "x");
        cache.Dispose();
        string outcome = Harness.Outcome(() => _ = cell.Value);
        globals.Dispose();
        return h.Finish(outcome);
    }

    private static string CacheDisposeTwice()
    {
        Harness h = Harness.Create();
        var cache = new GlobalCache(h.Runtime);
        cache.Dispose();
        return h.Finish(Harness.Outcome(cache.Dispose));
    }

    private static string GlobalsFreedCellRefuses()
    {
        Harness h = Harness.Create();
        using var cache = new GlobalCache(h.Runtime);
        using Owned<RcDict> builtins = h.Runtime.New<RcDict>().ToOwned();
        GlobalCacheCell cell;
        using (Owned<RcDict> globals = h.Runtime.New<RcDict>().ToOwned())
        {
            cell = cache.GetCell(globals.Value, builtins.Value, "x");
        }

        string outcome = Harness.Outcome(() => _ = cell.Value);
        builtins.Dispose();
        cache.Dispose();
        return h.Finish(outcome);
    }

    private static string CacheUnwatchedDictionary()
    {
        Harness h = Harness.Create();
        using var cache = new GlobalCache(h.Runtime);
        using Owned<RcDict> builtins = h.Runtime.New<RcDict>().ToOwned();
        using Owned<RcDict> globals = h.Runtime.New<RcDict>().ToOwned();
        Node value = h.Runtime.Allocate<Node>();
        builtins.Value.Set("len", value);
        value.Release();
        GlobalCacheCell cell = cache.GetCell(globals.Value, builtins.Value, "len");
        builtins.Value.Unwatch(cache.WatcherId);
        builtins.Value.Remove("len");
        string outcome = Harness.Outcome(() => _ = cell.Value);
        globals.Dispose();
        builtins.Dispose();
        cache.Dispose();
        return h.Finish(outcome);
    }
}
