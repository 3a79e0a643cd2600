using Reclaim.Adversarial.Host;

// One experiment per process: a crash, a hang or a stack overflow takes down only this run, and the test that
// launched it sees the exit status, the signal or the time limit.
if (args.Length != 1 || Catalog.Find(args[0]) is not { } experiment)
{
    Console.Error.WriteLine($"usage: Reclaim.Adversarial.Host <experiment>; known: {string.Join(", ", Catalog.All.Select(e => e.Name))}");
    return 2;
}

string outcome = experiment.Run();
Console.WriteLine($"OUTCOME {outcome}");
return 0;
