using Reclaim.Adversarial.Host;

namespace Reclaim.Adversarial;

internal static class ExperimentAssert
{
    public static void Passes(string name)
    {
        Experiment experiment = Catalog.Find(name) ?? throw new ArgumentException($"no experiment '{name}'", nameof(name));

        ChildProcess.Result result = ChildProcess.Run(name);

        Assert.True(result.Exited, $"{name} hung: killed after the time limit.\n{result.Output}\n{result.Error}");
        Assert.True(result.ExitCode == 0, $"{name} exited with {result.ExitCode} (a crash signal is 128 + its number).\n{result.Output}\n{result.Error}");
        string? outcome = result.Output.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.StartsWith("OUTCOME ", StringComparison.Ordinal));
        Assert.Equal($"OUTCOME {experiment.Expected}", outcome);
    }
}
