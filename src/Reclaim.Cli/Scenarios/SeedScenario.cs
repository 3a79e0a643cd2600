namespace Reclaim.Cli.Scenarios;

/// <summary>
/// One seed post-mortem replayed through Reclaim's public API. Each run uses a fresh runtime; the subclass
/// records what it observed in public properties so tests can assert on the details.
/// </summary>
public abstract class SeedScenario
{
    /// <summary>The seed the scenario comes from: "000" to "003".</summary>
    public abstract string Seed { get; }

    /// <summary>A short name for the scenario.</summary>
    public abstract string Name { get; }

    /// <summary>What the original system did.</summary>
    public abstract string Original { get; }

    /// <summary>
    /// Called once per run at the moment the scenario is about (before the collection that matters), so a caller can
    /// look at the heap (<c>reclaim graph</c> draws it). Must leave every count as it found it; a heap snapshot does.
    /// </summary>
    public Action<ScenarioMoment>? KeyMoment { get; set; }

    /// <summary>Exceptions that reached the unraisable hook during the run.</summary>
    public List<UnraisableInfo> Unraisable { get; } = [];

    /// <summary>Runs the scenario and judges it.</summary>
    /// <returns>What Reclaim did and whether that upholds the invariant.</returns>
    public abstract ScenarioOutcome Run();

    /// <summary>Hands the key moment to <see cref="KeyMoment"/>, if anyone is watching.</summary>
    /// <param name="runtime">The scenario's runtime, at a safe point.</param>
    /// <param name="description">What is about to happen.</param>
    /// <param name="focus">The object whose why-alive chain tells the story.</param>
    /// <param name="names">The scenario's names for the objects it built.</param>
    protected void ReachKeyMoment(Runtime runtime, string description, RcObject? focus, params (string Name, RcObject Object)[] names) =>
        KeyMoment?.Invoke(new ScenarioMoment(this, runtime, description, focus, names));

    /// <summary>A runtime for one run, reporting unraisable exceptions into <see cref="Unraisable"/>.</summary>
    /// <param name="checkedMode">Whether to verify traversals.</param>
    /// <returns>A new runtime with automatic collection off, so the scenario decides when collections happen.</returns>
    protected Runtime CreateRuntime(bool checkedMode)
    {
        Runtime runtime = Runtime.Create(new RuntimeOptions { Checked = checkedMode, UnraisableHook = Unraisable.Add });
        runtime.Gc.Disable();
        return runtime;
    }
}
