using Reclaim.Tests.Support;

namespace Reclaim.Tests.Objects;

/// <summary>
/// <see cref="Runtime.Dispose"/> called by user code that a death runs on the release path (a weak-reference
/// callback, a finalizer): it is refused, so the death in progress finishes all its steps.
/// </summary>
public sealed class DisposeDuringDeathTests
{
    [Fact]
    public void Dispose_FromWeakRefCallbackDuringRelease_ReleaseCompletesAndObjectIsFreed()
    {
        TestRuntime t = new();
        Owned<Node> a = t.Node("a");
        Node node = a.Value;
        RecordingCallback callback = t.Runtime.AdoptReference(new RecordingCallback());
        callback.OnCall = _ => t.Runtime.Dispose();
        Owned<WeakRef> reference = t.Runtime.WeakRef(node, callback).ToOwned();
        callback.Release();

        // The release started before shutdown; the death in progress must finish and the release must not throw.
        Exception? thrown = Record.Exception(a.Dispose);

        Assert.Null(thrown);
        Assert.Single(callback.Calls);
        Assert.Equal(1, node.FreeCount);
        Assert.Equal(RcObjectState.Freed, node.State);
        UnraisableInfo refused = Assert.Single(t.Unraisable);
        Assert.Equal(UnraisablePhase.WeakRefCallback, refused.Phase);
        Assert.IsType<ReentrantShutdownException>(refused.Exception);
        Assert.False(t.Runtime.IsShutDown);
        reference.Dispose();
        t.Runtime.Dispose();
        Assert.True(t.Runtime.IsShutDown);
    }

    [Fact]
    public void Dispose_FromReleasePathFinalizer_DyingObjectStillDropsItsReferences()
    {
        TestRuntime t = new();
        Owned<FinalizableNode> a = t.Runtime.New<FinalizableNode>().ToOwned();
        FinalizableNode dying = a.Value;
        Owned<Node> child = t.Node("child");
        Node childNode = child.Value;
        dying.Next.Set(childNode);
        child.Dispose();
        dying.OnFinalizeAction = _ => t.Runtime.Dispose();

        a.Dispose();

        // The finalizer did not resurrect 'a', so its death goes on: Clear must release the child, whose only
        // reference 'a' held. The re-entrant Dispose is refused and reported as the finalizer's failure.
        Assert.Equal(RcObjectState.Freed, dying.State);
        Assert.DoesNotContain(t.Unraisable, u => u.Phase == UnraisablePhase.Clear);
        Assert.Equal(1, childNode.FreeCount);
        UnraisableInfo refused = Assert.Single(t.Unraisable);
        Assert.Equal(UnraisablePhase.Finalizer, refused.Phase);
        Assert.IsType<ReentrantShutdownException>(refused.Exception);
    }
}
