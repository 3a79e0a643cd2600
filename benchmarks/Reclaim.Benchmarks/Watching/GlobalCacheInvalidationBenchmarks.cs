using BenchmarkDotNet.Attributes;

namespace Reclaim.Benchmarks.Watching;

/// <summary>
/// What it costs when cached modules' globals die: each dictionary's own teardown, its Deallocated event, and the
/// cache's deferred removal of its entries at the next safe point. Every invocation drops globals holding
/// <see cref="EntriesPerInvoke"/> entries in all (many small dictionaries or a few large ones), so the reported time is
/// per entry: if invalidation is linear in the dying dictionary's own entries, it stays flat as
/// <see cref="EntriesPerDictionary"/> grows, and it does not grow with the cells other modules keep on the same builtins
/// (<see cref="OtherCells"/>).
/// </summary>
[MemoryDiagnoser]
[InvocationCount(1)]
public class GlobalCacheInvalidationBenchmarks
{
    /// <summary>Entries dropped by one invocation, over all the dictionaries it drops.</summary>
    public const int EntriesPerInvoke = 100_000;

    private Runtime _runtime = null!;
    private GlobalCache _cache = null!;
    private RcDict _builtins = null!;
    private RcDict _otherGlobals = null!;
    private RcDict _value = null!;
    private RcDict[] _modules = [];

    /// <summary>Entries (and cells, one per name) in each globals that dies.</summary>
    [Params(10, 100, 1000, 10000)]
    public int EntriesPerDictionary { get; set; }

    /// <summary>Cells another, living module keeps on the same builtins, for the same names.</summary>
    [Params(0, 10000)]
    public int OtherCells { get; set; }

    /// <summary>The builtins and the other module, shared by every iteration.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _runtime = Runtime.Create();
        _runtime.Gc.Disable();
        _cache = new GlobalCache(_runtime);
        _builtins = _runtime.Allocate<RcDict>();
        _otherGlobals = _runtime.Allocate<RcDict>();
        _value = _runtime.Allocate<RcDict>();
        for (int i = 0; i < OtherCells; i++)
        {
            _cache.GetCell(_otherGlobals, _builtins, Name(i));
        }
    }

    /// <summary>Shuts the runtime down.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _cache.Dispose();
        _runtime.Dispose();
    }

    /// <summary>Modules' globals with their entries, and a cell for each of their names.</summary>
    [IterationSetup(Target = nameof(DropCachedGlobals))]
    public void SetupCached()
    {
        SetupPlain();
        foreach (RcDict globals in _modules)
        {
            for (int i = 0; i < EntriesPerDictionary; i++)
            {
                _cache.GetCell(globals, _builtins, Name(i));
            }
        }
    }

    /// <summary>The same globals, with no cells: the dictionaries' own teardown.</summary>
    [IterationSetup(Target = nameof(DropPlainGlobals))]
    public void SetupPlain()
    {
        _modules = new RcDict[EntriesPerInvoke / EntriesPerDictionary];
        for (int m = 0; m < _modules.Length; m++)
        {
            RcDict globals = _runtime.Allocate<RcDict>();
            for (int i = 0; i < EntriesPerDictionary; i++)
            {
                globals.Set(Name(i), _value);
            }

            _modules[m] = globals;
        }
    }

    /// <summary>Each globals dies, and the next safe point removes its cells.</summary>
    [Benchmark(OperationsPerInvoke = EntriesPerInvoke)]
    public void DropCachedGlobals()
    {
        foreach (RcDict globals in _modules)
        {
            globals.Release();
            _runtime.SafePoint();
        }
    }

    /// <summary>Each globals dies; nothing caches it.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = EntriesPerInvoke)]
    public void DropPlainGlobals()
    {
        foreach (RcDict globals in _modules)
        {
            globals.Release();
            _runtime.SafePoint();
        }
    }

    private static string Name(int i) => $"name{i}";
}
