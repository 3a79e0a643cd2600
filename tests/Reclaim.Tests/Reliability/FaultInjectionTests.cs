using FsCheck;
using FsCheck.Fluent;
using Reclaim.Tests.Reliability.Model;

namespace Reclaim.Tests.Reliability;

/// <summary>
/// Fault injection (invariant I7): the model-based programs again, but every finalizer, weak-reference callback,
/// <c>weakref.finalize</c> callback and collection callback throws with a probability of 10–60% chosen per program,
/// after doing its work. The run checks, besides everything the model compares: every collection returns normally,
/// each thrown exception instance reaches the unraisable hook exactly once, in the order and phase the model
/// expects, nothing else reaches it, and after the final collection and shutdown nothing unreachable is left alive.
/// </summary>
public sealed class FaultInjectionTests
{
    /// <summary>3,000 programs by default; <c>RECLAIM_MODEL_PROGRAMS=N</c> runs N.</summary>
    [Fact]
    public void RandomPrograms_UserCodeThrows_EveryExceptionReportedOnceAndNothingLeaks()
    {
        Check.One(
            Config.QuickThrowOnFailure.WithMaxTest(ModelProgramCount.Resolve(3_000)).WithQuietOnSuccess(true),
            Prop.ForAll(ModelProgramGenerator.FaultyPrograms(maxOps: 60), ModelProgramRun.Verify));
    }

    [Fact]
    public void FaultPlan_SamePlanAndSite_AlwaysDecidesTheSame()
    {
        FaultPlan plan = new(Percent: 50, Seed: 7);
        int thrown = Enumerable.Range(0, 1000).Count(key => plan.ShouldThrow("finalizer", key));

        Assert.All(Enumerable.Range(0, 100), key => Assert.Equal(plan.ShouldThrow("callback", key), plan.ShouldThrow("callback", key)));
        Assert.InRange(thrown, 400, 600);
        Assert.DoesNotContain(Enumerable.Range(0, 1000), key => FaultPlan.None.ShouldThrow("finalizer", key));
    }
}
