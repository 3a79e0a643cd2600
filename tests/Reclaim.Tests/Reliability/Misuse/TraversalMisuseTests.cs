using Reclaim.Tests.Support;

namespace Reclaim.Tests.Reliability.Misuse;

/// <summary>
/// Misuse matrix, traversal rows (I3): any count change, allocation or runtime call from <c>TraverseReferences</c> throws
/// <see cref="TraversalViolationException"/>, the collection is aborted before anything is decided, and the next pure
/// collection works.
/// One test per row; docs/reliability.md lists the rows.
/// </summary>
public sealed class TraversalMisuseTests
{
    /// <summary>One row per thing a <c>TraverseReferences</c> must not do; the message names what was refused and on what.</summary>
    [Theory]
    [InlineData("AddRef", "AddRef", nameof(Node))]
    [InlineData("Release", "Release", nameof(Node))]
    [InlineData("Allocate", "Allocate", nameof(Node))]
    [InlineData("RcField.Set", "AddRef", nameof(Node))]
    [InlineData("WeakRef", "WeakRef", nameof(Node))]
    [InlineData("Finalize", "Finalize", nameof(Node))]
    [InlineData("Gc.Collect", "Gc.Collect", nameof(Runtime))]
    [InlineData("Gc.Freeze", "Gc.Freeze", nameof(Runtime))]
    [InlineData("SafePoint", "SafePoint", nameof(Runtime))]
    [InlineData("Dispose", "Dispose", nameof(Runtime))]
    public void Collect_TraverseBreaksPurity_ThrowsTraversalViolationAbortsAndFreesNothing(string operation, string refused, string typeName)
    {
        using TestRuntime t = new();
        Owned<Node> bystander = t.Node("bystander");
        Owned<ImpureTraverseNode> impure = t.Runtime.New<ImpureTraverseNode>().ToOwned();
        impure.Value.DuringTraverse = operation switch
        {
            "AddRef" => bystander.Value.AddRef,
            "Release" => bystander.Value.Release,
            "Allocate" => () => t.Runtime.New<Node>().ToOwned().Dispose(),
            "RcField.Set" => () => bystander.Value.Next.Set(bystander.Value),
            "WeakRef" => () => t.Runtime.WeakRef(bystander.Value).ToOwned().Dispose(),
            "Finalize" => () => t.Runtime.AddFinalizer(bystander.Value, () => { }),
            "Gc.Collect" => () => t.Gc.Collect(),
            "Gc.Freeze" => t.Gc.Freeze,
            "Dispose" => t.Runtime.Dispose,
            _ => t.Runtime.SafePoint,
        };
        impure.Value.Next.Set(impure.Value);
        ImpureTraverseNode impureNode = impure.Value;
        impure.Dispose();
        Node garbage;
        using (Owned<Node> ring = t.Ring(3))
        {
            garbage = ring.Value;
        }

        TraversalViolationException exception = Assert.Throws<TraversalViolationException>(() => t.Gc.Collect());

        Assert.Same(exception, Assert.Single(impureNode.Thrown));
        HeapAssert.NamesTypeAndOperation(exception, typeName, refused);
        Assert.True(bystander.Value.Next.IsNull);
        Assert.Equal(0, t.Runtime.PendingFinalizerCount);
        Assert.Equal(0, t.Runtime.GetWeakRefCount(bystander.Value));
        Assert.Equal(0, t.Gc.GetFreezeCount());
        Assert.False(t.Runtime.IsShutDown);
        Assert.Contains("TraverseReferences", exception.Message, StringComparison.Ordinal);

        // Aborted: no count changed, nothing freed, nothing cleared, collector idle.
        Assert.Equal(1, bystander.Value.RefCount);
        Assert.Equal(RcObjectState.Alive, impureNode.State);
        Assert.Equal(RcObjectState.Alive, garbage.State);
        Assert.Equal(5, t.Gc.GetObjects().Count);
        Assert.False(t.Gc.IsCollecting);

        // Collector intact: with traversal pure again the same garbage is collected.
        impureNode.DuringTraverse = null;
        Assert.Equal(4, t.Gc.Collect().Collected);
        Assert.Equal(RcObjectState.Freed, garbage.State);
        Assert.Equal(RcObjectState.Freed, impureNode.State);
        bystander.Dispose();
        HeapAssert.ConsistentAfterwards(t);
    }

    [Fact]
    public void GetReferents_TraverseBreaksPurity_ThrowsTraversalViolation()
    {
        using TestRuntime t = new();
        Owned<Node> bystander = t.Node("bystander");
        Owned<ImpureTraverseNode> impure = t.Runtime.New<ImpureTraverseNode>().ToOwned();
        impure.Value.DuringTraverse = bystander.Value.AddRef;

        TraversalViolationException exception = Assert.Throws<TraversalViolationException>(() => t.Gc.GetReferents(impure.Value));

        HeapAssert.NamesTypeAndOperation(exception, nameof(Node), "AddRef");
        Assert.Equal(1, bystander.Value.RefCount);

        // The guard is lifted once traversal ends.
        bystander.Value.AddRef();
        bystander.Value.Release();
        impure.Value.DuringTraverse = null;
        impure.Dispose();
        bystander.Dispose();
        HeapAssert.ConsistentAfterwards(t);
    }
}
