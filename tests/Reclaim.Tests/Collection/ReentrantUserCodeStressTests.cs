using Reclaim.Tests.Support;

namespace Reclaim.Tests.Collection;

/// <summary>
/// Seeded random programs (checked mode, automatic collection on) in which user code re-enters the runtime from
/// everywhere it can run: finalizers, <see cref="RcObject.OnFree"/> hooks and weak-reference callbacks allocate,
/// link, release, collect, freeze and unfreeze, clear the saved garbage, create weak references and change a
/// <see cref="WeakValueDictionary{TKey, TValue}"/>, while the top level also enumerates that dictionary and toggles
/// <see cref="GcDebugFlags.SaveAll"/>. Afterwards everything is released and collected, and the test checks that
/// every object was freed, that no finalizer or callback saw a non-alive object through a slot (I1), that user
/// code never got an exception from a legitimate operation, and that nothing reached the unraisable hook (I7).
/// </summary>
public sealed class ReentrantUserCodeStressTests
{
    /// <summary>
    /// Programs per run: 100 by default (about a second); RECLAIM_RANDOM_PROGRAMS=N runs seeds 1..N instead, for long
    /// runs. Every seed replays exactly; a failure names the seed and the first problems found.
    /// </summary>
    public static TheoryData<int> Seeds() => RandomProgramSeeds.UpTo(defaultCount: 100);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RandomProgram_UserCodeReentersEverywhere_HeapStaysConsistentAndEverythingIsFreed(int seed)
    {
        List<string> problems = new ReentrantProgram(seed).Run();

        Assert.True(
            problems.Count == 0,
            $"seed {seed}: {problems.Count} problem(s); the first:\n  {string.Join("\n  ", problems.Take(3))}");
    }

    private sealed class ReentrantProgram(int seed)
    {
        private const int Steps = 1500;

        // User code only attaches further re-entrant hooks (and weak-reference callbacks only re-enter) below this
        // nesting depth, so that chains of deaths running hooks that cause deaths stay finite.
        private const int MaxHookDepth = 4;

        // Resurrecting finalizers stop adding roots past this many, so the root list cannot grow without bound.
        private const int MaxRootsForResurrection = 200;

        private const int DictionaryKeys = 20;

        private readonly Random _random = new(seed);
        private readonly List<string> _problems = [];

        // Every node ever allocated, alive or not: the end checks that all of them were freed.
        private readonly List<ReentrantNode> _all = [];

        // Each entry is one counted reference the program owns.
        private readonly List<Owned<RcObject>> _roots = [];
        private readonly List<Owned<WeakRef>> _weakRefs = [];
        private TestRuntime _t = null!;
        private Owned<WeakValueDictionary<int, RcObject>> _dictionary = null!;

        // How many operations are running, the top-level one included: user code nests further operations.
        private int _depth;

        // Set once the program starts releasing everything: user code then does nothing and resurrects nothing.
        private bool _tearingDown;

        public List<string> Run()
        {
            using TestRuntime t = new(checkedMode: true, automaticCollection: true);
            _t = t;
            try
            {
                t.Gc.SetThreshold(_random.Next(5, 40), 3, 3);
                _dictionary = t.Runtime.New<WeakValueDictionary<int, RcObject>>().ToOwned();
                for (int step = 0; step < Steps && _problems.Count == 0; step++)
                {
                    Operation(fromUserCode: false);
                }

                TearDown();
                CheckEverythingFreed();
            }
            catch (Exception exception)
            {
                _problems.Add($"the top level threw {exception}");
            }

            foreach (UnraisableInfo unraisable in t.Unraisable)
            {
                _problems.Add($"unraisable: {unraisable.Phase} {unraisable.Exception}");
            }

            return _problems;
        }

        /// <summary>
        /// One random operation. From user code (a finalizer, free hook or weak-reference callback) it is any of
        /// the first 14; the top level also toggles SaveAll and collects without looking whether a collection is
        /// running (it never is there).
        /// </summary>
        private void Operation(bool fromUserCode)
        {
            if (_tearingDown && fromUserCode)
            {
                return;
            }

            _depth++;
            try
            {
                switch (_random.Next(fromUserCode ? 14 : 16))
                {
                    case 0 or 1 or 2:
                        Allocate(fromUserCode);
                        break;
                    case 3 or 4 or 5:
                        Link();
                        break;
                    case 6 or 7:
                        DropRandomRoot();
                        break;
                    case 8:
                        // A finalizer or callback may run inside a collection, and collections never nest (an
                        // explicit nested Collect throws CollectionInProgressException), so this asks for one only
                        // when none is running, as careful user code would.
                        if (!_t.Gc.IsCollecting)
                        {
                            _t.Gc.Collect(_random.Next(3));
                        }

                        break;
                    case 9:
                        if (_random.Next(2) == 0)
                        {
                            _t.Gc.Freeze();
                        }
                        else
                        {
                            _t.Gc.Unfreeze();
                        }

                        break;
                    case 10:
                        _t.Gc.ClearGarbage();
                        break;
                    case 11:
                        WatchWeakly();
                        break;
                    case 12:
                        DropRandomWeakRef();
                        break;
                    case 13:
                        EnumerateDictionary();
                        break;
                    case 14:
                        _t.Gc.Debug = _random.Next(4) == 0 ? GcDebugFlags.SaveAll : 0;
                        break;
                    case 15:
                        _t.Gc.Collect(_random.Next(3));
                        break;
                }
            }
            catch (Exception exception) when (fromUserCode)
            {
                // Every operation above is legitimate from user code, so any exception is a runtime bug. Recorded
                // here rather than left to the unraisable hook, to name the operation's context.
                _problems.Add($"user code at depth {_depth} threw {exception}");
            }
            finally
            {
                _depth--;
            }
        }

        /// <summary>
        /// A new node, sometimes with a finalizer and a free hook that re-enter; from user code half of the new
        /// nodes are stored in a slot of a live node instead of becoming a root.
        /// </summary>
        private void Allocate(bool fromUserCode)
        {
            ReentrantNode node = _t.Runtime.AdoptReference(new ReentrantNode());
            _all.Add(node);
            if (_random.Next(3) == 0 && _depth < MaxHookDepth)
            {
                node.FinalizeHook = FinalizeReentrantly;
            }

            if (_random.Next(5) == 0 && _depth < MaxHookDepth)
            {
                node.FreeHook = _ => RunUserOperations(_random.Next(2));
            }

            if (fromUserCode && _random.Next(2) == 0 && PickLive() is { } parent)
            {
                parent.Slots[_random.Next(ReentrantNode.SlotCount)].SetOwned(node);
                return;
            }

            _roots.Add(new Owned<RcObject>(node));
        }

        /// <summary>
        /// A finalizer: checks I1, runs a few operations, and sometimes resurrects its node by making it a root.
        /// </summary>
        private void FinalizeReentrantly(ReentrantNode node)
        {
            CheckSlotsAlive(node);
            RunUserOperations(_random.Next(3));
            if (!_tearingDown && _random.Next(4) == 0 && _roots.Count < MaxRootsForResurrection)
            {
                node.AddRef();
                _roots.Add(new Owned<RcObject>(node));
            }
        }

        /// <summary>Points a slot of one live node at another live node, or at nothing one time in five.</summary>
        private void Link()
        {
            ReentrantNode? from = PickLive();
            ReentrantNode? to = PickLive();
            if (from is not null)
            {
                int slot = _random.Next(ReentrantNode.SlotCount);
                from.Slots[slot].Set(_random.Next(5) == 0 ? null : to);
            }
        }

        /// <summary>Makes a live node the target of a re-entrant weak reference or a value of the dictionary.</summary>
        private void WatchWeakly()
        {
            ReentrantNode? target = PickLive();
            if (target is null)
            {
                return;
            }

            if (_random.Next(2) == 0)
            {
                // The depth is read when the callback runs, not now: callbacks re-enter only while shallow.
                _weakRefs.Add(_t.Runtime.WeakRef(target, _ =>
                {
                    if (_depth < MaxHookDepth)
                    {
                        Operation(fromUserCode: true);
                    }
                }).ToOwned());
            }
            else
            {
                _dictionary.Value[_random.Next(DictionaryKeys)] = target;
            }
        }

        /// <summary>
        /// Walks the dictionary, removing some entries and dropping some roots on the way (which can run finalizers
        /// and callbacks that change the dictionary), then reads its count.
        /// </summary>
        private void EnumerateDictionary()
        {
            WeakValueDictionary<int, RcObject> dictionary = _dictionary.Value;
            using IEnumerator<KeyValuePair<int, RcObject>> entries = dictionary.GetEnumerator();
            while (MoveNextUnlessInvalidated(entries))
            {
                if (_random.Next(4) == 0)
                {
                    dictionary.Remove(entries.Current.Key);
                }

                if (_random.Next(6) == 0 && _roots.Count > 0)
                {
                    DropLastRoot();
                }
            }

            _ = dictionary.Count;
        }

        /// <summary>
        /// Advances <paramref name="entries"/>, ending the walk if the dictionary got an entry added or replaced
        /// meanwhile: user code the loop body set off may legitimately do that, and the enumerator then refuses to
        /// go on with a plain <see cref="InvalidOperationException"/>, as documented. Every Reclaim error
        /// (including <see cref="ObjectDisposedException"/>) derives from that type, so only that exact type, and
        /// only from <see cref="System.Collections.IEnumerator.MoveNext"/>, is tolerated.
        /// </summary>
        private static bool MoveNextUnlessInvalidated(IEnumerator<KeyValuePair<int, RcObject>> entries)
        {
            try
            {
                return entries.MoveNext();
            }
            catch (InvalidOperationException exception) when (exception.GetType() == typeof(InvalidOperationException))
            {
                return false;
            }
        }

        private void RunUserOperations(int count)
        {
            for (int i = 0; i < count; i++)
            {
                Operation(fromUserCode: true);
            }
        }

        /// <summary>A few tries at a random node that is alive and referenced; null if none was found.</summary>
        private ReentrantNode? PickLive()
        {
            for (int attempt = 0; attempt < 5 && _all.Count > 0; attempt++)
            {
                ReentrantNode node = _all[_random.Next(_all.Count)];
                if (node.IsAlive && node.RefCount > 0)
                {
                    return node;
                }
            }

            return null;
        }

        private void DropRandomRoot()
        {
            if (_roots.Count > 0)
            {
                DisposeAt(_roots, _random.Next(_roots.Count));
            }
        }

        private void DropLastRoot() => DisposeAt(_roots, _roots.Count - 1);

        private void DropRandomWeakRef()
        {
            if (_weakRefs.Count > 0)
            {
                DisposeAt(_weakRefs, _random.Next(_weakRefs.Count));
            }
        }

        /// <summary>
        /// Takes the handle out of the list before disposing it: disposing can run user code that changes the list.
        /// </summary>
        private static void DisposeAt<T>(List<T> handles, int index)
            where T : IDisposable
        {
            T handle = handles[index];
            handles.RemoveAt(index);
            handle.Dispose();
        }

        /// <summary>I1: code the runtime calls never reaches a cleared or freed object through a slot.</summary>
        private void CheckSlotsAlive(ReentrantNode node)
        {
            foreach (RcField<RcObject> slot in node.Slots)
            {
                if (slot.Value is { } referent && !referent.IsAlive)
                {
                    _problems.Add($"I1: a finalizer saw {referent} ({referent.State}) through a slot of {node}");
                }
            }
        }

        /// <summary>
        /// Releases every reference the program owns and collects until nothing can be left: saved garbage is
        /// cleared, frozen objects are unfrozen, and the collections after those find what they released.
        /// </summary>
        private void TearDown()
        {
            _tearingDown = true;
            _t.Gc.Debug = 0;
            _t.Gc.ClearGarbage();
            while (_roots.Count > 0)
            {
                DropLastRoot();
            }

            while (_weakRefs.Count > 0)
            {
                DisposeAt(_weakRefs, _weakRefs.Count - 1);
            }

            _dictionary.Dispose();
            _t.Gc.Collect();
            _t.Gc.ClearGarbage();
            _t.Gc.Unfreeze();
            _t.Gc.Collect();
            _t.Gc.ClearGarbage();
            _t.Gc.Collect();
        }

        private void CheckEverythingFreed()
        {
            List<ReentrantNode> leaked = [.. _all.Where(node => node.State != RcObjectState.Freed)];
            if (leaked.Count > 0)
            {
                _problems.Add(
                    $"leak: {leaked.Count} of {_all.Count} nodes not freed, e.g. {leaked[0]} ({leaked[0].State}); " +
                    $"tracked={_t.Gc.GetObjects().Count} garbage={_t.Gc.Garbage.Count}");
            }

            foreach (ReentrantNode node in _all.Where(node => node.FinalizeCount > 1))
            {
                _problems.Add($"I6: {node} was finalized {node.FinalizeCount} times");
            }
        }
    }
}
