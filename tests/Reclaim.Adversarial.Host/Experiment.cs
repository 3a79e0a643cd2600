namespace Reclaim.Adversarial.Host;

/// <summary>One attack on the runtime: <see cref="Run"/> returns the observed outcome, which must equal <see cref="Expected"/>.</summary>
/// <param name="Name">Unique name; the finding's number first for the issue's own experiments.</param>
/// <param name="Expected">The documented outcome.</param>
/// <param name="Run">The attack, ending with <see cref="Harness.Finish"/>.</param>
public sealed record Experiment(string Name, string Expected, Func<string> Run);
