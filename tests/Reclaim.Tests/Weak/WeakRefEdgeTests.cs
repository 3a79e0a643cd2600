using Reclaim.Tests.Support;

namespace Reclaim.Tests.Weak;

public sealed class WeakRefEdgeTests
{
    [Fact]
    public void Dispose_AtExitFinalizerRegisteredByAnotherAtExitCallback_AlsoRuns()
    {
        TestRuntime t = new();
        List<string> ran = [];
        Owned<Node> first = t.Node("first");
        Owned<Node> late = t.Node("late");
        t.Runtime.Finalize(first.Value, () =>
        {
            ran.Add("first");
            t.Runtime.Finalize(late.Value, () => ran.Add("late"));
        });

        t.Runtime.Dispose();

        Assert.Equal(["first", "late"], ran);
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

        using Owned<WeakRef> weak = t.Runtime.WeakRef(target.Value);

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
}
