using Reclaim.Tests.Support;

namespace Reclaim.Tests.Weak;

/// <summary><see cref="Runtime.AddFinalizer(RcObject, Action{IReadOnlyList{RcObject}}, RcObject[])"/>, checked against CPython 3.11's <c>weakref.finalize</c>.</summary>
public sealed class ObjectFinalizerTests
{
    [Fact]
    public void Finalize_TargetDies_RunsOnceWithItsArguments()
    {
        using TestRuntime t = new();
        Owned<Node> target = t.Node("target");
        using Owned<Leaf> argument = t.Runtime.New<Leaf>().ToOwned();
        List<IReadOnlyList<RcObject>> calls = [];
        ObjectFinalizer finalizer = t.Runtime.AddFinalizer(target.Value, args => calls.Add([.. args]), argument.Value);
        Assert.True(finalizer.Alive);
        Assert.Equal(1, t.Runtime.PendingFinalizerCount);

        target.Dispose();

        IReadOnlyList<RcObject> args = Assert.Single(calls);
        Assert.Same(argument.Value, Assert.Single(args));
        Assert.False(finalizer.Alive);
        Assert.Null(finalizer.Target);
        Assert.False(finalizer.Invoke());
        Assert.Single(calls);
        Assert.Equal(0, t.Runtime.PendingFinalizerCount);
    }

    [Fact]
    public void Finalize_TargetInGarbageCycle_RunsWhenCollected()
    {
        using TestRuntime t = new();
        int calls = 0;
        ObjectFinalizer finalizer;
        using (Owned<Node> ring = t.Ring(3))
        {
            finalizer = t.Runtime.AddFinalizer(ring.Value, () => calls++);
        }

        Assert.Equal(0, calls);
        t.Gc.Collect();

        Assert.Equal(1, calls);
        Assert.False(finalizer.Alive);
    }

    [Fact]
    public void Invoke_WhileAlive_RunsNowAndNeverAgain()
    {
        using TestRuntime t = new();
        Owned<Node> target = t.Node();
        Owned<Leaf> argument = t.Runtime.New<Leaf>().ToOwned();
        Leaf leaf = argument.Value;
        int calls = 0;
        ObjectFinalizer finalizer = t.Runtime.AddFinalizer(target.Value, _ => calls++, leaf);
        argument.Dispose();

        Assert.True(finalizer.Invoke());

        Assert.Equal(1, calls);
        Assert.False(finalizer.Alive);
        Assert.Equal(RcObjectState.Freed, leaf.State);
        Assert.False(finalizer.Invoke());
        target.Dispose();
        Assert.Equal(1, calls);
        Assert.Equal(0, t.Runtime.GetWeakRefCount(leaf));
    }

    [Fact]
    public void Invoke_CallbackThrows_PropagatesToTheCaller()
    {
        using TestRuntime t = new();
        using Owned<Node> target = t.Node();
        ObjectFinalizer finalizer = t.Runtime.AddFinalizer(target.Value, () => throw new InvalidOperationException("boom"));

        Assert.Throws<InvalidOperationException>(() => finalizer.Invoke());
        Assert.False(finalizer.Alive);
        Assert.Empty(t.Unraisable);
    }

    [Fact]
    public void Detach_WhileAlive_HandsBackArgumentsAndNeverRuns()
    {
        using TestRuntime t = new();
        Owned<Node> target = t.Node();
        using Owned<Leaf> argument = t.Runtime.New<Leaf>().ToOwned();
        int calls = 0;
        ObjectFinalizer finalizer = t.Runtime.AddFinalizer(target.Value, _ => calls++, argument.Value);
        Assert.Equal(2, argument.Value.RefCount);

        IReadOnlyList<Owned<RcObject>>? detached = finalizer.Unregister();

        Assert.NotNull(detached);
        Owned<RcObject> handed = Assert.Single(detached);
        Assert.Same(argument.Value, handed.Value);
        Assert.Equal(2, argument.Value.RefCount);
        handed.Dispose();
        Assert.Equal(1, argument.Value.RefCount);
        Assert.False(finalizer.Alive);
        Assert.Null(finalizer.Unregister());
        Assert.Null(finalizer.Peek());
        Assert.Equal(0, t.Runtime.GetWeakRefCount(target.Value));

        target.Dispose();
        Assert.Equal(0, calls);
    }

    [Fact]
    public void Peek_WhileAlive_ReturnsArgumentsWithoutDetaching()
    {
        using TestRuntime t = new();
        Owned<Node> target = t.Node();
        using Owned<Leaf> first = t.Runtime.New<Leaf>().ToOwned();
        using Owned<Node> second = t.Node("second");
        int calls = 0;
        ObjectFinalizer finalizer = t.Runtime.AddFinalizer(target.Value, _ => calls++, first.Value, second.Value);

        IReadOnlyList<RcObject>? peeked = finalizer.Peek();

        Assert.NotNull(peeked);
        Assert.Equal<RcObject>([first.Value, second.Value], peeked);
        Assert.True(finalizer.Alive);
        Assert.Same(target.Value, finalizer.Target);
        Assert.Equal(2, first.Value.RefCount);

        target.Dispose();
        Assert.Equal(1, calls);
        Assert.Null(finalizer.Peek());
    }

    [Fact]
    public void Finalize_Arguments_KeptAliveUntilTheFinalizerRuns()
    {
        using TestRuntime t = new();
        Owned<Node> target = t.Node("target");
        Owned<Node> argument = t.Node("argument");
        Node kept = argument.Value;
        string? seenName = null;
        t.Runtime.AddFinalizer(target.Value, args => seenName = ((Node)args[0]).Name, kept);

        argument.Dispose();
        Assert.Equal(RcObjectState.Alive, kept.State);
        Assert.Equal(1, kept.RefCount);

        target.Dispose();
        Assert.Equal("argument", seenName);
        Assert.Equal(RcObjectState.Freed, kept.State);
    }

    [Fact]
    public void Finalize_CallbackThrowsWhenTargetDies_GoesToUnraisableHook()
    {
        using TestRuntime t = new();
        Owned<Node> target = t.Node();
        Node dying = target.Value;
        ObjectFinalizer finalizer = t.Runtime.AddFinalizer(dying, () => throw new InvalidOperationException("boom"));

        target.Dispose();

        UnraisableInfo info = Assert.Single(t.Unraisable);
        Assert.Equal(UnraisablePhase.FinalizeCallback, info.Phase);
        Assert.Equal("boom", info.Exception.Message);
        Assert.False(finalizer.Alive);
        Assert.Equal(RcObjectState.Freed, dying.State);
    }

    [Fact]
    public void Dispose_AtExitFinalizers_RunLastRegisteredFirst()
    {
        TestRuntime t = new();
        Owned<Node> a = t.Node("a");
        Owned<Node> b = t.Node("b");
        Owned<Node> c = t.Node("c");
        List<string> order = [];
        ObjectFinalizer fa = t.Runtime.AddFinalizer(a.Value, () => order.Add("a"));
        t.Runtime.AddFinalizer(b.Value, () => order.Add("b"));
        t.Runtime.AddFinalizer(c.Value, () => order.Add("c"));

        t.Dispose();

        Assert.Equal(["c", "b", "a"], order);
        Assert.False(fa.Alive);
        Assert.Equal(0, t.Runtime.PendingFinalizerCount);
    }

    [Fact]
    public void Dispose_AtExitFalse_FinalizerDoesNotRun()
    {
        TestRuntime t = new();
        Owned<Node> a = t.Node("a");
        Owned<Node> b = t.Node("b");
        List<string> order = [];
        ObjectFinalizer skipped = t.Runtime.AddFinalizer(a.Value, () => order.Add("a"));
        skipped.AtExit = false;
        t.Runtime.AddFinalizer(b.Value, () => order.Add("b"));

        t.Dispose();

        Assert.Equal(["b"], order);
        Assert.True(skipped.Alive);
    }

    [Fact]
    public void Finalize_FreedTarget_ThrowsAndDoesNotKeepArguments()
    {
        using TestRuntime t = new();
        Node freed = LifetimeStates.FreedNode(t);
        using Owned<Leaf> argument = t.Runtime.New<Leaf>().ToOwned();

        Assert.Throws<ObjectFreedException>(() => t.Runtime.AddFinalizer(freed, _ => { }, argument.Value));

        Assert.Equal(1, argument.Value.RefCount);
        Assert.Equal(0, t.Runtime.PendingFinalizerCount);
    }

    [Fact]
    public void Finalize_ArgumentOfAnotherRuntime_ThrowsWrongRuntimeException()
    {
        using TestRuntime t = new();
        using TestRuntime other = new();
        using Owned<Node> target = t.Node();
        using Owned<Node> foreign = other.Node();

        Assert.Throws<WrongRuntimeException>(() => t.Runtime.AddFinalizer(target.Value, _ => { }, foreign.Value));
        Assert.Equal(1, foreign.Value.RefCount);
        Assert.Equal(0, t.Runtime.PendingFinalizerCount);
    }
}
