using Reclaim.Cli.Scenarios;
using Reclaim.Tests.Support;

namespace Reclaim.Tests.Seeds;

/// <summary>
/// Seed 000 (CinderX W27): a global cache keyed on raw dictionary pointers read a freed <c>globals</c>. Caches hold weak
/// handles, invalidate through a deferred cleanup, and ignore events during shutdown (I5).
/// </summary>
public sealed class Seed000GlobalCacheTests
{
    [Fact]
    public void PushFiftyNine_GlobalsFreedThenBuiltinsClearedAtShutdown_CacheNeverCalledAndTeardownThrowsNothing()
    {
        GlobalCacheShutdownScenario scenario = new();
        ScenarioOutcome outcome = scenario.Run();

        Assert.True(outcome.Passed, outcome.Reclaim);
        Assert.True(scenario.GlobalsFreedBeforeBuiltinsCleared);
        Assert.Equal(RuntimeState.ShuttingDown, scenario.StateWhenBuiltinsCleared);
        Assert.True(scenario.BuiltinsCleared);
        Assert.Equal(0, scenario.EventsDuringShutdown);
        Assert.Equal(scenario.StatsBeforeShutdown, scenario.StatsAfterShutdown);
        Assert.Equal(2, scenario.StatsAfterShutdown.LiveEntries);
        Assert.Null(scenario.TeardownFailure);
        Assert.Empty(scenario.Unraisable);
    }

    [Fact]
    public void PushFiftyNine_BothDictionariesGarbageAtShutdown_NothingThrows_AndCellsReportShutdown()
    {
        TestRuntime t = new();
        GlobalCache cache = new(t.Runtime);
        GlobalCacheCell cell;
        RcDict globals;
        RcDict builtins;
        using (Owned<RcDict> g = t.Runtime.New<RcDict>().ToOwned())
        using (Owned<RcDict> b = t.Runtime.New<RcDict>().ToOwned())
        {
            globals = g.Value;
            builtins = b.Value;

            // globals → builtins (__builtins__) → globals: one cycle, both freed by the final collection.
            globals.Set("__builtins__", builtins);
            builtins.Set("__main__", globals);
            cell = cache.GetCell(globals, builtins, "__main__");
            Assert.Same(globals, cell.Value);
        }

        t.Dispose();
        cache.Dispose();

        Assert.Equal(RcObjectState.Freed, globals.State);
        Assert.Equal(RcObjectState.Freed, builtins.State);
        Assert.False(cell.IsValid);
        Assert.Throws<GlobalCacheCellInvalidatedException>(() => cell.Value);
        Assert.Equal(0, cache.Stats.Invalidations);
        Assert.Empty(t.Unraisable);
    }

    [Fact]
    public void W27MidRunModuleUnload_DeadEntriesRefuseThenVanish_LiveEntriesMatchDirectLookUp()
    {
        ModuleUnloadScenario scenario = new();
        ScenarioOutcome outcome = scenario.Run();

        Assert.True(outcome.Passed, outcome.Reclaim);
        Assert.True(scenario.GlobalsFreed);
        Assert.True(scenario.CleanupDeferred);
        Assert.Equal(0, scenario.StaleReads);
        Assert.Equal(12, scenario.RefusedReads);
        Assert.Equal(0, scenario.Mismatches);
        Assert.Equal(new GlobalCacheStats(scenario.FinalStats.Hits, scenario.FinalStats.Refreshes, 3, 2), scenario.FinalStats);
        Assert.Empty(scenario.Unraisable);
    }

    [Fact]
    public void W27MidRunModuleUnload_ByCount_BuiltinsEventsBeforeTheSafePointNeverReadTheDeadGlobals()
    {
        using TestRuntime t = new();
        using GlobalCache cache = new(t.Runtime);
        using Owned<RcDict> builtins = t.Runtime.New<RcDict>().ToOwned();
        using Owned<Leaf> len = t.Runtime.New<Leaf>().ToOwned();
        builtins.Value.Set("len", len.Value);
        RcDict globals;
        GlobalCacheCell cell;
        using (Owned<RcDict> module = t.Runtime.New<RcDict>().ToOwned())
        {
            globals = module.Value;
            cell = cache.GetCell(globals, builtins.Value, "len");
            Assert.Same(len.Value, cell.Value);
        }

        Assert.Equal(RcObjectState.Freed, globals.State);
        builtins.Value.Set("len", builtins.Value);
        builtins.Value.Remove("len");
        builtins.Value.Set("len", len.Value);
        builtins.Value.Clear();
        Assert.Throws<GlobalCacheCellInvalidatedException>(() => cell.Value);
        Assert.Equal(1, cache.Stats.LiveEntries);

        t.Runtime.SafePoint();

        Assert.Equal(0, cache.Stats.LiveEntries);
        Assert.Equal(1, cache.Stats.Invalidations);
        Assert.False(builtins.Value.IsWatched);
        Assert.Empty(t.Unraisable);
    }

    [Fact]
    public void ReentrancyShape_DeallocatedArrivesAfterTheCollectorClearedTheCompanion_CleanupIsDeferredAndSafe()
    {
        // Unchecked mode, and a holder that hides its reference to globals from the collector: globals is then not
        // garbage itself but dies while the collector clears the garbage cycle holder ↔ builtins — in the same
        // collection, after its companion builtins was cleared (CinderX 2026-03-30).
        using TestRuntime t = new(checkedMode: false);
        using GlobalCache cache = new(t.Runtime);
        RcDict? builtinsSeen = null;
        RcObjectState companionState = RcObjectState.Alive;
        bool deferredPendingAtEvent = false;
        WatcherLog log = new(t.Runtime, (kind, dict, _, _) =>
        {
            if (kind == DictWatcherEvent.Deallocated && !ReferenceEquals(dict, builtinsSeen))
            {
                companionState = builtinsSeen!.State;
                deferredPendingAtEvent = t.Runtime.DeferredWorkCount > 0;
            }
        });
        RcDict globals;
        GlobalCacheCell cell;
        using (Owned<MissingTraverseNode> holder = t.Runtime.New<MissingTraverseNode>().ToOwned())
        using (Owned<RcDict> g = t.Runtime.New<RcDict>().ToOwned())
        using (Owned<RcDict> b = t.Runtime.New<RcDict>().ToOwned())
        {
            globals = g.Value;
            builtinsSeen = b.Value;
            holder.Value.Visible.Set(b.Value);
            holder.Value.Hidden.Set(g.Value);
            b.Value.Set("holder", holder.Value);
            g.Value.Watch(log.Id);
            b.Value.Watch(log.Id);
            cell = cache.GetCell(g.Value, b.Value, "holder");
            Assert.Same(holder.Value, cell.Value);
        }

        t.Gc.Collect();

        WatcherLog.Event globalsDeath = Assert.Single(log.Events, e => ReferenceEquals(e.Dictionary, globals));
        Assert.Equal(DictWatcherEvent.Deallocated, globalsDeath.Kind);
        Assert.True(globalsDeath.DuringCollection);
        Assert.True(companionState is RcObjectState.Cleared or RcObjectState.Freed, $"companion was {companionState}");
        Assert.True(deferredPendingAtEvent);
        Assert.Equal(RcObjectState.Freed, globals.State);
        Assert.Equal(0, cache.Stats.Invalidations);
        Assert.Throws<GlobalCacheCellInvalidatedException>(() => cell.Value);

        t.Runtime.SafePoint();

        Assert.Equal(new GlobalCacheStats(cache.Stats.Hits, cache.Stats.Refreshes, 1, 0), cache.Stats);
        Assert.Empty(t.Unraisable);
    }

    [Fact]
    public void BothDictionariesInOneGarbageCycle_BothDeallocatedBeforeEitherIsCleared_RemovalWaitsForTheSafePoint()
    {
        using TestRuntime t = new();
        using GlobalCache cache = new(t.Runtime);
        List<(RcDict Dictionary, int Count, bool CompanionAlive)> deaths = [];
        RcDict? globals = null;
        RcDict? builtins = null;
        WatcherLog log = new(t.Runtime, (kind, dict, _, _) =>
        {
            if (kind == DictWatcherEvent.Deallocated)
            {
                RcDict companion = ReferenceEquals(dict, globals) ? builtins! : globals!;
                deaths.Add((dict, dict.Count, companion.IsAlive && companion.Count > 0));
            }
        });
        using (Owned<RcDict> g = t.Runtime.New<RcDict>().ToOwned())
        using (Owned<RcDict> b = t.Runtime.New<RcDict>().ToOwned())
        using (Owned<Node> module = t.Node("module"))
        {
            globals = g.Value;
            builtins = b.Value;
            module.Value.Next.Set(g.Value);
            g.Value.Set("__module__", module.Value);
            g.Value.Set("__builtins__", b.Value);
            b.Value.Set("__import__", module.Value);
            g.Value.Watch(log.Id);
            b.Value.Watch(log.Id);
            cache.GetCell(g.Value, b.Value, "__import__");
            cache.GetCell(g.Value, b.Value, "__module__");
        }

        CollectionResult result = t.Gc.Collect();

        Assert.Equal(3, result.Collected);
        Assert.Equal(2, deaths.Count);
        Assert.All(deaths, d => Assert.True(d.Count > 0 && d.CompanionAlive));
        Assert.Equal(2, t.Runtime.DeferredWorkCount);
        Assert.Equal(2, cache.Stats.LiveEntries);

        t.Runtime.SafePoint();

        Assert.Equal(0, cache.Stats.LiveEntries);
        Assert.Equal(2, cache.Stats.Invalidations);
        Assert.Empty(t.Unraisable);
    }
}
