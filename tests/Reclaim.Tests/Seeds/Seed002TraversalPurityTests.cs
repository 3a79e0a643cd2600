using Reclaim.Cli.Scenarios;

namespace Reclaim.Tests.Seeds;

/// <summary>Seed 002 (PyO3 #3165): traversal is pure; nothing is freed mid-pass (I3).</summary>
public sealed class Seed002TraversalPurityTests
{
    [Fact]
    public void TraverseReleases_IsRefused_SlotAndCountsUnchanged_CollectorRecovers()
    {
        TraverseReleasesScenario scenario = new();
        ScenarioOutcome outcome = scenario.Run();

        Assert.True(outcome.Passed, outcome.Reclaim);
        Assert.NotNull(scenario.Refusal);
        Assert.Contains("TraverseReferences", scenario.Refusal!.Message, StringComparison.Ordinal);
        Assert.Equal("Release", scenario.Refusal.Operation);
        Assert.Equal(1, scenario.A2CountAfterRefusal);
        Assert.Equal(2, scenario.Recovery.Collected);
    }

    [Fact]
    public void TraverseAppliesPendingReleases_IsRefused_NothingFreed()
    {
        TraverseDrainsScenario scenario = new();
        ScenarioOutcome outcome = scenario.Run();

        Assert.True(outcome.Passed, outcome.Reclaim);
        Assert.NotNull(scenario.Refusal);
        Assert.True(scenario.BIntactAfterRefusal);
        Assert.Equal("DrainPendingReleases", scenario.Refusal!.Operation);
        Assert.Equal(1, scenario.BCountAfterSafePoint);
    }
}
