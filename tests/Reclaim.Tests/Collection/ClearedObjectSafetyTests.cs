using Reclaim.Tests.Support;

namespace Reclaim.Tests.Collection;

/// <summary>I1: no user code ever runs on an object the collector cleared, even in shapes the passes cannot foresee.</summary>
public sealed class ClearedObjectSafetyTests
{
    [Fact]
    public void LateWeakRef_CreatedByFinalizerWithGarbageCallback_ResurrectsCallbackInsteadOfClearingIt()
    {
        using TestRuntime t = new();
        FinalizableNode g1;
        Node g2;
        CallbackNode callback;
        using (Owned<FinalizableNode> o1 = t.Runtime.New<FinalizableNode>().ToOwned())
        using (Owned<Node> o2 = t.Node("g2"))
        using (Owned<CallbackNode> oc = t.Runtime.New<CallbackNode>().ToOwned())
        {
            g1 = o1.Value;
            g2 = o2.Value;
            callback = oc.Value;
            g1.Next.Set(g2);
            g2.Next.Set(callback);
            callback.Next.Set(g1);

            // During the finalizer phase: a new weak reference to a garbage object, whose callback is garbage
            // too, hung on garbage. The new weak reference is outside the garbage set, so its counted reference
            // to the callback resurrects the callback and everything it reaches; nothing is cleared.
            g1.OnFinalizeAction = self =>
            {
                using Owned<WeakRef> late = t.Runtime.WeakRef(g2, callback).ToOwned();
                g2.Other.Set(late.Value);
            };
        }

        CollectionResult first = t.Gc.Collect();

        Assert.Equal(0, first.Collected);
        Assert.All(new RcObject[] { g1, g2, callback }, o => Assert.True(o.IsAlive));

        // Next time the late weak reference is garbage itself: cleared without its callback, all freed.
        CollectionResult second = t.Gc.Collect();

        Assert.Equal(4, second.Collected);
        Assert.Equal(0, callback.Calls);
        Assert.Equal(1, g1.FinalizeCount);
        Assert.All(new RcObject[] { g1, g2, callback }, o => Assert.Equal(RcObjectState.Freed, o.State));
        Assert.Empty(t.Unraisable);
    }

    /// <summary>
    /// The shape the model-based suite met: a weak-reference callback that runs from the clear phase, because its
    /// referent sat outside the garbage set (here: frozen) and dies only when clearing drops the last reference to it.
    /// CPython runs such a callback in the middle of <c>delete_garbage</c> too. What it may reach through counted or
    /// weak references is intact; the other garbage object is either cleared or, when clearing its neighbour dropped its
    /// last reference, dying (count zero, its death queued behind the referent's): only an uncounted capture still
    /// reaches it, and every use of it through the runtime throws.
    /// </summary>
    [Fact]
    public void CallbackRunByClearing_SeesOtherGarbageOnlyClearedOrDying_AndWeakPathsToItDead()
    {
        using TestRuntime t = new();
        Owned<Node> outsideOwned = t.Node("outside");
        Node outside = outsideOwned.Value;
        t.Gc.Freeze();

        Node first;
        Node second;
        using (Owned<Node> o1 = t.Node("first"))
        using (Owned<Node> o2 = t.Node("second"))
        {
            first = o1.Value;
            second = o2.Value;

            // Clearing first releases outside before second, so outside dies first and second waits, at count zero.
            first.Next.Set(outside);
            first.Other.Set(second);
            second.Next.Set(first);
        }

        using Owned<WeakRef> toSecond = t.Runtime.WeakRef(second).ToOwned();
        List<string> seen = [];
        using Owned<WeakRef> toOutside = t.Runtime.WeakRef(outside, _ =>
        {
            seen.Add($"first {first.State}");
            seen.Add($"second {second.State} count {second.RefCount}");
            seen.Add($"weak path to second {(toSecond.Value.Target is null ? "dead" : "alive")}");
            seen.Add($"AddRef(second) {Record.Exception(second.AddRef)?.GetType().Name}");
        }).ToOwned();
        outsideOwned.Dispose();

        CollectionResult result = t.Gc.Collect();

        Assert.Equal(2, result.Collected);
        Assert.Equal(
            ["first Cleared", "second Alive count 0", "weak path to second dead", $"AddRef(second) {nameof(ObjectFreedException)}"],
            seen);
        Assert.All(new RcObject[] { first, second, outside }, o => Assert.Equal(RcObjectState.Freed, o.State));
        Assert.Empty(t.Unraisable);
    }
}
