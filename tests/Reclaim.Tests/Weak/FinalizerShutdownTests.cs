using Reclaim.Tests.Support;

namespace Reclaim.Tests.Weak;

public sealed class FinalizerShutdownTests
{
    [Fact]
    public void Dispose_RunsAtExitFinalizersLastFirst_AndNeverRunsNonAtExitOnes()
    {
        TestRuntime t = new();
        List<string> ran = [];
        Owned<Node> first = t.Node("first");
        Owned<Node> second = t.Node("second");
        Owned<Node> quiet = t.Node("quiet");
        t.Runtime.AddFinalizer(first.Value, () => ran.Add("first"));
        t.Runtime.AddFinalizer(second.Value, () => ran.Add("second"));
        ObjectFinalizer silent = t.Runtime.AddFinalizer(quiet.Value, () => ran.Add("quiet"));
        silent.AtExit = false;

        // Make the non-at-exit target garbage that only the final collection frees.
        quiet.Value.Next.Set(quiet.Value);
        quiet.Dispose();

        t.Runtime.Dispose();

        Assert.Equal(["second", "first"], ran);
        Assert.False(silent.Alive);
        Assert.Empty(t.Unraisable);
    }

    [Fact]
    public void Finalize_DeadTarget_ThrowsAndLeaksNoArgumentReference()
    {
        using TestRuntime t = new();
        using Owned<Node> argument = t.Node("argument");
        Owned<Node> target = t.Node("target");
        Node dead = target.Value;
        target.Dispose();

        Assert.Throws<ObjectFreedException>(() => t.Runtime.AddFinalizer(dead, _ => { }, argument.Value));

        Assert.Equal(1, argument.Value.RefCount);
    }
}
