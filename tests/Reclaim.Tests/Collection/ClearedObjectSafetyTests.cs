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
        using (Owned<FinalizableNode> o1 = t.Runtime.New<FinalizableNode>())
        using (Owned<Node> o2 = t.Node("g2"))
        using (Owned<CallbackNode> oc = t.Runtime.New<CallbackNode>())
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
                using Owned<WeakRef> late = t.Runtime.WeakRef(g2, callback);
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
}
