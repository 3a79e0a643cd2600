using Reclaim.Cli.Scenarios;
using Reclaim.Tests.Support;

namespace Reclaim.Tests.Seeds;

/// <summary>Seed 003 (daemon threads waking after finalization): a late thread meets a defined outcome (I4).</summary>
public sealed class Seed003DaemonThreadTests
{
    [Fact]
    public void The_blogs_program_with_throw_unwinds_the_late_thread_without_touching_the_runtime()
    {
        var scenario = new DaemonThreadAfterShutdownScenario(DaemonThreadOutcome.Throw, alreadyWaiting: false);

        ScenarioOutcome outcome = scenario.Run();

        Assert.True(outcome.Passed, outcome.Reclaim);
        Assert.IsType<RuntimeShutDownException>(scenario.ThreadOutcome);
        Assert.Contains("Reacquire after Detach", scenario.ThreadOutcome!.Message, StringComparison.Ordinal);
        Assert.False(scenario.ReachedDeadCode);
        Assert.Equal(1, scenario.Report!.DaemonThreadsOutstanding);
        Assert.Equal(1, scenario.Runtime!.GetStats().RefusedThreads);
    }

    [Fact]
    public void The_blogs_program_with_park_blocks_the_late_thread_for_ever()
    {
        var scenario = new DaemonThreadAfterShutdownScenario(DaemonThreadOutcome.Park, alreadyWaiting: false);

        ScenarioOutcome outcome = scenario.Run();

        Assert.True(outcome.Passed, outcome.Reclaim);
        Assert.True(scenario.Parked);
        Assert.True(scenario.LateThread!.IsAlive);
        Assert.Equal(1, scenario.Runtime!.ParkedThreadCount);

        // Only a test can end a park; the thread then unwinds without having run its dead code.
        scenario.Runtime.ReleaseParkedThreadsForTesting();
        Assert.True(scenario.LateThread.Join(OtherThread.DeadlockLimit));
        Assert.False(scenario.ReachedDeadCode);
        Assert.IsType<RuntimeShutDownException>(scenario.ThreadOutcome);
    }

    [Fact]
    public void A_thread_already_waiting_for_the_lock_when_shutdown_begins_is_refused()
    {
        var scenario = new DaemonThreadAfterShutdownScenario(DaemonThreadOutcome.Throw, alreadyWaiting: true);

        ScenarioOutcome outcome = scenario.Run();

        Assert.True(outcome.Passed, outcome.Reclaim);
        Assert.Contains("Attach", scenario.ThreadOutcome!.Message, StringComparison.Ordinal);
        Assert.False(scenario.ReachedDeadCode);
    }

    [Fact]
    public void A_thread_attaching_during_finalization_is_refused_even_from_a_finalizer_run_by_shutdown()
    {
        var test = new TestRuntime(daemonThreads: DaemonThreadOutcome.Throw);
        Exception? lateAttach = null;
        RuntimeState? stateSeen = null;
        test.FinalizableSelfCycle(_ =>
        {
            stateSeen = test.Runtime.State;
            lateAttach = OtherThread.Run(() => test.Runtime.Attach());
        });

        test.Runtime.Shutdown();

        Assert.Equal(RuntimeState.ShuttingDown, stateSeen);
        Assert.IsType<RuntimeShutDownException>(lateAttach);
    }
}
