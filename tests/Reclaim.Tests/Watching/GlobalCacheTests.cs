using Reclaim.Tests.Support;

namespace Reclaim.Tests.Watching;

public sealed class GlobalCacheTests
{
    [Fact]
    public void GetCell_GivesGlobalsThenBuiltinsThenNull_AndTheSameCellForTheSameTriple()
    {
        using Fixture f = new();
        f.Globals.Set("x", f.A);
        f.Builtins.Set("x", f.B);
        f.Builtins.Set("len", f.B);

        Assert.Same(f.A, f.Cell("x").Value);
        Assert.Same(f.B, f.Cell("len").Value);
        Assert.Null(f.Cell("missing").Value);
        Assert.False(f.Cell("missing").TryGetValue(out _));
        Assert.Same(f.Cell("x"), f.Cell("x"));
        Assert.True(f.Globals.IsWatched);
        Assert.True(f.Builtins.IsWatched);
    }

    [Fact]
    public void GlobalsChanges_ShadowAndUnshadowBuiltins()
    {
        using Fixture f = new();
        f.Builtins.Set("len", f.B);
        GlobalCacheCell len = f.Cell("len");

        f.Globals.Set("len", f.A);
        Assert.Same(f.A, len.Value);
        f.Globals.Remove("len");
        Assert.Same(f.B, len.Value);
        f.Globals.Set("len", f.A);
        f.Globals.Clear();
        Assert.Same(f.B, len.Value);
    }

    [Fact]
    public void BuiltinsChanges_ShowOnlyWhereGlobalsLacksTheName()
    {
        using Fixture f = new();
        f.Globals.Set("shadowed", f.A);
        GlobalCacheCell shadowed = f.Cell("shadowed");
        GlobalCacheCell plain = f.Cell("plain");

        f.Builtins.Set("shadowed", f.B);
        f.Builtins.Set("plain", f.B);
        Assert.Same(f.A, shadowed.Value);
        Assert.Same(f.B, plain.Value);
        f.Builtins.Set("plain", f.C);
        Assert.Same(f.C, plain.Value);
        f.Builtins.Clear();
        Assert.Same(f.A, shadowed.Value);
        Assert.Null(plain.Value);
    }

    [Fact]
    public void CloneIntoEmptyGlobals_RefreshesFromTheSource()
    {
        using Fixture f = new();
        f.Builtins.Set("x", f.B);
        GlobalCacheCell x = f.Cell("x");
        GlobalCacheCell y = f.Cell("y");
        using Owned<RcDict> source = f.Runtime.New<RcDict>().ToOwned();
        source.Value.Set("x", f.A);

        f.Globals.Update(source.Value);

        Assert.Same(f.A, x.Value);
        Assert.Null(y.Value);
    }

    [Fact]
    public void SameDictionaryAsGlobalsAndBuiltins_FollowsEveryChange()
    {
        using Fixture f = new();
        GlobalCacheCell cell = f.Cache.GetCell(f.Globals, f.Globals, "x");

        f.Globals.Set("x", f.A);
        Assert.Same(f.A, cell.Value);
        f.Globals.Remove("x");
        Assert.Null(cell.Value);
        f.Globals.Set("x", f.B);
        f.Globals.Clear();
        Assert.Null(cell.Value);
    }

    [Fact]
    public void ReleaseOfAReplacedValue_SeesTheNewValueThroughTheCell()
    {
        using Fixture f = new();
        GlobalCacheCell cell = f.Cell("x");
        RcObject? seen = null;
        using (Owned<Node> old = f.Test.Node("old"))
        {
            old.Value.OnFreeAction = _ => seen = cell.Value;
            f.Globals.Set("x", old.Value);
        }

        f.Globals.Set("x", f.A);

        Assert.Same(f.A, seen);
    }

    [Fact]
    public void Stats_CountHitsRefreshesAndLiveEntries()
    {
        using Fixture f = new();
        f.Globals.Set("x", f.A);
        GlobalCacheCell x = f.Cell("x");
        f.Cell("y");

        _ = x.Value;
        _ = x.Value;
        f.Globals.Set("x", f.B);
        _ = x.Value;

        Assert.Equal(new GlobalCacheStats(Hits: 3, Refreshes: 3, Invalidations: 0, LiveEntries: 2), f.Cache.Stats);
    }

    [Fact]
    public void GlobalsDies_CellsRefuseAtOnce_AndTheEntriesGoAtTheNextSafePoint()
    {
        using Fixture f = new();
        f.Builtins.Set("len", f.B);
        Owned<RcDict> module = f.Runtime.New<RcDict>().ToOwned();
        module.Value.Set("x", f.A);
        GlobalCacheCell x = f.Cache.GetCell(module.Value, f.Builtins, "x");
        GlobalCacheCell len = f.Cache.GetCell(module.Value, f.Builtins, "len");

        module.Dispose();

        Assert.False(x.IsValid);
        GlobalCacheCellInvalidatedException error = Assert.Throws<GlobalCacheCellInvalidatedException>(() => x.Value);
        Assert.Equal("x", error.Name);
        Assert.Contains("globals", error.Reason, StringComparison.Ordinal);
        Assert.Throws<GlobalCacheCellInvalidatedException>(() => len.TryGetValue(out _));
        Assert.Equal(2, f.Cache.Stats.LiveEntries);
        Assert.Equal(1, f.Runtime.DeferredWorkCount);

        f.Runtime.SafePoint();

        Assert.Equal(0, f.Cache.Stats.LiveEntries);
        Assert.Equal(2, f.Cache.Stats.Invalidations);
        Assert.False(f.Builtins.IsWatched);
        Assert.Equal(0, f.Runtime.GetWeakRefCount(f.Builtins));
        Assert.Throws<GlobalCacheCellInvalidatedException>(() => x.Value);
        Assert.Empty(f.Test.Unraisable);
    }

    [Fact]
    public void BuiltinsDies_CellsRefuse_GlobalsIsUnwatchedAtTheSafePoint()
    {
        using Fixture f = new();
        Owned<RcDict> builtins = f.Runtime.New<RcDict>().ToOwned();
        GlobalCacheCell cell = f.Cache.GetCell(f.Globals, builtins.Value, "x");

        builtins.Dispose();

        Assert.Contains("builtins", Assert.Throws<GlobalCacheCellInvalidatedException>(() => cell.Value).Reason, StringComparison.Ordinal);
        f.Runtime.SafePoint();
        Assert.False(f.Globals.IsWatched);
        Assert.Equal(1, f.Cache.Stats.Invalidations);
    }

    [Fact]
    public void GetCell_CollectionDuringTracking_RemovesTheOnlyOtherCellOfGlobals_CellStillWatchedAndValid()
    {
        using TestRuntime t = new(automaticCollection: true);
        using GlobalCache cache = new(t.Runtime);
        using Owned<RcDict> globals = t.Runtime.New<RcDict>().ToOwned();
        using Owned<Leaf> value = t.Runtime.New<Leaf>().ToOwned();
        using (Owned<RcDict> oldBuiltins = t.Runtime.New<RcDict>().ToOwned())
        {
            cache.GetCell(globals.Value, oldBuiltins.Value, "x");
        }

        using Owned<RcDict> newBuiltins = t.Runtime.New<RcDict>().ToOwned();

        // The removal of the dead builtins' cell waits for a safe point: the collection that the weak handle for the
        // new builtins starts inside GetCell. It takes globals' only cell, and with it the cache's record of globals.
        Assert.Equal(1, t.Runtime.DeferredWorkCount);
        t.Gc.SetThreshold(1);
        GlobalCacheCell cell = cache.GetCell(globals.Value, newBuiltins.Value, "x");
        globals.Value.Set("x", value.Value);

        Assert.True(cell.IsValid);
        Assert.Same(value.Value, cell.Value);
        Assert.True(globals.Value.IsWatched);
        Assert.Empty(t.Unraisable);
    }

    [Fact]
    public void Dispose_InvalidatesCells_UnwatchesDictionaries_AndFreesTheWatcherSlot()
    {
        using Fixture f = new();
        GlobalCacheCell cell = f.Cell("x");
        int watcherId = f.Cache.WatcherId;

        f.Cache.Dispose();
        f.Cache.Dispose();

        Assert.Contains("disposed", Assert.Throws<GlobalCacheCellInvalidatedException>(() => cell.Value).Reason, StringComparison.Ordinal);
        Assert.False(f.Globals.IsWatched);
        Assert.Equal(0, f.Runtime.GetWeakRefCount(f.Globals));
        Assert.Throws<UnknownDictWatcherException>(() => f.Runtime.ClearDictWatcher(watcherId));
        Assert.Throws<ObjectDisposedException>(() => f.Cell("x"));
    }

    [Fact]
    public void GetCell_FreedDictionary_ThrowsObjectFreed()
    {
        using Fixture f = new();
        RcDict dead = f.Runtime.Allocate<RcDict>();
        dead.Release();

        Assert.Equal("GlobalCache.GetCell", Assert.Throws<ObjectFreedException>(() => f.Cache.GetCell(dead, f.Builtins, "x")).Operation);
        Assert.Throws<ObjectFreedException>(() => f.Cache.GetCell(f.Globals, dead, "x"));
        Assert.Throws<ArgumentNullException>(() => f.Cache.GetCell(f.Globals, f.Builtins, null!));
    }

    [Fact]
    public void Constructor_NoWatcherSlotLeft_ThrowsDictWatcherLimit()
    {
        using TestRuntime t = new();
        for (int i = 0; i < Runtime.MaxDictWatchers; i++)
        {
            t.Runtime.AddDictWatcher((_, _, _, _) => { });
        }

        Assert.Throws<DictWatcherLimitException>(() => new GlobalCache(t.Runtime));
    }

    [Fact]
    public void DuringShutdown_CellsReadThroughToTheDictionaries()
    {
        TestRuntime t = new();
        using GlobalCache cache = new(t.Runtime);
        RcDict globals = t.Runtime.New<RcDict>().Take();
        RcDict builtins = t.Runtime.New<RcDict>().Take();
        Leaf before = t.Runtime.Allocate<Leaf>();
        Leaf after = t.Runtime.Allocate<Leaf>();
        globals.Set("x", before);
        GlobalCacheCell cell = cache.GetCell(globals, builtins, "x");
        RcObject? readDuringShutdown = null;
        using (Owned<Node> step = t.Node("shutdown step"))
        {
            step.Value.Next.Set(step.Value);
            step.Value.OnFreeAction = _ =>
            {
                globals.Set("x", after);
                readDuringShutdown = cell.Value;
            };
        }

        t.Dispose();

        Assert.Same(after, readDuringShutdown);
        Assert.Throws<RuntimeShutDownException>(() => cell.Value);
        Assert.Empty(t.Unraisable);
    }

    /// <summary>A runtime, a cache, a globals and a builtins dictionary, and three values.</summary>
    private sealed class Fixture : IDisposable
    {
        private readonly Owned<RcDict> _globals;
        private readonly Owned<RcDict> _builtins;
        private readonly Owned<Leaf>[] _values;

        public Fixture()
        {
            Cache = new GlobalCache(Test.Runtime);
            _globals = Runtime.New<RcDict>().ToOwned();
            _builtins = Runtime.New<RcDict>().ToOwned();
            _values = [Runtime.New<Leaf>().ToOwned(), Runtime.New<Leaf>().ToOwned(), Runtime.New<Leaf>().ToOwned()];
        }

        public TestRuntime Test { get; } = new();

        public Runtime Runtime => Test.Runtime;

        public GlobalCache Cache { get; }

        public RcDict Globals => _globals.Value;

        public RcDict Builtins => _builtins.Value;

        public Leaf A => _values[0].Value;

        public Leaf B => _values[1].Value;

        public Leaf C => _values[2].Value;

        public GlobalCacheCell Cell(string name) => Cache.GetCell(Globals, Builtins, name);

        public void Dispose()
        {
            Cache.Dispose();
            _globals.Dispose();
            _builtins.Dispose();
            foreach (Owned<Leaf> value in _values)
            {
                value.Dispose();
            }

            Test.Dispose();
        }
    }
}
