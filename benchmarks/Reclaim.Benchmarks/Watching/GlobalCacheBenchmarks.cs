using BenchmarkDotNet.Attributes;

namespace Reclaim.Benchmarks.Watching;

/// <summary>
/// A global-name look-up as JIT-compiled code does it: through a <see cref="GlobalCacheCell"/>, against the direct
/// two-dictionary look-up (globals misses, builtins hits) that the cell stands for.
/// </summary>
[MemoryDiagnoser]
public class GlobalCacheBenchmarks
{
    private const int Loop = 1000;
    private const int GlobalNames = 50;
    private const int BuiltinNames = 150;

    private readonly string _name = "len";
    private Runtime _runtime = null!;
    private GlobalCache _cache = null!;
    private RcDict _globals = null!;
    private RcDict _builtins = null!;
    private GlobalCacheCell _cell = null!;

    /// <summary>A module's globals and a builtins dictionary of typical sizes, and the cell for <c>len</c>.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _runtime = Runtime.Create();
        _cache = new GlobalCache(_runtime);
        _globals = _runtime.Allocate<RcDict>();
        _builtins = _runtime.Allocate<RcDict>();
        using Owned<RcDict> value = _runtime.New<RcDict>().ToOwned();
        for (int i = 0; i < GlobalNames; i++)
        {
            _globals.Set($"global{i}", value.Value);
        }

        for (int i = 0; i < BuiltinNames; i++)
        {
            _builtins.Set($"builtin{i}", value.Value);
        }

        _builtins.Set("len", value.Value);
        _cell = _cache.GetCell(_globals, _builtins, _name);
    }

    /// <summary>Shuts the runtime down.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _cache.Dispose();
        _runtime.Dispose();
    }

    /// <summary>Globals, then builtins: two hash look-ups of the name.</summary>
    /// <returns>The value found.</returns>
    [Benchmark(Baseline = true, OperationsPerInvoke = Loop)]
    public RcObject? DirectLookUp()
    {
        RcObject? value = null;
        for (int i = 0; i < Loop; i++)
        {
            if (!_globals.TryGetValue(_name, out value))
            {
                _builtins.TryGetValue(_name, out value);
            }
        }

        return value;
    }

    /// <summary>The cell: its validity checks and the cached value.</summary>
    /// <returns>The value found.</returns>
    [Benchmark(OperationsPerInvoke = Loop)]
    public RcObject? CachedLookUp()
    {
        RcObject? value = null;
        GlobalCacheCell cell = _cell;
        for (int i = 0; i < Loop; i++)
        {
            value = cell.Value;
        }

        return value;
    }
}
