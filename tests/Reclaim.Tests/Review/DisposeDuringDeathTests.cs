using Reclaim.Tests.Support;

namespace Reclaim.Tests.Review;

/// <summary>
/// <see cref="Runtime.Dispose"/> called by user code that a death runs on the release path (a weak-reference
/// callback, a finalizer). <c>Dispose</c> refuses to run during a collection, but not during a death drain: it
/// finalizes the runtime under the feet of the death in progress, whose remaining steps then fail.
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
        using Owned<WeakRef> reference = t.Runtime.WeakRef(node, callback);
        callback.Release();

        // The release started before shutdown; whatever Dispose does inside the callback, the death in progress
        // must finish and the release must not throw (today: RuntimeFinalizedException escapes from
        // InvokeWeakRefCallback's release of the callback object, and 'a' stays Alive with a count of 0 for ever).
        Exception? thrown = Record.Exception(a.Dispose);

        Assert.Null(thrown);
        Assert.Single(callback.Calls);
        Assert.Equal(1, node.FreeCount);
        Assert.Equal(RcObjectState.Freed, node.State);
    }

    [Fact]
    public void Dispose_FromReleasePathFinalizer_DyingObjectStillDropsItsReferences()
    {
        TestRuntime t = new();
        Owned<FinalizableNode> a = t.Runtime.New<FinalizableNode>();
        FinalizableNode dying = a.Value;
        Owned<Node> child = t.Node("child");
        Node childNode = child.Value;
        dying.Next.Set(childNode);
        child.Dispose();
        dying.OnFinalizeAction = _ => t.Runtime.Dispose();

        a.Dispose();

        // The finalizer did not resurrect 'a', so its death goes on: Clear must release the child, whose only
        // reference 'a' held. Today Clear's release throws RuntimeFinalizedException (reported as a Clear failure)
        // and the child is never freed, although nothing refers to it any more.
        Assert.Equal(RcObjectState.Freed, dying.State);
        Assert.DoesNotContain(t.Unraisable, u => u.Phase == UnraisablePhase.Clear);
        Assert.Equal(1, childNode.FreeCount);
    }
}
