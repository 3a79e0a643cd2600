using Reclaim.Tests.Support;

namespace Reclaim.Tests.Reliability.Misuse;

/// <summary>
/// Misuse matrix, shutdown rows: after <see cref="Runtime.Dispose"/> every operation throws
/// <see cref="RuntimeShutDownException"/> naming the operation and changes nothing; shutting down from inside a
/// collection is refused.
/// One test per row; docs/reliability.md lists the rows.
/// </summary>
public sealed class ShutdownMisuseTests
{
    [Fact]
    public void Operations_AfterRuntimeDispose_ThrowRuntimeFinalized()
    {
        TestRuntime t = new();
        Owned<Node> survivor = t.Node("survivor");
        Node node = survivor.Value;
        t.Runtime.Dispose();

        Assert.True(t.Runtime.IsShutDown);
        RuntimeShutDownException addRef = Assert.Throws<RuntimeShutDownException>(node.AddRef);
        RuntimeShutDownException release = Assert.Throws<RuntimeShutDownException>(node.Release);
        RuntimeShutDownException allocate = Assert.Throws<RuntimeShutDownException>(() => t.Runtime.New<Node>().ToOwned());
        RuntimeShutDownException collect = Assert.Throws<RuntimeShutDownException>(() => t.Gc.Collect());
        RuntimeShutDownException weak = Assert.Throws<RuntimeShutDownException>(() => t.Runtime.WeakRef(node).ToOwned());
        RuntimeShutDownException safePoint = Assert.Throws<RuntimeShutDownException>(t.Runtime.SafePoint);
        RuntimeShutDownException freeze = Assert.Throws<RuntimeShutDownException>(t.Gc.Freeze);

        HeapAssert.NamesTypeAndOperation(addRef, nameof(Node), "AddRef");
        HeapAssert.NamesTypeAndOperation(release, nameof(Node), "Release");
        HeapAssert.NamesTypeAndOperation(allocate, nameof(Node), "Allocate");
        Assert.Contains("Gc.Collect", collect.Message, StringComparison.Ordinal);
        Assert.Contains("WeakRef", weak.Message, StringComparison.Ordinal);
        Assert.Contains("SafePoint", safePoint.Message, StringComparison.Ordinal);
        Assert.Contains("Gc.Freeze", freeze.Message, StringComparison.Ordinal);

        // Nothing changed, and disposing again is harmless.
        Assert.Equal(1, node.RefCount);
        Assert.Equal(RcObjectState.Alive, node.State);
        t.Runtime.Dispose();
        t.Dispose();
    }

    /// <summary>
    /// Finding 4 of issue 12: the README's own pattern — a <c>using</c> handle whose scope ends after
    /// <c>Shutdown()</c> — must not throw. The dispose is a quiet no-op counted as a late release.
    /// </summary>
    [Fact]
    public void Finding4_OwnedDisposedAfterShutdown_IsAQuietCountedNoOp()
    {
        TestRuntime t = new();
        Owned<Node> survivor = t.Node("survivor");
        Node node = survivor.Value;
        t.Runtime.Shutdown();
        long lateBefore = t.Runtime.GetStats().LateReleases;

        survivor.Dispose();
        survivor.Dispose();

        Assert.False(survivor.HasValue);
        Assert.Equal(lateBefore + 1, t.Runtime.GetStats().LateReleases);
        Assert.Equal(1, node.RefCount);
        Assert.Empty(t.Unraisable);
    }

    /// <summary>The operations the test above does not cover, one row each; each names what was refused.</summary>
    [Theory]
    [InlineData("RcField.Set", "AddRef")]
    [InlineData("RcField.Clear", "Release")]
    [InlineData("WeakRef.TryGetTarget", "AddRef")]
    [InlineData("Finalize", "Finalize")]
    [InlineData("Adopt", "Allocate")]
    [InlineData("Gc.ClearGarbage", "Gc.ClearGarbage")]
    [InlineData("Gc.Unfreeze", "Gc.Unfreeze")]
    [InlineData("Gc.GetReferrers", "Gc.GetReferrers")]
    [InlineData("Gc.AddMemoryPressure", "Gc.AddMemoryPressure")]
    public void Operation_AfterRuntimeDispose_ThrowsRuntimeFinalizedAndChangesNothing(string operation, string refused)
    {
        TestRuntime t = new();
        Owned<Node> survivor = t.Node("survivor");
        Node node = survivor.Value;
        Node child = t.Runtime.Allocate<Node>();
        node.Next.SetOwned(child);
        Owned<WeakRef> weak = t.Runtime.WeakRef(node).ToOwned();
        t.Runtime.Dispose();
        Action use = operation switch
        {
            "RcField.Set" => () => node.Other.Set(child),
            "RcField.Clear" => node.Next.Clear,
            "WeakRef.TryGetTarget" => () => weak.Value.TryGetTarget().Release(),
            "Finalize" => () => t.Runtime.AddFinalizer(node, () => { }),
            "Adopt" => () => t.Runtime.Adopt(new Node()).ToOwned(),
            "Gc.ClearGarbage" => t.Gc.ClearGarbage,
            "Gc.Unfreeze" => t.Gc.Unfreeze,
            "Gc.GetReferrers" => () => t.Gc.GetReferrers(node),
            _ => () => t.Gc.AddMemoryPressure(1),
        };

        RuntimeShutDownException exception = Assert.Throws<RuntimeShutDownException>(use);

        Assert.Contains(refused, exception.Message, StringComparison.Ordinal);
        Assert.Equal(1, node.RefCount);
        Assert.Equal(1, child.RefCount);
        Assert.Same(child, node.Next.Value);
        Assert.True(node.Other.IsNull);
        Assert.Equal(RcObjectState.Alive, node.State);
        Assert.True(survivor.HasValue);
        Assert.Empty(t.Unraisable);
        t.Runtime.Dispose();
        Assert.True(t.Runtime.IsShutDown);
    }

    [Fact]
    public void Dispose_FromFinalizerDuringCollection_ThrowsReentrantShutdownAndCollectionCompletes()
    {
        using TestRuntime t = new();
        Exception? refused = null;
        FinalizableNode node = t.FinalizableSelfCycle(_ => refused = Record.Exception(t.Runtime.Dispose));

        CollectionResult result = t.Gc.Collect();

        Assert.IsType<ReentrantShutdownException>(refused);
        Assert.Equal(1, result.Collected);
        Assert.Equal(RcObjectState.Freed, node.State);
        Assert.Equal(1, node.FinalizeCount);
        Assert.False(t.Runtime.IsShutDown);
        HeapAssert.ConsistentAfterwards(t, expectedCollected: 0);
    }
}
