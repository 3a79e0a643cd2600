using FsCheck;
using FsCheck.Fluent;
using Reclaim.Tests.Reliability.Model;

namespace Reclaim.Tests.Reliability;

/// <summary>
/// Model-based property tests (FsCheck): random programs of allocations, links, releases, weak references with and
/// without callbacks, <c>weakref.finalize</c> registrations, finalizers that do nothing, resurrect, keep another
/// object, link to another object or raise, collections of each generation, freeze/unfreeze and SaveAll, run on
/// Reclaim and on an independent reference model, compared after every operation (see docs/reliability.md).
/// </summary>
public sealed class ModelBasedTests
{
    /// <summary>10,000 programs by default; <c>RECLAIM_MODEL_PROGRAMS=N</c> runs N.</summary>
    [Fact]
    public void RandomPrograms_MatchTheReferenceModel()
    {
        Check.One(
            Config.QuickThrowOnFailure.WithMaxTest(ModelProgramCount.Resolve(10_000)).WithQuietOnSuccess(true),
            Prop.ForAll(ModelProgramGenerator.Programs(maxOps: 60), ModelProgramRun.Verify));
    }

    /// <summary>
    /// A program the random search found (shrunk by hand): at teardown the anchor is garbage together with n1, and
    /// clearing n1 drops the last references to n2 (outside the garbage set until f0 released it) and to the anchor.
    /// n2's death runs w3's delegate callback while the anchor waits to die at count zero, its slot still naming the
    /// cleared n1. The driver reaches the anchor only through its own uncounted field then, so that is no I1 violation
    /// (see ClearedObjectSafetyTests.CallbackRunByClearing_SeesOtherGarbageOnlyClearedOrDying_AndWeakPathsToItDead).
    /// </summary>
    [Fact]
    public void DelegateCallbackRunByClearing_WhileTheAnchorIsDying_MatchesTheReferenceModel()
    {
        Op[] ops =
        [
            new(OpKind.Freeze),
            new(OpKind.Allocate, (int)FinalizerKind.ResurrectByAnchor), // n1, kept by the anchor from its finalizer on
            new(OpKind.Release, 0),
            new(OpKind.Collect, 2), // n1 to generation 2, ahead of the anchor once teardown unfreezes it
            new(OpKind.Allocate, (int)FinalizerKind.None), // n2
            new(OpKind.WeakRef, 1, (int)CallbackKind.Delegate), // w3 to n2
            new(OpKind.Finalize, 0, 1, 2), // f0 on n1 holds n2
            new(OpKind.Finalize, 0, 1, 3), // f1 on n1 holds w3
            new(OpKind.Link, 0, 0, 2), // n1.slot0 -> n2
            new(OpKind.Link, 0, 2, 0), // n1.slot2 -> anchor
            new(OpKind.Allocate, (int)FinalizerKind.KeepChild), // n6
            new(OpKind.Link, 2, 0, 3), // n6.slot0 -> w3
            new(OpKind.Release, 2), // n6's finalizer stores w3 in the anchor
        ];

        ModelProgramRun.Verify(new ModelProgram(ops, Checked: false, FaultPlan.None));
    }
}
