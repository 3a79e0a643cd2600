using Reclaim.Tests.Support;

namespace Reclaim.Tests.Watching;

public sealed class DictWatcherTests
{
    [Fact]
    public void Set_Remove_DeliveredBeforeTheChange_WithKeyAndNewValue()
    {
        using TestRuntime t = new();
        WatcherLog log = new(t.Runtime);
        using Owned<RcDict> dict = t.Runtime.New<RcDict>().ToOwned();
        using Owned<Leaf> first = t.Runtime.New<Leaf>().ToOwned();
        using Owned<Leaf> second = t.Runtime.New<Leaf>().ToOwned();
        dict.Value.Watch(log.Id);

        dict.Value.Set("x", first.Value);
        dict.Value.Set("x", second.Value);
        dict.Value.Remove("x");

        Assert.Equal([DictWatcherEvent.Added, DictWatcherEvent.Modified, DictWatcherEvent.Deleted], log.Kinds);
        Assert.All(log.Events, e => Assert.Equal(new RcDictKey("x"), e.Key));
        Assert.Equal((0, null, first.Value), (log.Events[0].CountBefore, log.Events[0].ValueBefore, log.Events[0].NewValue));
        Assert.Equal((1, first.Value, second.Value), (log.Events[1].CountBefore, log.Events[1].ValueBefore, log.Events[1].NewValue));
        Assert.Equal((1, second.Value, null), (log.Events[2].CountBefore, log.Events[2].ValueBefore, log.Events[2].NewValue));
    }

    [Fact]
    public void NoOpChanges_SameValue_EmptyClear_MissingRemove_DeliverNothing()
    {
        using TestRuntime t = new();
        WatcherLog log = new(t.Runtime);
        using Owned<RcDict> dict = t.Runtime.New<RcDict>().ToOwned();
        using Owned<Leaf> value = t.Runtime.New<Leaf>().ToOwned();
        dict.Value.Watch(log.Id);
        dict.Value.Clear();
        dict.Value.Remove("absent");
        dict.Value.Set("x", value.Value);

        dict.Value.Set("x", value.Value);

        Assert.Equal([DictWatcherEvent.Added], log.Kinds);
    }

    [Fact]
    public void Clear_DeliveredWhileEntriesAreStillThere()
    {
        using TestRuntime t = new();
        WatcherLog log = new(t.Runtime);
        using Owned<RcDict> dict = t.Runtime.New<RcDict>().ToOwned();
        using Owned<Leaf> value = t.Runtime.New<Leaf>().ToOwned();
        dict.Value.Set("a", value.Value);
        dict.Value.Set("b", value.Value);
        dict.Value.Watch(log.Id);

        dict.Value.Clear();

        WatcherLog.Event cleared = Assert.Single(log.Events);
        Assert.Equal(DictWatcherEvent.Cleared, cleared.Kind);
        Assert.True(cleared.Key.IsNone);
        Assert.Equal(2, cleared.CountBefore);
    }

    [Fact]
    public void Update_IntoEmpty_IsOneCloned_WithSource_IntoNonEmpty_IsPerKey()
    {
        using TestRuntime t = new();
        WatcherLog log = new(t.Runtime);
        using Owned<RcDict> target = t.Runtime.New<RcDict>().ToOwned();
        using Owned<RcDict> source = t.Runtime.New<RcDict>().ToOwned();
        using Owned<Leaf> value = t.Runtime.New<Leaf>().ToOwned();
        using Owned<Leaf> other = t.Runtime.New<Leaf>().ToOwned();
        source.Value.Set("a", value.Value);
        source.Value.Set("b", value.Value);
        target.Value.Watch(log.Id);

        target.Value.Update(source.Value);
        WatcherLog.Event cloned = Assert.Single(log.Events);
        Assert.Equal(DictWatcherEvent.Cloned, cloned.Kind);
        Assert.Same(source.Value, cloned.NewValue);
        Assert.Equal(0, cloned.CountBefore);
        Assert.Equal(2, target.Value.Count);

        source.Value.Set("a", other.Value);
        source.Value.Set("c", other.Value);
        log.Events.Clear();
        target.Value.Update(source.Value);
        Assert.Equal(2, log.Events.Count);
        Assert.Contains(log.Events, e => e.Kind == DictWatcherEvent.Modified && e.Key == "a");
        Assert.Contains(log.Events, e => e.Kind == DictWatcherEvent.Added && e.Key == "c");
    }

    [Fact]
    public void Copy_DeliversNothing_AndTheCopyIsNotWatched()
    {
        using TestRuntime t = new();
        WatcherLog log = new(t.Runtime);
        using Owned<RcDict> dict = t.Runtime.New<RcDict>().ToOwned();
        using Owned<Leaf> value = t.Runtime.New<Leaf>().ToOwned();
        dict.Value.Set("a", value.Value);
        dict.Value.Watch(log.Id);

        using Owned<RcDict> copy = dict.Value.Copy().ToOwned();
        copy.Value.Set("b", value.Value);

        Assert.Empty(log.Events);
        Assert.False(copy.Value.IsWatched);
        Assert.True(dict.Value.IsWatched);
    }

    [Fact]
    public void Deallocated_ByCount_ArrivesBeforeTheEntriesAreDropped_ThenTheDictionaryIsUnwatched()
    {
        using TestRuntime t = new();
        WatcherLog log = new(t.Runtime);
        using Owned<Leaf> value = t.Runtime.New<Leaf>().ToOwned();
        bool valueHeldWhenNotified = false;
        WatcherLog deathLog = new(t.Runtime, (kind, dict, _, _) =>
            valueHeldWhenNotified = kind == DictWatcherEvent.Deallocated && dict.TryGetValue("x", out RcObject? v) && ReferenceEquals(v, value.Value) && value.Value.RefCount == 2);
        RcDict dict;
        using (Owned<RcDict> owned = t.Runtime.New<RcDict>().ToOwned())
        {
            dict = owned.Value;
            dict.Set("x", value.Value);
            dict.Watch(log.Id);
            dict.Watch(deathLog.Id);
        }

        WatcherLog.Event death = Assert.Single(log.Events);
        Assert.Equal(DictWatcherEvent.Deallocated, death.Kind);
        Assert.Same(dict, death.Dictionary);
        Assert.Equal(1, death.CountBefore);
        Assert.True(valueHeldWhenNotified);
        Assert.Equal(RcObjectState.Freed, dict.State);
        Assert.Equal(1, value.Value.RefCount);
        Assert.Empty(t.Unraisable);
    }

    [Fact]
    public void Deallocated_ByCollector_ArrivesInTheCollectionBeforeAnythingIsCleared()
    {
        using TestRuntime t = new();
        bool partnerIntact = false;
        Node? partner = null;
        WatcherLog log = new(t.Runtime, (kind, dict, _, _) =>
            partnerIntact = kind == DictWatcherEvent.Deallocated && partner!.IsAlive && ReferenceEquals(partner.Next.Value, dict) && dict.Count == 1);
        RcDict dict;
        using (Owned<RcDict> owned = t.Runtime.New<RcDict>().ToOwned())
        using (Owned<Node> node = t.Node("partner"))
        {
            dict = owned.Value;
            partner = node.Value;
            dict.Set("partner", node.Value);
            node.Value.Next.Set(dict);
            dict.Watch(log.Id);
        }

        CollectionResult result = t.Gc.Collect();

        WatcherLog.Event death = Assert.Single(log.Events);
        Assert.Equal(DictWatcherEvent.Deallocated, death.Kind);
        Assert.True(death.DuringCollection);
        Assert.True(partnerIntact);
        Assert.Equal(2, result.Collected);
        Assert.Equal(RcObjectState.Freed, dict.State);
        Assert.Empty(t.Unraisable);
    }

    [Fact]
    public void Deallocated_ThenResurrectedByAFinalizer_LivesOnUnwatched()
    {
        using TestRuntime t = new();
        WatcherLog log = new(t.Runtime);
        using Owned<Node> rescuer = t.Node("rescuer");
        RcDict dict;
        using (Owned<RcDict> owned = t.Runtime.New<RcDict>().ToOwned())
        using (Owned<FinalizableNode> finalizable = t.Runtime.New<FinalizableNode>().ToOwned())
        {
            dict = owned.Value;
            finalizable.Value.OnFinalizeAction = self => rescuer.Value.Next.Set(self.Next.Value);
            finalizable.Value.Next.Set(dict);
            dict.Set("owner", finalizable.Value);
            dict.Watch(log.Id);
        }

        t.Gc.Collect();

        Assert.Equal([DictWatcherEvent.Deallocated], log.Kinds);
        Assert.True(dict.IsAlive);
        Assert.False(dict.IsWatched);
        dict.Set("later", rescuer.Value);
        Assert.Single(log.Events);
    }

    [Fact]
    public void WatcherException_GoesToTheUnraisableHook_AndTheChangeStillHappens()
    {
        using TestRuntime t = new();
        int watcher = t.Runtime.AddDictWatcher((_, _, _, _) => throw new InvalidOperationException("watcher failed"));
        using Owned<RcDict> dict = t.Runtime.New<RcDict>().ToOwned();
        using Owned<Leaf> value = t.Runtime.New<Leaf>().ToOwned();
        dict.Value.Watch(watcher);

        dict.Value.Set("x", value.Value);

        Assert.Same(value.Value, dict.Value["x"]);
        UnraisableInfo report = Assert.Single(t.Unraisable);
        Assert.Equal(UnraisablePhase.Watcher, report.Phase);
        Assert.Same(dict.Value, report.Object);
        Assert.Equal("watcher failed", report.Exception.Message);
    }

    [Fact]
    public void CheckedMode_WatcherMutatingAWatchedDictionary_ThrowsWatchedDictMutation()
    {
        using TestRuntime t = new();
        using Owned<RcDict> dict = t.Runtime.New<RcDict>().ToOwned();
        using Owned<RcDict> other = t.Runtime.New<RcDict>().ToOwned();
        using Owned<Leaf> value = t.Runtime.New<Leaf>().ToOwned();
        Exception? caught = null;
        int watcher = t.Runtime.AddDictWatcher((kind, _, _, _) =>
        {
            if (kind != DictWatcherEvent.Added)
            {
                return;
            }

            other.Value.Set("unwatched is fine", value.Value);
            caught = Record.Exception(() => dict.Value.Set("nested", value.Value));
        });
        dict.Value.Watch(watcher);

        dict.Value.Set("x", value.Value);

        WatchedDictMutationException error = Assert.IsType<WatchedDictMutationException>(caught);
        Assert.Equal("RcDict.Set", error.Operation);
        Assert.Contains("Runtime.Defer", error.Message, StringComparison.Ordinal);
        Assert.False(dict.Value.ContainsKey("nested"));
        Assert.True(dict.Value.ContainsKey("x"));
        Assert.True(other.Value.ContainsKey("unwatched is fine"));
    }

    [Fact]
    public void UncheckedMode_WatcherMutation_IsAllowed()
    {
        using TestRuntime t = new(checkedMode: false);
        using Owned<RcDict> dict = t.Runtime.New<RcDict>().ToOwned();
        using Owned<Leaf> value = t.Runtime.New<Leaf>().ToOwned();
        int watcher = t.Runtime.AddDictWatcher((kind, d, key, _) =>
        {
            if (kind == DictWatcherEvent.Added && key == "x")
            {
                d.Set("y", value.Value);
            }
        });
        dict.Value.Watch(watcher);

        dict.Value.Set("x", value.Value);

        Assert.Equal(2, dict.Value.Count);
        Assert.Equal(3, value.Value.RefCount);
        Assert.Empty(t.Unraisable);
    }

    [Fact]
    public void Watcher_DefersTheMutation_ItRunsAtTheNextSafePoint()
    {
        using TestRuntime t = new();
        using Owned<RcDict> dict = t.Runtime.New<RcDict>().ToOwned();
        using Owned<Leaf> value = t.Runtime.New<Leaf>().ToOwned();
        int watcher = t.Runtime.AddDictWatcher((kind, d, _, _) =>
        {
            if (kind == DictWatcherEvent.Added)
            {
                t.Runtime.Defer(() => d.Remove("x"));
            }
        });
        dict.Value.Watch(watcher);

        dict.Value.Set("x", value.Value);
        Assert.True(dict.Value.ContainsKey("x"));
        t.Runtime.SafePoint();

        Assert.False(dict.Value.ContainsKey("x"));
        Assert.Empty(t.Unraisable);
    }

    [Fact]
    public void AddDictWatcher_NinthWatcher_ThrowsDictWatcherLimit()
    {
        using TestRuntime t = new();
        int[] ids = [.. Enumerable.Range(0, Runtime.MaxDictWatchers).Select(_ => t.Runtime.AddDictWatcher((_, _, _, _) => { }))];

        DictWatcherLimitException error = Assert.Throws<DictWatcherLimitException>(() => t.Runtime.AddDictWatcher((_, _, _, _) => { }));

        Assert.Equal(8, error.Capacity);
        Assert.Equal(Enumerable.Range(0, 8), ids);
        t.Runtime.ClearDictWatcher(3);
        Assert.Equal(3, t.Runtime.AddDictWatcher((_, _, _, _) => { }));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    [InlineData(8)]
    public void UnknownWatcherId_WatchUnwatchClear_ThrowUnknownDictWatcher(int id)
    {
        using TestRuntime t = new();
        t.Runtime.AddDictWatcher((_, _, _, _) => { });
        using Owned<RcDict> dict = t.Runtime.New<RcDict>().ToOwned();

        Assert.Equal(id, Assert.Throws<UnknownDictWatcherException>(() => dict.Value.Watch(id)).WatcherId);
        Assert.Equal("RcDict.Unwatch", Assert.Throws<UnknownDictWatcherException>(() => dict.Value.Unwatch(id)).Operation);
        Assert.Throws<UnknownDictWatcherException>(() => t.Runtime.ClearDictWatcher(id));
    }

    [Fact]
    public void ClearDictWatcher_Twice_ThrowsUnknownDictWatcher()
    {
        using TestRuntime t = new();
        int id = t.Runtime.AddDictWatcher((_, _, _, _) => { });
        t.Runtime.ClearDictWatcher(id);

        Assert.Throws<UnknownDictWatcherException>(() => t.Runtime.ClearDictWatcher(id));
    }

    [Fact]
    public void Watch_FreedDictionary_ThrowsObjectFreed()
    {
        using TestRuntime t = new();
        WatcherLog log = new(t.Runtime);
        RcDict dict = t.Runtime.Allocate<RcDict>();
        dict.Release();

        ObjectFreedException error = Assert.Throws<ObjectFreedException>(() => dict.Watch(log.Id));
        Assert.Equal("RcDict.Watch", error.Operation);
        Assert.Throws<ObjectFreedException>(() => dict.Unwatch(log.Id));
    }

    [Fact]
    public void ClearedWatcher_ItsIdReused_DictionariesItWatchedDoNotCallTheNewOne()
    {
        using TestRuntime t = new();
        WatcherLog first = new(t.Runtime);
        using Owned<RcDict> dict = t.Runtime.New<RcDict>().ToOwned();
        using Owned<Leaf> value = t.Runtime.New<Leaf>().ToOwned();
        dict.Value.Watch(first.Id);
        t.Runtime.ClearDictWatcher(first.Id);
        WatcherLog second = new(t.Runtime);
        Assert.Equal(first.Id, second.Id);

        dict.Value.Set("x", value.Value);

        Assert.Empty(first.Events);
        Assert.Empty(second.Events);
        Assert.False(dict.Value.IsWatched);
    }

    [Fact]
    public void Unwatch_StopsEvents_ForThatWatcherOnly()
    {
        using TestRuntime t = new();
        WatcherLog a = new(t.Runtime);
        WatcherLog b = new(t.Runtime);
        using Owned<RcDict> dict = t.Runtime.New<RcDict>().ToOwned();
        using Owned<Leaf> value = t.Runtime.New<Leaf>().ToOwned();
        dict.Value.Watch(a.Id);
        dict.Value.Watch(b.Id);
        dict.Value.Watch(b.Id);

        dict.Value.Unwatch(a.Id);
        dict.Value.Set("x", value.Value);
        dict.Value.Unwatch(b.Id);
        dict.Value.Unwatch(b.Id);
        dict.Value.Set("y", value.Value);

        Assert.Empty(a.Events);
        Assert.Single(b.Events);
        Assert.False(dict.Value.IsWatched);
        Assert.Equal(0, t.Runtime.GetWeakRefCount(dict.Value));
    }

    [Fact]
    public void Shutdown_ChangesAndDeathsDuringFinalizing_DeliverNothing()
    {
        TestRuntime t = new();
        WatcherLog log = new(t.Runtime);
        RcDict survivor = t.Runtime.New<RcDict>().Take();
        survivor.Watch(log.Id);
        using (Owned<Leaf> value = t.Runtime.New<Leaf>().ToOwned())
        {
            survivor.Set("x", value.Value);
        }

        RuntimeState stateWhenCleared = RuntimeState.Running;
        using (Owned<Node> step = t.Node("shutdown step"))
        using (Owned<RcDict> garbage = t.Runtime.New<RcDict>().ToOwned())
        {
            step.Value.Next.Set(step.Value);
            step.Value.Other.Set(garbage.Value);
            garbage.Value.Set("step", step.Value);
            garbage.Value.Watch(log.Id);
            step.Value.OnFreeAction = _ =>
            {
                stateWhenCleared = t.Runtime.State;
                survivor.Clear();
            };
        }

        log.Events.Clear();
        t.Dispose();

        Assert.Equal(RuntimeState.ShuttingDown, stateWhenCleared);
        Assert.Empty(log.Events);
        Assert.Empty(t.Unraisable);
    }
}
