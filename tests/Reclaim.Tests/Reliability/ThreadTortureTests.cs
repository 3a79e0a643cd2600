using System.Collections.Concurrent;
using Reclaim.Tests.Support;

namespace Reclaim.Tests.Reliability;

/// <summary>
/// Thread and shutdown torture (issue 7, part 4): several threads attach, build and drop cycles, collect, detach,
/// yield and release from outside the lock, while automatic collections run and the main thread shuts down at a
/// random moment, in checked mode (which audits every collection) and in unchecked mode. Afterwards: no thread saw a cleared object, none ran runtime
/// code after shutdown began, every exception was the defined refusal, and the shutdown report matches the heap.
/// </summary>
public sealed class ThreadTortureTests
{
    private const int Workers = 6;

    /// <summary>Runs per test; set RECLAIM_TORTURE_RUNS for a longer hunt.</summary>
    private static int Runs => LongRunCount.Resolve("RECLAIM_TORTURE_RUNS", 300);

    /// <summary>
    /// Both modes: unchecked mode turns the fast paths' thread check on and off as threads attach, detach and leave
    /// (the guard is clear only while one thread is attached), which only these runs exercise under contention.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void RandomInterleavings_OfAttachDetachForeignReleaseCollectAndShutdown_KeepEveryInvariant(bool checkedMode)
    {
        long queuedReleasesApplied = 0, collections = 0;
        for (int seed = 0; seed < Runs; seed++)
        {
            (long applied, long collected) = new Torture(seed, checkedMode).Run();
            queuedReleasesApplied += applied;
            collections += collected;
        }

        // The runs really exercised the paths under test.
        Assert.True(queuedReleasesApplied > Runs, $"only {queuedReleasesApplied} queued releases were applied");
        Assert.True(collections > Runs, $"only {collections} collections ran");
    }

    private sealed class Torture
    {
        private readonly int _seed;
        private readonly Random _random;
        private readonly List<UnraisableInfo> _unraisable = [];
        private readonly Runtime _runtime;
        private readonly Node _hub;
        private readonly ConcurrentBag<RcObject> _created = [];
        private readonly ConcurrentBag<string> _violations = [];
        private int _refused;

        public Torture(int seed, bool checkedMode)
        {
            _seed = seed;
            _random = new Random(seed);
            _runtime = Runtime.Create(new RuntimeOptions { Checked = checkedMode, DaemonThreads = DaemonThreadOutcome.Throw, UnraisableHook = _unraisable.Add });
            _runtime.Gc.SetThreshold(40, 3, 3);
            _hub = _runtime.Adopt(new Node { Name = "hub" }).Take();
            _runtime.AddRoot("hub", _hub);
            _hub.Release();
        }

        public (long QueuedReleasesApplied, long Collections) Run()
        {
            var threads = Enumerable.Range(0, Workers).Select(i =>
            {
                int threadSeed = _random.Next();
                var thread = new Thread(() => Work(threadSeed), maxStackSize: 512 * 1024) { IsBackground = true };
                thread.Start();
                return thread;
            }).ToList();

            for (int step = _random.Next(8); step > 0; step--)
            {
                using (_runtime.Detach())
                {
                    Thread.Sleep(_random.Next(2));
                }

                Mutate(_random);
            }

            ShutdownReport report = _runtime.Shutdown();
            foreach (Thread thread in threads)
            {
                Assert.True(thread.Join(OtherThread.DeadlockLimit), $"run {_seed}: a worker did not end (deadlock?)");
            }

            string context = $"torture run {_seed}";
            Assert.True(_violations.IsEmpty, $"{context}: {string.Join("; ", _violations)}");
            Assert.Equal(Workers, _refused);
            Assert.True(_unraisable.Count == 0, $"{context}: {string.Join("; ", _unraisable)}");
            Assert.DoesNotContain(_created, o => o.State == RcObjectState.Cleared);
            int stillAlive = _created.Count(o => o.State != RcObjectState.Freed);
            Assert.Equal(stillAlive, report.AliveCount);
            return (_runtime.GetStats().PendingReleasesApplied, _collections);
        }

        private long _collections;

        private void Work(int seed)
        {
            var random = new Random(seed);
            try
            {
                using ThreadAttachment attachment = _runtime.Attach();
                Owned<FinalizableNode>? keptForForeignRelease = null;
                while (true)
                {
                    switch (random.Next(6))
                    {
                        case 0:
                        case 1:
                            Mutate(random);
                            break;
                        case 2:
                            _runtime.Gc.Collect(random.Next(3));
                            _collections++;
                            break;
                        case 3:
                            // Keep a reference, then give it up while detached: the release is queued for a safe point.
                            keptForForeignRelease ??= NewNode(random);
                            using (_runtime.Detach())
                            {
                                keptForForeignRelease.Dispose();
                                keptForForeignRelease = null;
                                Thread.Sleep(random.Next(2));
                            }

                            break;
                        case 4:
                            using (_runtime.Detach())
                            {
                                Thread.Sleep(random.Next(2));
                            }

                            break;
                        default:
                            _runtime.Yield();
                            break;
                    }

                    if (_runtime.State != RuntimeState.Running || !_runtime.IsLockHeld)
                    {
                        _violations.Add($"a worker ran runtime code in state {_runtime.State} (lock held: {_runtime.IsLockHeld})");
                    }
                }
            }
            catch (RuntimeShutDownException)
            {
                Interlocked.Increment(ref _refused);
            }
            catch (Exception exception)
            {
                _violations.Add($"{exception.GetType().Name}: {exception.Message}");
            }
        }

        /// <summary>Builds a little garbage and changes what the hub holds; finalizers check what they can reach.</summary>
        private void Mutate(Random random)
        {
            using Owned<FinalizableNode> a = NewNode(random);
            using Owned<FinalizableNode> b = NewNode(random);
            a.Value.Next.Set(b.Value);
            if (random.Next(2) == 0)
            {
                b.Value.Next.Set(a.Value);   // a cycle: only the collector can free it
            }

            if (random.Next(3) == 0)
            {
                _hub.Next.Set(a.Value);      // replaces (and releases) whatever the hub held
            }

            if (random.Next(4) == 0)
            {
                // The weak reference outlives this scope only if the collector keeps it; its callback must find it intact.
                using Owned<WeakRef> weak = _runtime.WeakRef(b.Value, reference => CheckReachable(reference.Runtime, reference, "weak-reference callback")).ToOwned();
                _hub.Other.Set(weak.Value);
            }
        }

        private Owned<FinalizableNode> NewNode(Random random)
        {
            Owned<FinalizableNode> node = _runtime.New<FinalizableNode>().ToOwned();
            _created.Add(node.Value);
            if (random.Next(3) == 0)
            {
                node.Value.OnFinalizeAction = self => CheckReachable(_runtime, self.Next.Value, "finalizer");
            }

            return node;
        }

        /// <summary>User code run by the runtime must never see a cleared or freed object (I1), nor run without the lock.</summary>
        private void CheckReachable(Runtime runtime, RcObject? reached, string where)
        {
            if (!runtime.IsLockHeld)
            {
                _violations.Add($"{where} ran on a thread without the lock");
            }

            if (reached is { IsAlive: false })
            {
                _violations.Add($"{where} saw a {reached.State} object");
            }
        }
    }
}
