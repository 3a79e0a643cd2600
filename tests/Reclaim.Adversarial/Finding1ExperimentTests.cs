using Reclaim.Adversarial.Host;

namespace Reclaim.Adversarial;

/// <summary>
/// Issue 12, finding 1's experiments: wrong-thread use of the fast paths in unchecked mode. They pass once the thread
/// check on AddRef/Release/stores/Allocate (branch core) is merged.
/// </summary>
public sealed class Finding1ExperimentTests
{
    public static TheoryData<string> Experiments =>
        [.. Catalog.All.Where(e => e.Name.StartsWith("F1-", StringComparison.Ordinal)).Select(e => e.Name)];

    [Theory]
    [MemberData(nameof(Experiments))]
    public void Finding1_Experiment_ExitsByItselfWithTheDocumentedOutcome(string name) => ExperimentAssert.Passes(name);
}
