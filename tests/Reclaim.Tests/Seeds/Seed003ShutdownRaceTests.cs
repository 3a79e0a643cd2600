using Reclaim.Tests.Support;

namespace Reclaim.Tests.Seeds;

/// <summary>
/// Seed 003 as a race: many daemon threads in every state (holding the lock and yielding, detached around blocking
/// work, queued for the lock, attaching and leaving in a loop) while the main thread shuts down at a random moment.
/// Every thread must end in the configured outcome, and none may ever run runtime code once shutdown has begun.
/// </summary>
public sealed class Seed003ShutdownRaceTests
{
    private const int ThreadsPerRace = 64;

    /// <summary>Races per run; set RECLAIM_SHUTDOWN_RACES for a longer hunt.</summary>
    private static int Races => LongRunCount.Resolve("RECLAIM_SHUTDOWN_RACES", 1_000);

    private enum Role
    {
        HoldingAndYielding,
        DetachingAroundBlockingWork,
        AttachingInALoop,
        BlockedOnTheLock,
    }

    [Fact]
    public void Daemon_threads_in_mixed_states_never_touch_a_runtime_that_is_shutting_down()
    {
        // The same 64 OS threads serve every race (a thread state belongs to one runtime, a thread does not), so the
        // time goes into racing rather than into creating 64,000 threads.
        Race? current = null;
        using var raceStarts = new Barrier(ThreadsPerRace + 1);
        using var raceEnds = new Barrier(ThreadsPerRace + 1);
        bool stop = false;
        var workers = Enumerable.Range(0, ThreadsPerRace).Select(index => new Thread(
            () =>
            {
                while (true)
                {
                    raceStarts.SignalAndWait();
                    if (Volatile.Read(ref stop))
                    {
                        return;
                    }

                    current!.RunThread(index);
                    raceEnds.SignalAndWait();
                }
            },
            maxStackSize: 256 * 1024)
        { IsBackground = true, Name = $"race-worker-{index}" }).ToList();
        workers.ForEach(w => w.Start());

        try
        {
            for (int seed = 0; seed < Races; seed++)
            {
                current = new Race(seed);
                raceStarts.SignalAndWait();
                current.DriveMainThread();
                raceEnds.SignalAndWait();
                current.Verify();
            }
        }
        finally
        {
            Volatile.Write(ref stop, true);
            raceStarts.SignalAndWait(OtherThread.DeadlockLimit);
        }

        workers.ForEach(w => Assert.True(w.Join(OtherThread.DeadlockLimit)));
    }

    /// <summary>One race: a runtime, a role and a seed per thread, the main thread's moves, and what was observed.</summary>
    private sealed class Race
    {
        private readonly int _seed;
        private readonly Random _random;
        private readonly Runtime _runtime;
        private readonly Role[] _roles = new Role[ThreadsPerRace];
        private readonly int[] _threadSeeds = new int[ThreadsPerRace];
        private readonly List<UnraisableInfo> _unraisable = [];
        private readonly Node _shared;
        private readonly System.Collections.Concurrent.ConcurrentBag<string> _violations = [];
        private ShutdownReport? _report;
        private int _finished;
        private int _refused;

        public Race(int seed)
        {
            _seed = seed;
            _random = new Random(seed);
            DaemonThreadOutcome outcome = seed % 2 == 0 ? DaemonThreadOutcome.Throw : DaemonThreadOutcome.Park;
            _runtime = Runtime.Create(new RuntimeOptions { DaemonThreads = outcome, UnraisableHook = _unraisable.Add });
            _shared = _runtime.Adopt(new Node { Name = "shared" }).Take();
            _runtime.AddRoot("shared", _shared);
            _shared.Release();
            for (int i = 0; i < ThreadsPerRace; i++)
            {
                _roles[i] = (Role)_random.Next(4);
                _threadSeeds[i] = _random.Next();
            }
        }

        /// <summary>
        /// The main thread holds the lock from creation (so "blocked on the lock" threads queue at once), lets the
        /// others in for a random while, then shuts down mid-flight and waits until every thread ended or parked.
        /// </summary>
        public void DriveMainThread()
        {
            for (int step = _random.Next(5); step > 0; step--)
            {
                using (_runtime.Detach())
                {
                    Thread.Sleep(_random.Next(2));
                }

                _runtime.Yield();
            }

            _report = _runtime.Shutdown();
            OtherThread.WaitUntil(() => Volatile.Read(ref _finished) + _runtime.ParkedThreadCount == ThreadsPerRace, $"every thread of race {_seed} ends or parks");
            _runtime.ReleaseParkedThreadsForTesting();
        }

        public void Verify()
        {
            string context = $"race {_seed} ({_runtime.Options.DaemonThreads})";
            Assert.True(_violations.IsEmpty, $"{context}: {string.Join("; ", _violations)}");
            Assert.Equal(ThreadsPerRace, _refused);
            Assert.Empty(_unraisable);
            Assert.Equal(RuntimeState.ShutDown, _runtime.State);
            Assert.Equal(["shared"], _report!.RootsReleased);
            Assert.Equal(RcObjectState.Freed, _shared.State);
        }

        public void RunThread(int index)
        {
            Role role = _roles[index];
            var random = new Random(_threadSeeds[index]);
            try
            {
                switch (role)
                {
                    case Role.HoldingAndYielding:
                    case Role.BlockedOnTheLock:
                        using (_runtime.Attach())
                        {
                            while (true)
                            {
                                Work(random);
                                _runtime.Yield();

                                // Still holding the runtime lock: give the processor away, not the lock.
                                Thread.Yield();
                            }
                        }

                    case Role.DetachingAroundBlockingWork:
                        using (_runtime.Attach())
                        {
                            while (true)
                            {
                                Work(random);
                                using (_runtime.Detach())
                                {
                                    Thread.Sleep(random.Next(2));   // the blocking call
                                }
                            }
                        }

                    case Role.AttachingInALoop:
                        while (true)
                        {
                            using (_runtime.Attach())
                            {
                                Work(random);
                            }

                            Thread.Sleep(random.Next(2));
                        }
                }
            }
            catch (RuntimeShutDownException)
            {
                Interlocked.Increment(ref _refused);
            }
            catch (Exception exception)
            {
                _violations.Add($"{role}: {exception.GetType().Name}: {exception.Message}");
            }
            finally
            {
                Interlocked.Increment(ref _finished);
            }
        }

        /// <summary>Runtime work a thread does while it holds the lock; once shutdown has begun no daemon thread may get here.</summary>
        private void Work(Random random)
        {
            if (_runtime.State != RuntimeState.Running || !_runtime.IsLockHeld)
            {
                _violations.Add($"a daemon thread ran runtime code in state {_runtime.State} (lock held: {_runtime.IsLockHeld})");
                return;
            }

            using Owned<Node> mine = _runtime.New<Node>().ToOwned();
            mine.Value.Next.Set(_shared);
            if (random.Next(4) == 0)
            {
                _shared.Other.Set(mine.Value);
            }
        }
    }
}
