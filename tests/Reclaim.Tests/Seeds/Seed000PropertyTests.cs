using Reclaim.Tests.Support;

namespace Reclaim.Tests.Seeds;

/// <summary>
/// Seed 000, property form: random mutations of globals and builtins interleaved with cached look-ups, dictionaries
/// dropped (by count, or as cyclic garbage left for the collector), collections and safe points. Whatever happens, a
/// cell gives exactly what a direct look-up gives while both its dictionaries live, and refuses to be read after.
/// </summary>
public sealed class Seed000PropertyTests
{
    private const int Seeds = 60;
    private const int StepsPerSeed = 250;
    private static readonly string[] s_names = ["a", "b", "c", "len", "__module__"];

    [Fact]
    public void RandomPrograms_CachedValueAlwaysEqualsDirectLookUp()
    {
        for (int seed = 1; seed <= Seeds; seed++)
        {
            new Program(seed).Run();
        }
    }

    /// <summary>One random program; every failure names its seed and step.</summary>
    private sealed class Program(int seed)
    {
        private readonly Random _random = new(seed);
        private readonly List<Dict> _globals = [];
        private readonly List<Dict> _builtins = [];
        private readonly List<TrackedCell> _cells = [];
        private int _step;

        public void Run()
        {
            TestRuntime t = new(automaticCollection: seed % 2 == 0);
            if (seed % 2 == 0)
            {
                t.Gc.SetThreshold(40);
            }

            Runtime runtime = t.Runtime;
            GlobalCache cache = new(runtime);
            Owned<Leaf>[] values = [.. Enumerable.Range(0, 4).Select(_ => runtime.New<Leaf>().ToOwned())];
            _builtins.Add(Dict.Create(runtime, cyclic: false));
            _globals.Add(Dict.Create(runtime, cyclic: true));

            for (_step = 0; _step < StepsPerSeed; _step++)
            {
                Act(runtime, cache, values);
                Verify();
            }

            runtime.SafePoint();
            Verify();
            int live = _cells.Select(c => c.Cell).Distinct().Count(c => c.IsValid);
            Check(cache.Stats.LiveEntries == live, $"live entries {cache.Stats.LiveEntries}, expected {live}");
            Check(t.Unraisable.Count == 0, $"unraisable: {string.Join("; ", t.Unraisable)}");

            cache.Dispose();
            foreach (Dict dict in _globals.Concat(_builtins))
            {
                dict.Drop();
                dict.Weak.Dispose();
            }

            foreach (Owned<Leaf> value in values)
            {
                value.Dispose();
            }

            t.Dispose();
        }

        private void Act(Runtime runtime, GlobalCache cache, Owned<Leaf>[] values)
        {
            Dict? target = Pick(_random.Next(2) == 0 ? _globals : _builtins);
            string name = s_names[_random.Next(s_names.Length)];
            switch (_random.Next(20))
            {
                case < 7 when target is not null:
                    target.Set(name, values[_random.Next(values.Length)].Value);
                    break;
                case < 10 when target is not null:
                    target.Remove(name);
                    break;
                case 10 when target is not null:
                    target.Clear();
                    break;
                case 11 when target is not null:
                    target.UpdateFromFresh(runtime, name, values[_random.Next(values.Length)].Value);
                    break;
                case < 15:
                    if (Pick(_globals) is { } g && Pick(_builtins) is { } b)
                    {
                        _cells.Add(new TrackedCell(cache.GetCell(g.Value, b.Value, name), g, b, name));
                    }

                    break;
                case 15:
                    Pick(_random.Next(3) == 0 ? _builtins : _globals)?.Drop();
                    break;
                case 16:
                    if (_globals.Count(d => d.IsAlive) < 4)
                    {
                        _globals.Add(Dict.Create(runtime, cyclic: _random.Next(2) == 0));
                    }
                    else if (_builtins.Count(d => d.IsAlive) < 2)
                    {
                        _builtins.Add(Dict.Create(runtime, cyclic: false));
                    }

                    break;
                case 17:
                    runtime.Gc.Collect(_random.Next(3));
                    break;
                case 18:
                    runtime.SafePoint();
                    break;
                default:
                    foreach (TrackedCell cell in _cells.Where(c => c.Cell.IsValid))
                    {
                        _ = cell.Cell.Value;
                    }

                    break;
            }

            if (_globals.All(d => !d.IsAlive))
            {
                _globals.Add(Dict.Create(runtime, cyclic: true));
            }

            if (_builtins.All(d => !d.IsAlive))
            {
                _builtins.Add(Dict.Create(runtime, cyclic: false));
            }
        }

        private void Verify()
        {
            foreach (Dict dict in _globals.Concat(_builtins).Where(d => d.IsAlive))
            {
                dict.VerifyAgainstModel(Check);
            }

            foreach (TrackedCell tracked in _cells)
            {
                if (tracked.Globals.IsAlive && tracked.Builtins.IsAlive)
                {
                    RcObject? direct = tracked.Globals.LookUp(tracked.Name) ?? tracked.Builtins.LookUp(tracked.Name);
                    RcObject? cached = tracked.Cell.Value;
                    Check(ReferenceEquals(cached, direct), $"cell '{tracked.Name}' gave {cached?.ToString() ?? "null"}, direct look-up {direct?.ToString() ?? "null"}");
                }
                else
                {
                    Check(!tracked.Cell.IsValid, $"cell '{tracked.Name}' still valid after its dictionary died");
                    Check(Record.Exception(() => tracked.Cell.Value) is GlobalCacheCellInvalidatedException, $"cell '{tracked.Name}' was read after its dictionary died");
                }
            }
        }

        private Dict? Pick(List<Dict> dicts)
        {
            Dict[] live = [.. dicts.Where(d => d.IsAlive)];
            return live.Length == 0 ? null : live[_random.Next(live.Length)];
        }

        private void Check(bool condition, string message)
        {
            if (!condition)
            {
                Assert.Fail($"seed {seed}, step {_step}: {message}");
            }
        }
    }

    private sealed record TrackedCell(GlobalCacheCell Cell, Dict Globals, Dict Builtins, string Name);

    /// <summary>A dictionary under test, a plain model of what it should contain, and a weak reference to tell whether it lives.</summary>
    private sealed class Dict
    {
        private readonly Dictionary<string, RcObject> _model = [];
        private IDisposable? _owner;

        private Dict(RcDict value, IDisposable owner, Owned<WeakRef> weak)
        {
            Value = value;
            _owner = owner;
            Weak = weak;
        }

        public RcDict Value { get; }

        public Owned<WeakRef> Weak { get; }

        public bool IsAlive => !Weak.Value.IsDead;

        /// <summary>
        /// A dictionary owned directly, or (<paramref name="cyclic"/>) a module whose globals refers back to it, so that
        /// dropping the module leaves cyclic garbage for the collector.
        /// </summary>
        public static Dict Create(Runtime runtime, bool cyclic)
        {
            Owned<RcDict> dict = runtime.New<RcDict>().ToOwned();
            Owned<WeakRef> weak = runtime.WeakRef(dict.Value).ToOwned();
            if (!cyclic)
            {
                return new Dict(dict.Value, dict, weak);
            }

            Owned<Node> module = runtime.Adopt(new Node { Name = "module" }).ToOwned();
            module.Value.Next.Set(dict.Value);
            Dict result = new(dict.Value, module, weak);
            result.Set("__module__", module.Value);
            dict.Dispose();
            return result;
        }

        public RcObject? LookUp(string name) => Value.TryGetValue(name, out RcObject? value) ? value : null;

        public void Set(string name, RcObject value)
        {
            Value.Set(name, value);
            _model[name] = value;
        }

        public void Remove(string name)
        {
            Value.Remove(name);
            _model.Remove(name);
        }

        public void Clear()
        {
            Value.Clear();
            _model.Clear();
        }

        public void UpdateFromFresh(Runtime runtime, string name, RcObject value)
        {
            using Owned<RcDict> source = runtime.New<RcDict>().ToOwned();
            source.Value.Set(name, value);
            Value.Update(source.Value);
            _model[name] = value;
        }

        public void Drop()
        {
            _owner?.Dispose();
            _owner = null;
        }

        public void VerifyAgainstModel(Action<bool, string> check)
        {
            check(Value.Count == _model.Count, $"dictionary has {Value.Count} entries, model {_model.Count}");
            foreach ((string name, RcObject expected) in _model)
            {
                check(ReferenceEquals(LookUp(name), expected), $"dictionary entry '{name}' differs from the model");
            }
        }
    }
}
