using Reclaim.Tests.Support;

namespace Reclaim.Tests.Weak;

/// <summary>Weak references and their callbacks, checked against CPython 3.11's <c>weakref.ref</c> behaviour.</summary>
public sealed class WeakRefTests
{
    [Fact]
    public void Target_ReferentAlive_ReturnsReferentWithoutCountingIt()
    {
        using TestRuntime t = new();
        using Owned<Node> node = t.Node();
        using Owned<WeakRef> weak = t.Runtime.WeakRef(node.Value).ToOwned();

        Assert.Same(node.Value, weak.Value.Target);
        Assert.False(weak.Value.IsDead);
        Assert.Equal(1, node.Value.RefCount);
    }

    [Fact]
    public void Target_ReferentReleased_BecomesNull()
    {
        using TestRuntime t = new();
        Owned<Node> node = t.Node();
        using Owned<WeakRef> weak = t.Runtime.WeakRef(node.Value).ToOwned();

        node.Dispose();

        Assert.Null(weak.Value.Target);
        Assert.True(weak.Value.IsDead);
        NewRef<RcObject> none = weak.Value.TryGetTarget();
        Assert.True(none.IsNull);
        none.Release();
    }

    [Fact]
    public void TryGetTarget_ReferentAlive_ReturnsOwnedReference()
    {
        using TestRuntime t = new();
        using Owned<Node> node = t.Node();
        using Owned<WeakRef> weak = t.Runtime.WeakRef(node.Value).ToOwned();

        NewRef<RcObject> strong = weak.Value.TryGetTarget();
        Assert.False(strong.IsNull);
        Assert.Same(node.Value, strong.Value);
        Assert.Equal(2, node.Value.RefCount);
        strong.Release();

        Assert.Equal(1, node.Value.RefCount);
    }

    [Fact]
    public void Callback_ReferentDies_ReceivesTheDeadWeakRef()
    {
        using TestRuntime t = new();
        Owned<Node> node = t.Node();
        WeakRef? received = null;
        RcObject? targetSeen = node.Value;
        using Owned<WeakRef> weak = t.Runtime.WeakRef(node.Value, r =>
        {
            received = r;
            targetSeen = r.Target;
        }).ToOwned();

        node.Dispose();

        Assert.Same(weak.Value, received);
        Assert.Null(targetSeen);
        Assert.False(weak.Value.HasCallback);
    }

    [Fact]
    public void Callbacks_SeveralOnOneObject_RunNewestFirst()
    {
        using TestRuntime t = new();
        Owned<Node> node = t.Node();
        List<int> order = [];
        using Owned<WeakRef> first = t.Runtime.WeakRef(node.Value, _ => order.Add(1)).ToOwned();
        using Owned<WeakRef> second = t.Runtime.WeakRef(node.Value, _ => order.Add(2)).ToOwned();
        using Owned<WeakRef> third = t.Runtime.WeakRef(node.Value, _ => order.Add(3)).ToOwned();

        node.Dispose();

        Assert.Equal([3, 2, 1], order);
    }

    [Fact]
    public void WeakRef_WithoutCallback_SharesOneInstancePerObject()
    {
        using TestRuntime t = new();
        using Owned<Node> node = t.Node();
        using Owned<WeakRef> first = t.Runtime.WeakRef(node.Value).ToOwned();
        using Owned<WeakRef> second = t.Runtime.WeakRef(node.Value).ToOwned();
        using Owned<WeakRef> withCallback = t.Runtime.WeakRef(node.Value, _ => { }).ToOwned();

        Assert.Same(first.Value, second.Value);
        Assert.Equal(2, first.Value.RefCount);
        Assert.NotSame(first.Value, withCallback.Value);
        Assert.Equal(2, t.Runtime.GetWeakRefCount(node.Value));
    }

    [Fact]
    public void WeakRef_SharedInstanceDied_NextOneIsNew()
    {
        using TestRuntime t = new();
        using Owned<Node> node = t.Node();
        Owned<WeakRef> first = t.Runtime.WeakRef(node.Value).ToOwned();
        WeakRef firstRef = first.Value;
        first.Dispose();

        using Owned<WeakRef> second = t.Runtime.WeakRef(node.Value).ToOwned();

        Assert.Equal(RcObjectState.Freed, firstRef.State);
        Assert.NotSame(firstRef, second.Value);
        Assert.Same(node.Value, second.Value.Target);
    }

    [Fact]
    public void Callback_WeakRefDiesBeforeReferent_NeverRuns()
    {
        using TestRuntime t = new();
        Owned<Node> node = t.Node();
        int calls = 0;
        Owned<WeakRef> weak = t.Runtime.WeakRef(node.Value, _ => calls++).ToOwned();
        WeakRef reference = weak.Value;

        weak.Dispose();
        node.Dispose();

        Assert.Equal(0, calls);
        Assert.Equal(RcObjectState.Freed, reference.State);
    }

    [Fact]
    public void Callback_RuntimeObject_IsReleasedAfterItsSingleCall()
    {
        using TestRuntime t = new();
        Owned<Node> node = t.Node();
        RecordingCallback callback = t.Runtime.AdoptReference(new RecordingCallback());
        using Owned<WeakRef> weak = t.Runtime.WeakRef(node.Value, callback).ToOwned();
        Assert.Equal(2, callback.RefCount);
        Assert.Same(callback, weak.Value.Callback);
        callback.Release();

        node.Dispose();

        Assert.Equal([weak.Value], callback.Calls);
        Assert.Equal(RcObjectState.Freed, callback.State);
        Assert.Null(weak.Value.Callback);
    }

    [Fact]
    public void Callback_Throws_GoesToUnraisableHookAndReleaseContinues()
    {
        using TestRuntime t = new();
        Owned<Node> node = t.Node();
        Node dying = node.Value;
        List<int> order = [];
        using Owned<WeakRef> quiet = t.Runtime.WeakRef(dying, _ => order.Add(1)).ToOwned();
        using Owned<WeakRef> failing = t.Runtime.WeakRef(dying, _ => throw new InvalidOperationException("boom")).ToOwned();

        node.Dispose();

        UnraisableInfo info = Assert.Single(t.Unraisable);
        Assert.Equal(UnraisablePhase.WeakRefCallback, info.Phase);
        Assert.Same(failing.Value, info.Object);
        Assert.Equal("boom", info.Exception.Message);
        Assert.Equal([1], order);
        Assert.Equal(RcObjectState.Freed, dying.State);
        Assert.Equal(1, dying.FreeCount);
    }

    [Fact]
    public void Collect_ReachableWeakRefToCyclicGarbage_CallbackRunsBeforeFinalizersSeeItDead()
    {
        using TestRuntime t = new();
        List<string> events = [];
        FinalizableNode a;
        Owned<WeakRef> weakToB;
        using (Owned<FinalizableNode> oa = t.Runtime.New<FinalizableNode>().ToOwned())
        using (Owned<Node> ob = t.Node("b"))
        {
            a = oa.Value;
            a.Next.Set(ob.Value);
            ob.Value.Next.Set(a);
            weakToB = t.Runtime.WeakRef(ob.Value, r => events.Add($"callback dead={r.IsDead}")).ToOwned();
        }

        WeakRef weak = weakToB.Value;
        a.OnFinalizeAction = _ => events.Add($"finalizer sees mate dead={weak.IsDead}");
        t.Gc.Collect();

        Assert.Equal(["callback dead=True", "finalizer sees mate dead=True"], events);
        Assert.Equal(RcObjectState.Freed, a.State);
        weakToB.Dispose();
    }

    [Fact]
    public void Collect_WeakRefThatIsItselfGarbage_IsClearedWithoutCallback()
    {
        using TestRuntime t = new();
        bool? mateDeadInFinalizer = null;
        int callbackCalls = 0;
        WeakRef weak;
        FinalizableNode a;
        using (Owned<FinalizableNode> oa = t.Runtime.New<FinalizableNode>().ToOwned())
        using (Owned<Holder> holder = t.Runtime.New<Holder>().ToOwned())
        using (Owned<Node> b = t.Node("b"))
        {
            a = oa.Value;
            a.Next.Set(holder.Value);
            holder.Value.Items[0].Set(b.Value);
            b.Value.Next.Set(a);
            Owned<WeakRef> ownedWeak = t.Runtime.WeakRef(b.Value, _ => callbackCalls++).ToOwned();
            weak = ownedWeak.Value;
            holder.Value.Items[1].SetOwned(ownedWeak.Take());
        }

        a.OnFinalizeAction = self => mateDeadInFinalizer = ((Holder)self.Next.Value!).Items[1].Value is WeakRef w && w.IsDead;
        CollectionResult result = t.Gc.Collect();

        Assert.Equal(0, callbackCalls);
        Assert.True(mateDeadInFinalizer);
        Assert.Equal(4, result.Collected); // a, holder, b and the weak reference; the delegate callback is an untracked leaf
        Assert.Equal(RcObjectState.Freed, weak.State);
        Assert.Empty(t.Unraisable);
    }

    [Fact]
    public void Collect_ResurrectedObject_OldWeakRefStaysDeadAndNewOneWorks()
    {
        using TestRuntime t = new();
        using Owned<Node> keeper = t.Node("keeper");
        FinalizableNode phoenix = t.FinalizableSelfCycle(self => keeper.Value.Next.Set(self));

        using Owned<WeakRef> old = t.Runtime.WeakRef(phoenix).ToOwned();
        t.Gc.Collect();

        Assert.Equal(RcObjectState.Finalized, phoenix.State);
        Assert.True(old.Value.IsDead);
        Assert.Equal(0, t.Runtime.GetWeakRefCount(phoenix));
        using Owned<WeakRef> fresh = t.Runtime.WeakRef(phoenix).ToOwned();
        Assert.NotSame(old.Value, fresh.Value);
        Assert.Same(phoenix, fresh.Value.Target);
    }

    [Fact]
    public void Release_FinalizerResurrects_WeakRefsStayAttachedAsInCPython()
    {
        // CPython clears weak references only after a refcount finalizer declined to resurrect the object;
        // the cycle collector, by contrast, clears them before finalizers run.
        using TestRuntime t = new();
        using Owned<Node> keeper = t.Node("keeper");
        Owned<FinalizableNode> o = t.Runtime.New<FinalizableNode>().ToOwned();
        FinalizableNode phoenix = o.Value;
        phoenix.OnFinalizeAction = self => keeper.Value.Next.Set(self);
        int calls = 0;
        using Owned<WeakRef> weak = t.Runtime.WeakRef(phoenix, _ => calls++).ToOwned();

        o.Dispose();

        Assert.Equal(RcObjectState.Finalized, phoenix.State);
        Assert.Same(phoenix, weak.Value.Target);
        Assert.Equal(0, calls);

        keeper.Value.Next.Clear();
        Assert.Equal(RcObjectState.Freed, phoenix.State);
        Assert.Equal(1, calls);
        Assert.Equal(1, phoenix.FinalizeCount);
    }

    [Fact]
    public void GetWeakRefCountAndGetWeakRefs_TrackLiveWeakRefs_SharedBasicRefFirst()
    {
        using TestRuntime t = new();
        Owned<Node> node = t.Node();
        Assert.Equal(0, t.Runtime.GetWeakRefCount(node.Value));
        Assert.Empty(t.Runtime.GetWeakRefs(node.Value));

        using Owned<WeakRef> basic = t.Runtime.WeakRef(node.Value).ToOwned();
        using Owned<WeakRef> shared = t.Runtime.WeakRef(node.Value).ToOwned();
        Owned<WeakRef> withCallback = t.Runtime.WeakRef(node.Value, _ => { }).ToOwned();
        Assert.Equal(2, t.Runtime.GetWeakRefCount(node.Value));
        Assert.Equal([basic.Value, withCallback.Value], t.Runtime.GetWeakRefs(node.Value));

        withCallback.Dispose();
        Assert.Equal(1, t.Runtime.GetWeakRefCount(node.Value));
        Assert.Equal([basic.Value], t.Runtime.GetWeakRefs(node.Value));

        Node target = node.Value;
        node.Dispose();
        Assert.Equal(0, t.Runtime.GetWeakRefCount(target));
        Assert.Empty(t.Runtime.GetWeakRefs(target));
    }

    [Fact]
    public void GetWeakRefs_SeveralCallbackRefs_ListsBasicRefThenNewestFirst_AsCPython()
    {
        // python3: r1, r2 with callbacks, then a basic ref b: getweakrefs(o) == [b, r2, r1]
        using TestRuntime t = new();
        using Owned<Node> node = t.Node();
        using Owned<WeakRef> first = t.Runtime.WeakRef(node.Value, _ => { }).ToOwned();
        using Owned<WeakRef> second = t.Runtime.WeakRef(node.Value, _ => { }).ToOwned();
        using Owned<WeakRef> basic = t.Runtime.WeakRef(node.Value).ToOwned();

        Assert.Equal([basic.Value, second.Value, first.Value], t.Runtime.GetWeakRefs(node.Value));
    }

    [Fact]
    public void WeakRef_FreedTarget_ThrowsObjectFreedException()
    {
        using TestRuntime t = new();
        Node freed = LifetimeStates.FreedNode(t);

        ObjectFreedException error = Assert.Throws<ObjectFreedException>(() => t.Runtime.WeakRef(freed).ToOwned());
        Assert.Equal(typeof(Node), error.ObjectType);
    }

    [Fact]
    public void WeakRef_ClearedTarget_ThrowsObjectClearedException()
    {
        using TestRuntime t = new();
        Node cleared = LifetimeStates.ClearedNode(t);
        Assert.Equal(RcObjectState.Cleared, cleared.State);

        Assert.Throws<ObjectClearedException>(() => t.Runtime.WeakRef(cleared).ToOwned());
    }

    [Fact]
    public void WeakRef_CallbackNotImplementingInterface_ThrowsArgumentException()
    {
        using TestRuntime t = new();
        using Owned<Node> node = t.Node();
        using Owned<Leaf> notACallback = t.Runtime.New<Leaf>().ToOwned();

        ArgumentException error = Assert.Throws<ArgumentException>(() => t.Runtime.WeakRef(node.Value, notACallback.Value).ToOwned());
        Assert.Equal("callback", error.ParamName);
        Assert.Equal(0, t.Runtime.GetWeakRefCount(node.Value));
        Assert.Equal(1, notACallback.Value.RefCount);
    }

    [Fact]
    public void WeakRef_TargetOfAnotherRuntime_ThrowsWrongRuntimeException()
    {
        using TestRuntime t = new();
        using TestRuntime other = new();
        using Owned<Node> foreign = other.Node();

        Assert.Throws<WrongRuntimeException>(() => t.Runtime.WeakRef(foreign.Value).ToOwned());
    }
}
