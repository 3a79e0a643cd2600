namespace Reclaim.Adversarial.Host;

/// <summary>What every experiment shares: a runtime that records unraisable errors, and the closing checks.</summary>
public sealed class Harness
{
    private Harness(Runtime runtime)
    {
        Runtime = runtime;
    }

    public Runtime Runtime { get; }

    public List<UnraisableInfo> Unraisable { get; } = [];

    public static Harness Create(bool checkedMode = true, DaemonThreadOutcome daemonThreads = DaemonThreadOutcome.Park)
    {
        Harness? harness = null;
        Runtime runtime = Runtime.Create(new RuntimeOptions
        {
            Checked = checkedMode,
            DaemonThreads = daemonThreads,
            UnraisableHook = info => harness!.Unraisable.Add(info),
        });
        harness = new Harness(runtime);
        return harness;
    }

    /// <summary>"ok" when <paramref name="action"/> returns, else the exception's type name.</summary>
    public static string Outcome(Action action)
    {
        try
        {
            action();
            return "ok";
        }
        catch (Exception exception)
        {
            return exception.GetType().Name;
        }
    }

    /// <summary>Runs <paramref name="action"/> on a new thread and returns its <see cref="Outcome"/>; the experiment's own time limit catches a hang.</summary>
    public static string OnOtherThread(Action action, bool background = true)
    {
        string result = "not run";
        var thread = new Thread(() => result = Outcome(action)) { IsBackground = background };
        thread.Start();
        thread.Join();
        return result;
    }

    /// <summary>
    /// The closing checks: when the runtime still runs (and this thread holds it), a full collection; then shutdown
    /// (or the report of the one that already happened) must succeed with <paramref name="expectedAlive"/> objects
    /// left and no queued release. Returns <paramref name="outcome"/> so experiments end with <c>return h.Finish(...)</c>.
    /// </summary>
    public string Finish(string outcome, int expectedAlive = 0)
    {
        if (Runtime.State != RuntimeState.ShutDown && Runtime.IsLockHeld)
        {
            Runtime.Gc.Collect();
        }

        ShutdownReport report = Runtime.Shutdown();
        int alive = report.AliveByType.Values.Sum();
        if (alive != expectedAlive)
        {
            throw new InvalidOperationException($"shutdown left {alive} objects alive ({string.Join(", ", report.AliveByType)}), expected {expectedAlive}");
        }

        if (Runtime.GetStats().PendingReleases != 0)
        {
            throw new InvalidOperationException($"{Runtime.GetStats().PendingReleases} releases still queued after shutdown");
        }

        return outcome;
    }
}
