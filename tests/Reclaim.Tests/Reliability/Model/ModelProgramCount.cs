namespace Reclaim.Tests.Reliability.Model;

/// <summary>
/// How many generated programs a property tries: the test's default, or N when <c>RECLAIM_MODEL_PROGRAMS=N</c> asks
/// for a long run (for example a million, which takes hours).
/// </summary>
internal static class ModelProgramCount
{
    public const string Variable = "RECLAIM_MODEL_PROGRAMS";

    public static int Resolve(int defaultCount) => Support.LongRunCount.Resolve(Variable, defaultCount);
}
