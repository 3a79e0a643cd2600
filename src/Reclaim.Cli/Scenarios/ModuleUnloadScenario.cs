using Reclaim.Cli.Scenarios.Model;

namespace Reclaim.Cli.Scenarios;

/// <summary>
/// CinderX W27 §4, the hole the push-59 fix left open: a module is unloaded mid-run (its globals dictionary dies while the
/// JIT cache still has entries for it), then builtins is modified and cleared. Here the dead module's cells refuse to be
/// read from the moment its globals goes away, the live module's cells keep matching a direct look-up, and the dead
/// entries are removed at the next safe point.
/// </summary>
public sealed class ModuleUnloadScenario : SeedScenario
{
    private static readonly string[] s_unloadedNames = ["f", "len", "print"];
    private static readonly string[] s_liveNames = ["x", "len"];

    /// <inheritdoc/>
    public override string Seed => "000";

    /// <inheritdoc/>
    public override string Name => "mid-run module unload, then builtins modified and cleared (W27 §4)";

    /// <inheritdoc/>
    public override string Original => "unaddressed after push 59: the cache keeps raw pointers to the unloaded module's freed globals, and the next builtins event dereferences them";

    /// <summary>Whether the unloaded module's globals was freed by the collection.</summary>
    public bool GlobalsFreed { get; private set; }

    /// <summary>Whether the removal of the dead entries was still waiting for a safe point after the collection.</summary>
    public bool CleanupDeferred { get; private set; }

    /// <summary>Reads of the unloaded module's cells, each refused with <see cref="GlobalCacheCellInvalidatedException"/>.</summary>
    public int RefusedReads { get; private set; }

    /// <summary>Reads of the unloaded module's cells that returned a value instead (must stay 0).</summary>
    public int StaleReads { get; private set; }

    /// <summary>Checks of the live module's cells against a direct look-up that disagreed (must stay 0).</summary>
    public int Mismatches { get; private set; }

    /// <summary>The cache's statistics at the end.</summary>
    public GlobalCacheStats FinalStats { get; private set; }

    /// <inheritdoc/>
    public override ScenarioOutcome Run()
    {
        using Runtime runtime = CreateRuntime(checkedMode: true);
        using GlobalCache cache = new(runtime);
        using Owned<RcDict> builtins = runtime.New<RcDict>().ToOwned();
        using Owned<RcDict> mainGlobals = runtime.New<RcDict>().ToOwned();
        Bind(runtime, builtins.Value, "len", "print");
        Bind(runtime, mainGlobals.Value, "x");

        Owned<NoisyObject> module = LoadModule(runtime, out RcDict unloadedGlobals);
        GlobalCacheCell[] unloaded = [.. s_unloadedNames.Select(name => cache.GetCell(unloadedGlobals, builtins.Value, name))];
        GlobalCacheCell[] live = [.. s_liveNames.Select(name => cache.GetCell(mainGlobals.Value, builtins.Value, name))];
        using Owned<WeakRef> globalsRef = runtime.WeakRef(unloadedGlobals).ToOwned();
        CheckLive(live, mainGlobals.Value, builtins.Value);

        // del sys.modules['m']; del m; gc.collect()
        ReachKeyMoment(runtime, "before the module is dropped: its globals and function form a cycle; main globals and builtins stay", unloadedGlobals, ("unloaded globals", unloadedGlobals), ("builtins", builtins.Value), ("main globals", mainGlobals.Value));
        module.Dispose();
        runtime.Gc.Collect();
        GlobalsFreed = globalsRef.Value.IsDead && unloadedGlobals.State == RcObjectState.Freed;
        CleanupDeferred = runtime.DeferredWorkCount > 0 && cache.Stats.Invalidations == 0;
        ReadUnloaded(unloaded);

        using (Owned<NoisyObject> newLen = runtime.Adopt(new NoisyObject { Name = "len v2" }).ToOwned())
        {
            builtins.Value.Set("len", newLen.Value);
        }

        ReadUnloaded(unloaded);
        CheckLive(live, mainGlobals.Value, builtins.Value);
        builtins.Value.Clear();
        ReadUnloaded(unloaded);
        CheckLive(live, mainGlobals.Value, builtins.Value);

        runtime.SafePoint();
        ReadUnloaded(unloaded);
        CheckLive(live, mainGlobals.Value, builtins.Value);
        FinalStats = cache.Stats;

        bool passed = GlobalsFreed
            && CleanupDeferred
            && StaleReads == 0
            && RefusedReads == 4 * unloaded.Length
            && Mismatches == 0
            && FinalStats.LiveEntries == live.Length
            && FinalStats.Invalidations == unloaded.Length
            && Unraisable.Count == 0;
        return new ScenarioOutcome(
            passed,
            $"the unloaded module's cells refused all {RefusedReads} reads (weak handle dead), the live module's cells matched a direct look-up at every step, and the safe point removed the {FinalStats.Invalidations} dead entries");
    }

    private static void Bind(Runtime runtime, RcDict dictionary, params string[] names)
    {
        foreach (string name in names)
        {
            using Owned<NoisyObject> value = runtime.Adopt(new NoisyObject { Name = name }).ToOwned();
            dictionary.Set(name, value.Value);
        }
    }

    /// <summary>A module whose globals and function form a cycle (<c>f.__globals__</c>); the owned reference is <c>sys.modules['m']</c>.</summary>
    private static Owned<NoisyObject> LoadModule(Runtime runtime, out RcDict globals)
    {
        Owned<NoisyObject> module = runtime.Adopt(new NoisyObject { Name = "m" }).ToOwned();
        using Owned<RcDict> moduleGlobals = runtime.New<RcDict>().ToOwned();
        using Owned<FunctionObject> function = runtime.Adopt(new FunctionObject { Name = "f" }).ToOwned();
        module.Value.Ref.Set(moduleGlobals.Value);
        moduleGlobals.Value.Set("__module__", module.Value);
        moduleGlobals.Value.Set("f", function.Value);
        Bind(runtime, moduleGlobals.Value, "print");
        function.Value.Closure.Set(moduleGlobals.Value);
        globals = moduleGlobals.Value;
        return module;
    }

    private void ReadUnloaded(GlobalCacheCell[] cells)
    {
        foreach (GlobalCacheCell cell in cells)
        {
            try
            {
                _ = cell.Value;
                StaleReads++;
            }
            catch (GlobalCacheCellInvalidatedException)
            {
                RefusedReads++;
            }
        }
    }

    private void CheckLive(GlobalCacheCell[] cells, RcDict globals, RcDict builtins)
    {
        foreach (GlobalCacheCell cell in cells)
        {
            RcObject? direct = globals.TryGetValue(cell.Name, out RcObject? value) || builtins.TryGetValue(cell.Name, out value) ? value : null;
            if (!ReferenceEquals(cell.Value, direct))
            {
                Mismatches++;
            }
        }
    }
}
