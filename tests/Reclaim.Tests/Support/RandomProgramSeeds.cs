namespace Reclaim.Tests.Support;

/// <summary>
/// Seeds for the seeded random-program theories: 1..<c>defaultCount</c>, or 1..N when the environment variable
/// <c>RECLAIM_RANDOM_PROGRAMS=N</c> asks for a long run. Every seed replays exactly.
/// </summary>
internal static class RandomProgramSeeds
{
    public const string CountVariable = "RECLAIM_RANDOM_PROGRAMS";

    public static TheoryData<int> UpTo(int defaultCount)
    {
        int count = int.TryParse(Environment.GetEnvironmentVariable(CountVariable), out int requested) && requested > 0
            ? requested
            : defaultCount;
        TheoryData<int> seeds = [];
        for (int seed = 1; seed <= count; seed++)
        {
            seeds.Add(seed);
        }

        return seeds;
    }
}
