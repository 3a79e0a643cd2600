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
}
