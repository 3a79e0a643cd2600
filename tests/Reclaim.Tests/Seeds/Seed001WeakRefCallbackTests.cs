using Reclaim.Cli.Scenarios;

namespace Reclaim.Tests.Seeds;

/// <summary>Seed 001 (bpo-38006): no user code ever observes an object the collector cleared (I1).</summary>
public sealed class Seed001WeakRefCallbackTests
{
    [Fact]
    public void CallFuncCycle_FinalizerRunsBeforeAnyClear_AndCallsIntactFunction()
    {
        CallFuncCycleScenario scenario = new();
        ScenarioOutcome outcome = scenario.Run();

        Assert.True(outcome.Passed, outcome.Reclaim);
        Assert.Equal(1, scenario.CallFunc!.FinalizerRuns);
        Assert.True(scenario.CallFunc.FinalizerCalledIntactFunction);
        Assert.Equal(1, scenario.Function!.Calls);
        Assert.Equal(2, scenario.Result.Collected);
        Assert.Equal(RcObjectState.Freed, scenario.Function.State);
        Assert.Empty(scenario.Unraisable);
    }

    [Fact]
    public void FreeIpaShape_Unchecked_GarbageKeyedRefNeverCallsClearedRemove()
    {
        FreeIpaWeakValueScenario scenario = new(checkedMode: false);
        ScenarioOutcome outcome = scenario.Run();

        Assert.True(outcome.Passed, outcome.Reclaim);
        Assert.Equal(0, scenario.Remove!.Calls);
        Assert.Equal(RcObjectState.Freed, scenario.Referent!.State);
        Assert.Equal(RcObjectState.Freed, scenario.KeyedRef!.State);
        Assert.Equal(7, scenario.Result.Collected);
        Assert.Empty(scenario.Unraisable);
    }

    [Fact]
    public void FreeIpaShape_Checked_RefusesTheUntracedTypeAtFirstAllocation()
    {
        FreeIpaWeakValueScenario scenario = new(checkedMode: true);
        ScenarioOutcome outcome = scenario.Run();

        Assert.True(outcome.Passed, outcome.Reclaim);
        Assert.Contains("UntracedField.Type", scenario.Refusal!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HiddenReferenceShape_Unchecked_CallbackNeverRunsAndEverythingIsFreed()
    {
        HiddenReferenceWeakRefScenario scenario = new(checkedMode: false);
        ScenarioOutcome outcome = scenario.Run();

        Assert.True(outcome.Passed, outcome.Reclaim);
        Assert.Equal(0, scenario.Callback!.Calls);
        Assert.Equal(RcObjectState.Freed, scenario.Z!.State);
        Assert.All(scenario.Graph, o => Assert.Equal(RcObjectState.Freed, o.State));
    }

    [Fact]
    public void HiddenReferenceShape_Checked_ReportsYAndFreesNothing()
    {
        HiddenReferenceWeakRefScenario scenario = new(checkedMode: true);
        ScenarioOutcome outcome = scenario.Run();

        Assert.True(outcome.Passed, outcome.Reclaim);
        Assert.Equal("HiddenReferenceHolder", scenario.Refusal!.ObjectType.Name);
        Assert.Equal("HiddenReferenceHolder.Hidden", scenario.Refusal.MemberName);
        Assert.True(scenario.NothingFreedByRefusedCollection);
    }
}
