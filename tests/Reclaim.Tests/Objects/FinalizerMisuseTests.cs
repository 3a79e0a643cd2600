using Reclaim.Tests.Support;

namespace Reclaim.Tests.Objects;

public sealed class FinalizerMisuseTests
{
    [Fact]
    public void ReleasePathFinalizer_ReleasingItsOwnBorrowedReference_IsReportedAsUnderflow_AndObjectFreedOnce()
    {
        using TestRuntime t = new();
        FinalizableNode node;
        using (Owned<FinalizableNode> owned = t.Runtime.New<FinalizableNode>())
        {
            node = owned.Value;
            node.OnFinalizeAction = self => self.Release();
        }

        UnraisableInfo report = Assert.Single(t.Unraisable);
        Assert.Equal(UnraisablePhase.Finalizer, report.Phase);
        RefCountUnderflowException underflow = Assert.IsType<RefCountUnderflowException>(report.Exception);
        Assert.Contains("FinalizableNode", underflow.Message, StringComparison.Ordinal);
        Assert.Equal(RcObjectState.Freed, node.State);
        Assert.Equal(1, node.FreeCount);
        Assert.Equal(0, node.RefCount);
    }
}
