using Reclaim.Cli.Scenarios.Model;

namespace Reclaim.Cli.Scenarios;

/// <summary>
/// CinderX push 59: during interpreter shutdown a module's <c>globals</c> is freed, then <c>builtins</c> is cleared; the
/// JIT's global cache, keyed on raw pointers, handled the Cleared event on builtins by reading the freed globals.
/// Here the cache holds weak handles, and watchers are suppressed once shutdown has begun.
/// </summary>
public sealed class GlobalCacheShutdownScenario : SeedScenario
{
    /// <inheritdoc/>
    public override string Seed => "000";

    /// <inheritdoc/>
    public override string Name => "global cache at shutdown: globals freed, then builtins cleared (push 59)";

    /// <inheritdoc/>
    public override string Original => "Cleared event on builtins made the cache dereference the freed globals: SEGV on ARM64 pydebug, silent on x86_64";

    /// <summary>Whether globals was already freed when builtins was cleared.</summary>
    public bool GlobalsFreedBeforeBuiltinsCleared { get; private set; }

    /// <summary>The runtime's state when builtins was cleared.</summary>
    public RuntimeState StateWhenBuiltinsCleared { get; private set; }

    /// <summary>Whether builtins was empty after the clear.</summary>
    public bool BuiltinsCleared { get; private set; }

    /// <summary>Watcher events delivered after shutdown began (a recording watcher counts them).</summary>
    public int EventsDuringShutdown { get; private set; }

    /// <summary>The cache's statistics just before shutdown.</summary>
    public GlobalCacheStats StatsBeforeShutdown { get; private set; }

    /// <summary>The cache's statistics after shutdown.</summary>
    public GlobalCacheStats StatsAfterShutdown { get; private set; }

    /// <summary>What disposing the cache after shutdown threw, if anything.</summary>
    public Exception? TeardownFailure { get; private set; }

    /// <inheritdoc/>
    public override ScenarioOutcome Run()
    {
        Runtime runtime = CreateRuntime(checkedMode: true);
        GlobalCache cache = new(runtime);
        int recorder = runtime.AddDictWatcher((_, _, _, _) =>
        {
            if (runtime.State != RuntimeState.Running)
            {
                EventsDuringShutdown++;
            }
        });

        // builtins is an interpreter root: it lives until shutdown clears it.
        RcDict builtins = runtime.New<RcDict>().Take();
        using (Owned<NoisyObject> len = runtime.Adopt(new NoisyObject { Name = "len" }).ToOwned())
        {
            builtins.Set("len", len.Value);
        }

        builtins.Watch(recorder);
        RcDict globals = BuildModule(runtime, recorder);
        GlobalCacheCell f = cache.GetCell(globals, builtins, "f");
        GlobalCacheCell len2 = cache.GetCell(globals, builtins, "len");
        _ = f.Value;
        _ = len2.Value;

        // Allocated after the module, so the final collection frees it after globals.
        using (Owned<ShutdownStep> clearBuiltins = runtime.Adopt(new ShutdownStep
        {
            Action = () =>
            {
                GlobalsFreedBeforeBuiltinsCleared = globals.State == RcObjectState.Freed;
                StateWhenBuiltinsCleared = runtime.State;
                builtins.Clear();
                BuiltinsCleared = builtins.Count == 0;
            },
        }).ToOwned())
        {
            clearBuiltins.Value.Self.Set(clearBuiltins.Value);
        }

        StatsBeforeShutdown = cache.Stats;
        ReachKeyMoment(runtime, "before shutdown: the module's globals cycle is garbage, builtins is still referenced", globals, ("globals", globals), ("builtins", builtins));
        runtime.Dispose();
        StatsAfterShutdown = cache.Stats;
        try
        {
            cache.Dispose();
        }
        catch (Exception exception)
        {
            TeardownFailure = exception;
        }

        bool passed = GlobalsFreedBeforeBuiltinsCleared
            && StateWhenBuiltinsCleared == RuntimeState.ShuttingDown
            && BuiltinsCleared
            && EventsDuringShutdown == 0
            && StatsAfterShutdown == StatsBeforeShutdown
            && TeardownFailure is null
            && Unraisable.Count == 0;
        return new ScenarioOutcome(
            passed,
            $"globals freed then builtins cleared during shutdown with watchers suppressed ({EventsDuringShutdown} events); the cache was never called and its teardown touched no dictionary");
    }

    /// <summary>A module whose globals and function form a cycle (<c>f.__globals__</c>), left as garbage for shutdown.</summary>
    private static RcDict BuildModule(Runtime runtime, int recorder)
    {
        using Owned<NoisyObject> module = runtime.Adopt(new NoisyObject { Name = "module" }).ToOwned();
        using Owned<RcDict> globals = runtime.New<RcDict>().ToOwned();
        using Owned<FunctionObject> function = runtime.Adopt(new FunctionObject { Name = "f" }).ToOwned();
        module.Value.Ref.Set(globals.Value);
        globals.Value.Set("__module__", module.Value);
        globals.Value.Set("f", function.Value);
        function.Value.Closure.Set(globals.Value);
        globals.Value.Watch(recorder);
        return globals.Value;
    }
}
