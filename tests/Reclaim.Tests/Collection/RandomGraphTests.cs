using Reclaim.Tests.Support;

namespace Reclaim.Tests.Collection;

/// <summary>
/// Seeded random programs against an independent reachability model. After every operation: everything the
/// model says is reachable is alive; everything unreachable that no garbage cycle keeps alive is freed; after a
/// full collection everything unreachable is freed (unless a finalizer resurrected it); objects are freed once,
/// finalizers run at most once, and no finalizer or callback ever sees a cleared object.
/// </summary>
public sealed class RandomGraphTests
{
    /// <summary>
    /// Programs per run: 40 by default (about 10 s); RECLAIM_RANDOM_PROGRAMS=N runs seeds 1..N instead, for long
    /// runs. Every seed replays exactly, and a failure prints the seed and the last operations of its program.
    /// </summary>
    public static TheoryData<int> Seeds() => RandomProgramSeeds.UpTo(defaultCount: 40);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RandomProgram_MatchesReachabilityModel(int seed)
    {
        new RandomProgram(seed, checkedMode: seed % 2 == 0).Run(steps: 400);
    }

    private sealed class RandomProgram(int seed, bool checkedMode)
    {
        private readonly Random _random = new(seed);
        private readonly List<ModelNode> _all = [];
        // Each entry is one counted reference the test program owns (a "root").
        private readonly List<ModelNode> _roots = [];
        private readonly List<string> _log = [];
        private readonly Dictionary<WeakRef, ModelNode> _weakTargets = new(ReferenceEqualityComparer.Instance);
        private readonly List<Owned<WeakRef>> _weakRefs = [];
        private readonly Dictionary<int, int> _callbackRuns = [];
        private TestRuntime _t = null!;
        private int _violations;

        public void Run(int steps)
        {
            using TestRuntime t = new(checkedMode, automaticCollection: true);
            _t = t;
            t.Gc.SetThreshold(25, 3, 3);
            for (int step = 0; step < steps; step++)
            {
                Step();
                Verify(afterFullCollection: false);
            }

            foreach (Owned<WeakRef> weak in _weakRefs)
            {
                weak.Dispose();
            }

            _weakRefs.Clear();
            // Releasing roots and collecting runs finalizers that may resurrect into the root list; each
            // finalizer runs once, so a few rounds empty it for good.
            for (int round = 0; round < 5 && (_roots.Count > 0 || round == 0); round++)
            {
                while (_roots.Count > 0)
                {
                    ModelNode root = _roots[^1];
                    _roots.RemoveAt(_roots.Count - 1);
                    root.Release();
                }

                Do("final collect", () => t.Gc.Collect());
            }

            Verify(afterFullCollection: true);
            Assert.True(_all.All(n => n.State == RcObjectState.Freed), Describe("not everything was freed at the end"));
            Assert.True(_violations == 0, Describe("a finalizer or callback saw a cleared object"));
            Assert.True(t.Unraisable.Count == 0, Describe($"unraisable: {string.Join("; ", t.Unraisable)}"));
        }

        private void Step()
        {
            int op = _random.Next(100);
            if (op < 25 || _roots.Count == 0)
            {
                Allocate();
            }
            else if (op < 55)
            {
                Link();
            }
            else if (op < 65)
            {
                Unlink();
            }
            else if (op < 78)
            {
                DropRoot();
            }
            else if (op < 84)
            {
                PromoteToRoot();
            }
            else if (op < 90)
            {
                MakeWeakRef();
            }
            else
            {
                int generation = _random.Next(3);
                Do($"collect {generation}", () => _t.Gc.Collect(generation));
                if (generation == 2)
                {
                    Verify(afterFullCollection: true);
                }
            }
        }

        private void Allocate()
        {
            int id = _all.Count;
            ModelNode node;
            if (_random.Next(4) == 0)
            {
                FinalizingModelNode finalizing = new(id);
                bool resurrect = _random.Next(3) == 0;
                finalizing.FinalizeHook = self =>
                {
                    CheckIntact(self);
                    if (resurrect)
                    {
                        _log.Add($"  finalizer of {self.Id} resurrects it");
                        self.AddRef();
                        _roots.Add(self);
                    }
                };
                node = finalizing;
            }
            else
            {
                node = new ModelNode(id);
            }

            _log.Add($"new {id}{(node is FinalizingModelNode ? " (finalizer)" : "")}");
            _roots.Add(_t.Runtime.AdoptReference(node));
            _all.Add(node);
        }

        private void Link()
        {
            ModelNode from = RandomReachable();
            ModelNode to = RandomReachable();
            int slot = _random.Next(ModelNode.SlotCount);
            _log.Add($"link {from.Id}[{slot}] -> {to.Id}");
            from.Slots[slot].Set(to);
        }

        private void Unlink()
        {
            ModelNode from = RandomReachable();
            int slot = _random.Next(ModelNode.SlotCount);
            _log.Add($"unlink {from.Id}[{slot}]");
            from.Slots[slot].Clear();
        }

        private void DropRoot()
        {
            int index = _random.Next(_roots.Count);
            ModelNode root = _roots[index];
            _roots.RemoveAt(index);
            _log.Add($"drop root {root.Id}");
            root.Release();
        }

        private void PromoteToRoot()
        {
            ModelNode node = RandomReachable();
            _log.Add($"root {node.Id}");
            node.AddRef();
            _roots.Add(node);
        }

        private void MakeWeakRef()
        {
            ModelNode target = RandomReachable();
            int weakId = _weakRefs.Count;
            _log.Add($"weakref #{weakId} to {target.Id}");
            Owned<WeakRef> weak = _t.Runtime.WeakRef(target, reference =>
            {
                _callbackRuns[weakId] = _callbackRuns.GetValueOrDefault(weakId) + 1;
                if (reference.Target is not null)
                {
                    _violations++;
                }
            }).ToOwned();
            _weakTargets[weak.Value] = target;
            _weakRefs.Add(weak);
        }

        private ModelNode RandomReachable()
        {
            List<ModelNode> reachable = [.. Reachable()];
            return reachable[_random.Next(reachable.Count)];
        }

        /// <summary>Model: every node reachable from a root handle through slots.</summary>
        private HashSet<ModelNode> Reachable()
        {
            HashSet<ModelNode> seen = new(ReferenceEqualityComparer.Instance);
            Stack<ModelNode> work = new();
            foreach (ModelNode root in _roots)
            {
                if (seen.Add(root))
                {
                    work.Push(root);
                }
            }

            while (work.Count > 0)
            {
                ModelNode node = work.Pop();
                foreach (RcField<RcObject> slot in node.Slots)
                {
                    if (slot.Value is ModelNode next && seen.Add(next))
                    {
                        work.Push(next);
                    }
                }
            }

            return seen;
        }

        private void Verify(bool afterFullCollection)
        {
            HashSet<ModelNode> reachable = Reachable();
            foreach (ModelNode node in _all)
            {
                Assert.True(node.FreeCount <= 1, Describe($"node {node.Id} freed {node.FreeCount} times"));
                if (node is FinalizingModelNode f)
                {
                    Assert.True(f.FinalizeCount <= 1, Describe($"node {node.Id} finalized {f.FinalizeCount} times"));
                }

                if (reachable.Contains(node))
                {
                    Assert.True(node.IsAlive, Describe($"reachable node {node.Id} is {node.State}"));
                }
                else if (afterFullCollection && node.State != RcObjectState.Freed)
                {
                    Assert.Fail(Describe($"unreachable node {node.Id} survived a full collection as {node.State} (count {node.RefCount})"));
                }
            }

            foreach ((WeakRef weak, ModelNode target) in _weakTargets)
            {
                if (weak.IsAlive && target.State == RcObjectState.Freed)
                {
                    Assert.True(weak.Target is null, Describe($"weakref to freed node {target.Id} still answers"));
                }
            }

            Assert.True(_callbackRuns.Values.All(n => n == 1), Describe("a weak-reference callback ran more than once"));
        }

        private void CheckIntact(ModelNode node)
        {
            foreach (RcField<RcObject> slot in node.Slots)
            {
                if (slot.Value is { } referent && !referent.IsAlive)
                {
                    _violations++;
                }
            }
        }

        private void Do(string what, Action action)
        {
            _log.Add(what);
            action();
        }

        private string Describe(string failure) =>
            $"seed {seed} (checked={checkedMode}): {failure}\nprogram:\n  {string.Join("\n  ", _log.TakeLast(60))}";
    }
}
