using Reclaim.Tests.Support;

namespace Reclaim.Tests.Weak;

public sealed class WeakRefEdgeTests
{
    [Fact]
    public void Finding4_AtExitFinalizerRegisteredDuringTheAtExitPass_IsNotRun()
    {
        TestRuntime t = new();
        List<string> ran = [];
        Owned<Node> first = t.Node("first");
        Owned<Node> late = t.Node("late");
        t.Runtime.AddFinalizer(first.Value, () =>
        {
            ran.Add("first");
            t.Runtime.AddFinalizer(late.Value, () => ran.Add("late"));
        });

        t.Runtime.Dispose();

        // A pass that ran what it registered could feed itself for ever (issue 12, finding 4).
        Assert.Equal(["first"], ran);
    }

    [Fact]
    public void WeakRef_CreatedWhileAllocationRunsACollection_RegistersOnlyLiveTargets()
    {
        using TestRuntime t = new(automaticCollection: true);
        t.Gc.SetThreshold(1);
        using Owned<Node> target = t.Node("target");
        int collections = 0;
        t.Gc.AddCallback((phase, _) => collections += phase == GcCallbackPhase.Start ? 1 : 0);
        using Owned<Node> filler = t.Node();

        using Owned<WeakRef> weak = t.Runtime.WeakRef(target.Value).ToOwned();

        Assert.True(collections > 0);
        Assert.Same(target.Value, weak.Value.Target);
        Assert.Equal(1, t.Runtime.GetWeakRefCount(target.Value));
        Assert.Equal(1, target.Value.RefCount);
    }

    [Fact]
    public void GetWeakRefCount_ObjectOfAnotherRuntime_ThrowsWrongRuntime()
    {
        using TestRuntime first = new();
        using TestRuntime second = new();
        using Owned<Node> foreign = second.Node();

        WrongRuntimeException exception = Assert.Throws<WrongRuntimeException>(() => first.Runtime.GetWeakRefCount(foreign.Value));
        Assert.Contains("Node", exception.Message, StringComparison.Ordinal);
        Assert.Throws<WrongRuntimeException>(() => first.Runtime.GetWeakRefs(foreign.Value));
    }

    [Fact]
    public void Finalize_ArgumentWhoseDeathIsQueued_ThrowsAndLeaksNoReferenceToEarlierArguments()
    {
        using TestRuntime t = new();
        using Owned<Node> target = t.Node("target");
        using Owned<Node> first = t.Node("first");
        Exception? refused = null;
        // A weak-reference callback runs while its referent dies: the referent is still Finalized (not freed)
        // but its count is zero, so no new reference to it may be taken.
        Owned<FinalizableNode> dying = t.Runtime.New<FinalizableNode>().ToOwned();
        FinalizableNode dyingNode = dying.Value;
        using Owned<WeakRef> trigger = t.Runtime.WeakRef(dyingNode, _ =>
        {
            refused = Record.Exception(() => t.Runtime.AddFinalizer(target.Value, _ => { }, first.Value, dyingNode));
        }).ToOwned();

        dying.Dispose();

        Assert.IsType<ObjectFreedException>(refused);
        Assert.Equal(1, first.Value.RefCount);
        Assert.Equal(0, t.Runtime.PendingFinalizerCount);
    }

    [Fact]
    public void ObjectFinalizerInvoke_AfterShutdown_ThrowsRuntimeFinalized()
    {
        TestRuntime t = new();
        Owned<Node> target = t.Node();
        ObjectFinalizer finalizer = t.Runtime.AddFinalizer(target.Value, () => { });
        finalizer.AtExit = false;
        t.Runtime.Dispose();

        Assert.Throws<RuntimeShutDownException>(() => finalizer.Invoke());
    }
}
