namespace Reclaim.Cli.Demo;

/// <summary>One line of <c>reclaim demo</c>: the JSON shape is part of the command's contract.</summary>
/// <param name="Seed">The seed: "000" to "003".</param>
/// <param name="Scenario">The scenario's name.</param>
/// <param name="Original">What the original system did.</param>
/// <param name="Reclaim">What Reclaim did.</param>
/// <param name="Passed">Whether Reclaim upheld the invariant.</param>
public sealed record DemoRow(string Seed, string Scenario, string Original, string Reclaim, bool Passed);
