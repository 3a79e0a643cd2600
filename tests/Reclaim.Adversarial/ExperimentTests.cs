using Reclaim.Adversarial.Host;

namespace Reclaim.Adversarial;

/// <summary>
/// Every experiment but finding 1's: the child process exits by itself (no hang, no crash signal, no unhandled
/// exception), reports the documented outcome, and its closing collection and shutdown left the expected count.
/// </summary>
public sealed class ExperimentTests
{
    public static TheoryData<string> Experiments =>
        [.. Catalog.All.Where(e => !e.Name.StartsWith("F1-", StringComparison.Ordinal)).Select(e => e.Name)];

    [Theory]
    [MemberData(nameof(Experiments))]
    public void Experiment_ExitsByItselfWithTheDocumentedOutcome(string name) => ExperimentAssert.Passes(name);

    [Fact]
    public void The_suite_has_every_experiment_of_the_issue_and_at_least_thirty_more()
    {
        Assert.True(Catalog.All.Count(e => e.Name.StartsWith('F')) >= 20);
        Assert.True(Catalog.All.Count(e => !e.Name.StartsWith('F')) >= 30);
        Assert.Equal(Catalog.All.Count, Catalog.All.Select(e => e.Name).Distinct().Count());
    }
}
