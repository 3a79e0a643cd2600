namespace Reclaim.Tests.Diagnostics;

/// <summary>
/// The meter and event source are process-wide: tests that listen to them run alone, after the parallel ones, so
/// another test's collections cannot add to what they see.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Process-wide telemetry";
}
