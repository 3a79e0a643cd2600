namespace Reclaim.Cli.Scenarios;

/// <summary>Every seed scenario implemented so far, in demo order.</summary>
public static class SeedScenarios
{
    /// <summary>Creates a fresh instance of every scenario.</summary>
    /// <returns>The scenarios, ordered by seed.</returns>
    public static IReadOnlyList<SeedScenario> All() =>
    [
        new GlobalCacheShutdownScenario(),
        new ModuleUnloadScenario(),
        new CallFuncCycleScenario(),
        new FreeIpaWeakValueScenario(checkedMode: false),
        new FreeIpaWeakValueScenario(checkedMode: true),
        new HiddenReferenceWeakRefScenario(checkedMode: false),
        new HiddenReferenceWeakRefScenario(checkedMode: true),
        new TraverseReleasesScenario(),
        new TraverseDrainsScenario(),
        new DaemonThreadAfterShutdownScenario(DaemonThreadOutcome.Throw, alreadyWaiting: false),
        new DaemonThreadAfterShutdownScenario(DaemonThreadOutcome.Park, alreadyWaiting: false),
        new DaemonThreadAfterShutdownScenario(DaemonThreadOutcome.Throw, alreadyWaiting: true),
    ];
}
