using Reclaim.Cli.Scenarios.Model;
using Reclaim.Tests.Support;

namespace Reclaim.Tests.Collection;

public sealed class AbortedCollectionTests
{
    [Fact]
    public void Collect_RefusedByCheckedAudit_StillRunsStopCallbacks()
    {
        using TestRuntime t = new();
        List<GcCallbackPhase> phases = [];
        t.Gc.AddCallback((phase, _) => phases.Add(phase));
        using Owned<HiddenReferenceHolder> holder = t.Runtime.New<HiddenReferenceHolder>().ToOwned();
        using Owned<Node> hidden = t.Node();
        holder.Value.Hidden.Set(hidden.Value);

        Assert.Throws<TraversalIncompleteException>(() => t.Gc.Collect());

        Assert.Equal([GcCallbackPhase.Start, GcCallbackPhase.Stop], phases);
        holder.Value.Hidden.Clear();
    }

    [Fact]
    public void Dispose_FinalCollectionRefused_DoesNotThrow_ReportsAndFinalizes()
    {
        TestRuntime t = new();
        Owned<HiddenReferenceHolder> holder = t.Runtime.New<HiddenReferenceHolder>().ToOwned();
        Owned<Node> hidden = t.Node();
        holder.Value.Hidden.Set(hidden.Value);

        t.Runtime.Dispose();

        Assert.True(t.Runtime.IsShutDown);
        UnraisableInfo report = Assert.Single(t.Unraisable);
        Assert.Equal(UnraisablePhase.Collection, report.Phase);
        Assert.IsType<TraversalIncompleteException>(report.Exception);
        Assert.Throws<RuntimeShutDownException>(() => t.Gc.Collect());
    }

    [Fact]
    public void Collect_CheckedMode_ReferenceIntoAnotherRuntime_IsRefusedNamingBothTypes()
    {
        using TestRuntime first = new();
        using TestRuntime second = new();
        using Owned<Node> local = first.Node();
        using Owned<Leaf> foreign = second.Runtime.New<Leaf>().ToOwned();
        local.Value.Next.Set(foreign.Value);

        WrongRuntimeException refused = Assert.Throws<WrongRuntimeException>(() => first.Gc.Collect());

        Assert.Contains("Leaf", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Node", refused.Message, StringComparison.Ordinal);
        local.Value.Next.Clear();
    }
}
