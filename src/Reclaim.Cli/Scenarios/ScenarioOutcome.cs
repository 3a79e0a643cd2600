namespace Reclaim.Cli.Scenarios;

/// <summary>The verdict of one scenario run.</summary>
/// <param name="Passed">Whether Reclaim upheld the invariant the seed is about.</param>
/// <param name="Reclaim">What Reclaim did, in one sentence.</param>
public sealed record ScenarioOutcome(bool Passed, string Reclaim);
