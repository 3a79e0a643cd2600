namespace Reclaim.Adversarial.Host;

/// <summary>Every experiment, by name.</summary>
public static class Catalog
{
    public static IReadOnlyList<Experiment> All { get; } =
    [
        .. Finding1Experiments.All,
        .. IssueExperiments.All,
        .. ThreadExperiments.All,
        .. LifetimeExperiments.All,
        .. WatchingExperiments.All,
    ];

    public static Experiment? Find(string name) => All.FirstOrDefault(e => e.Name == name);
}
