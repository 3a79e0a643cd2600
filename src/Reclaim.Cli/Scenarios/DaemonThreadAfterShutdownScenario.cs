namespace Reclaim.Cli.Scenarios;

/// <summary>
/// Seed 003 ("D[a]emonic threads"): the blog's program through Reclaim's API. A foreign thread attaches
/// (<c>PyGILState_Ensure</c>), detaches around a blocking call (<c>Py_BEGIN_ALLOW_THREADS</c>); meanwhile the main
/// thread shuts the runtime down; the thread wakes and reacquires (<c>Py_END_ALLOW_THREADS</c>). In CPython 3.8 it
/// dereferenced its freed thread state. In Reclaim its handle was invalidated and it meets the configured outcome.
/// The second variant is the race the blog left open: the thread is already waiting for the lock when shutdown begins.
/// </summary>
public sealed class DaemonThreadAfterShutdownScenario : SeedScenario
{
    private static readonly TimeSpan DeadlockLimit = TimeSpan.FromSeconds(30);

    /// <summary>Creates the scenario.</summary>
    /// <param name="outcome">What the runtime does with the late thread.</param>
    /// <param name="alreadyWaiting">Whether the thread is queued for the lock (instead of detached) when shutdown begins.</param>
    public DaemonThreadAfterShutdownScenario(DaemonThreadOutcome outcome, bool alreadyWaiting)
    {
        Outcome = outcome;
        AlreadyWaiting = alreadyWaiting;
    }

    /// <summary>The configured outcome for threads that come back after shutdown began.</summary>
    public DaemonThreadOutcome Outcome { get; }

    /// <summary>Whether the thread is already waiting for the lock when shutdown begins.</summary>
    public bool AlreadyWaiting { get; }

    /// <inheritdoc/>
    public override string Seed => "003";

    /// <inheritdoc/>
    public override string Name => AlreadyWaiting
        ? $"thread waiting for the lock when shutdown begins ({Outcome.ToString().ToLowerInvariant()})"
        : $"daemon thread reacquires after shutdown ({Outcome.ToString().ToLowerInvariant()})";

    /// <inheritdoc/>
    public override string Original => AlreadyWaiting
        ? "open race in the proposed fix: a thread blocked in take_gil while Py_Finalize runs"
        : "thread woke after Py_Finalize, PyEval_RestoreThread dereferenced its freed thread state: segfault";

    /// <summary>The runtime of the last run (tests use it to release a parked thread).</summary>
    public Runtime? Runtime { get; private set; }

    /// <summary>What the late thread's reacquire (or attach) threw; null while parked.</summary>
    public Exception? ThreadOutcome { get; private set; }

    /// <summary>Whether the late thread ran any code past its reacquire (the "dead code" of the blog's program).</summary>
    public bool ReachedDeadCode { get; private set; }

    /// <summary>Whether the late thread was seen parked (blocked, refused) after shutdown.</summary>
    public bool Parked { get; private set; }

    /// <summary>The shutdown report.</summary>
    public ShutdownReport? Report { get; private set; }

    /// <summary>The late thread, to join once released.</summary>
    public Thread? LateThread { get; private set; }

    /// <inheritdoc/>
    public override ScenarioOutcome Run()
    {
        Runtime runtime = Runtime.Create(new RuntimeOptions { DaemonThreads = Outcome, UnraisableHook = Unraisable.Add });
        Runtime = runtime;
        using var released = new ManualResetEventSlim();
        using var mainFinalized = new ManualResetEventSlim();
        var evil = new Thread(() => EvilMain(runtime, released, mainFinalized)) { IsBackground = true, Name = "evil" };
        LateThread = evil;
        evil.Start();

        if (AlreadyWaiting)
        {
            // The main thread keeps the lock: the other thread queues for it, and is still queued when shutdown begins.
            SpinWait.SpinUntil(() => runtime.GetStats().WaitingThreads == 1, DeadlockLimit);
        }
        else
        {
            using (runtime.Detach())
            {
                // "MAIN: allow other thread to execute" — until it has dropped the lock around its blocking call.
                released.Wait(DeadlockLimit);
            }
        }

        ReachKeyMoment(runtime, "before shutdown: the other thread is " + (AlreadyWaiting ? "queued for the lock" : "detached around its blocking call"), null);
        Report = runtime.Shutdown();
        mainFinalized.Set();

        bool settled = Outcome == DaemonThreadOutcome.Throw
            ? evil.Join(DeadlockLimit)
            : SpinWait.SpinUntil(() => runtime.GetStats().RefusedThreads == 1, DeadlockLimit) && evil.IsAlive;
        Parked = Outcome == DaemonThreadOutcome.Park && settled && ThreadOutcome is null;
        bool passed = settled && !ReachedDeadCode && runtime.State == RuntimeState.ShutDown
            && (Outcome == DaemonThreadOutcome.Throw ? ThreadOutcome is RuntimeShutDownException : Parked)
            && Unraisable.Count == 0;
        string what = Outcome == DaemonThreadOutcome.Throw
            ? $"the thread got {ThreadOutcome?.GetType().Name ?? "nothing"} and unwound"
            : "the thread is parked for ever, touching nothing";
        return new ScenarioOutcome(passed, $"its thread-state handle was invalidated; {what}; no freed state was reached");
    }

    private void EvilMain(Runtime runtime, ManualResetEventSlim released, ManualResetEventSlim mainFinalized)
    {
        try
        {
            using ThreadAttachment gilstate = runtime.Attach();   // "OTHER: acquired GIL"
            using (runtime.Detach())                                // "OTHER: released GIL"
            {
                released.Set();
                mainFinalized.Wait(DeadlockLimit);                  // sleep(2): the main thread finalizes meanwhile
            }                                                       // "attempt to acquire GIL...crash!"

            ReachedDeadCode = true;
        }
        catch (RuntimeShutDownException exception)
        {
            ThreadOutcome = exception;
        }
    }
}
