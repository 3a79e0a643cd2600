using Reclaim.Cli.Scenarios.Model;

namespace Reclaim.Cli.Scenarios;

/// <summary>
/// The moment a seed scenario is about, handed to <see cref="SeedScenario.KeyMoment"/>: the runtime is at a safe
/// point (no collection running) right before the collection or allocation that matters, so its heap can be
/// snapshotted and drawn.
/// </summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="Runtime">Its runtime.</param>
/// <param name="Description">What is about to happen, in one sentence.</param>
/// <param name="Focus">The object whose why-alive chain tells the story, if any.</param>
/// <param name="Names">The scenario's names for the objects it built (the seed's variable names).</param>
public sealed record ScenarioMoment(
    SeedScenario Scenario,
    Runtime Runtime,
    string Description,
    RcObject? Focus,
    IReadOnlyList<(string Name, RcObject Object)> Names)
{
    /// <summary>The scenario's name for <paramref name="obj"/>, or the name a model object carries; <see langword="null"/> if it has none.</summary>
    /// <param name="obj">An object of the scenario's heap.</param>
    /// <returns>A name, or <see langword="null"/>.</returns>
    public string? NameOf(RcObject obj)
    {
        foreach ((string name, RcObject named) in Names)
        {
            if (ReferenceEquals(named, obj))
            {
                return name;
            }
        }

        return obj switch
        {
            NoisyObject { Name.Length: > 0 } noisy => noisy.Name,
            FunctionObject function => function.Name,
            _ => null,
        };
    }
}
