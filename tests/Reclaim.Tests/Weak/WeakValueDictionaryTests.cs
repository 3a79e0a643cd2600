using Reclaim.Tests.Support;

namespace Reclaim.Tests.Weak;

public sealed class WeakValueDictionaryTests
{
    private static Owned<WeakValueDictionary<string, Node>> NewDictionary(TestRuntime t) =>
        t.Runtime.New<WeakValueDictionary<string, Node>>().ToOwned();

    /// <summary>Creates a node named <paramref name="name"/> and stores it under that name.</summary>
    private static Owned<Node> AddNode(TestRuntime t, WeakValueDictionary<string, Node> d, string name)
    {
        Owned<Node> node = t.Node(name);
        d[name] = node.Value;
        return node;
    }

    [Fact]
    public void Indexer_SetThenGet_ReturnsValueWithoutCountingIt()
    {
        using TestRuntime t = new();
        using Owned<WeakValueDictionary<string, Node>> d = NewDictionary(t);
        using Owned<Node> node = t.Node("n");

        d.Value["a"] = node.Value;

        Assert.Same(node.Value, d.Value["a"]);
        Assert.Equal(1, node.Value.RefCount);
        Assert.Equal(1, d.Value.Count);
        Assert.True(d.Value.ContainsKey("a"));
        Assert.Equal(1, t.Runtime.GetWeakRefCount(node.Value));
    }

    [Fact]
    public void ValueReleased_EntryVanishes()
    {
        using TestRuntime t = new();
        using Owned<WeakValueDictionary<string, Node>> d = NewDictionary(t);
        Owned<Node> node = t.Node("n");
        using Owned<Node> other = t.Node("other");
        d.Value["a"] = node.Value;
        d.Value["b"] = other.Value;

        node.Dispose();

        Assert.Equal(1, d.Value.Count);
        Assert.False(d.Value.ContainsKey("a"));
        Assert.False(d.Value.TryGetValue("a", out _));
        Assert.Throws<KeyNotFoundException>(() => d.Value["a"]);
        Assert.Equal(["b"], d.Value.Keys);
    }

    [Fact]
    public void ValueInGarbageCycle_CollectRemovesEntry()
    {
        using TestRuntime t = new();
        using Owned<WeakValueDictionary<string, Node>> d = NewDictionary(t);
        Node member;
        using (Owned<Node> ring = t.Ring(4))
        {
            member = ring.Value;
            d.Value["ring"] = member;
        }

        Assert.Equal(1, d.Value.Count);
        t.Gc.Collect();

        Assert.Equal(RcObjectState.Freed, member.State);
        Assert.Equal(0, d.Value.Count);
        Assert.Empty(d.Value);
        Assert.Empty(t.Unraisable);
    }

    [Fact]
    public void ValueInGarbageCycle_FinalizerOfCycleMateSeesEntryAlreadyGone()
    {
        using TestRuntime t = new();
        using Owned<WeakValueDictionary<string, Node>> d = NewDictionary(t);
        bool? presentInFinalizer = null;
        string? nameSeenThroughCycle = null;
        using (Owned<FinalizableNode> a = t.Runtime.New<FinalizableNode>().ToOwned())
        using (Owned<Node> b = t.Node("b"))
        {
            a.Value.Next.Set(b.Value);
            b.Value.Next.Set(a.Value);
            d.Value["b"] = b.Value;
            a.Value.OnFinalizeAction = self =>
            {
                presentInFinalizer = d.Value.ContainsKey("b");
                nameSeenThroughCycle = ((Node)self.Next.Value!).Name;
            };
        }

        t.Gc.Collect();

        // Weak references to garbage are cleared, and their callbacks run, before any finalizer; the finalizer
        // still reaches its intact cycle-mate through its strong reference.
        Assert.False(presentInFinalizer);
        Assert.Equal("b", nameSeenThroughCycle);
        Assert.Equal(0, d.Value.Count);
    }

    [Fact]
    public void Set_ExistingKeyNewValue_ReplacesAndReleasesOldWeakRef()
    {
        using TestRuntime t = new();
        using Owned<WeakValueDictionary<string, Node>> d = NewDictionary(t);
        using Owned<Node> first = t.Node("first");
        using Owned<Node> second = t.Node("second");
        d.Value["k"] = first.Value;
        WeakRef oldRef = Assert.Single(t.Runtime.GetWeakRefs(first.Value));

        d.Value["k"] = second.Value;

        Assert.Same(second.Value, d.Value["k"]);
        Assert.Equal(0, t.Runtime.GetWeakRefCount(first.Value));
        Assert.Equal(RcObjectState.Freed, oldRef.State);
        Assert.Equal(1, d.Value.Count);
    }

    [Fact]
    public void Set_SameValueAgain_KeepsTheExistingWeakRef()
    {
        using TestRuntime t = new();
        using Owned<WeakValueDictionary<string, Node>> d = NewDictionary(t);
        using Owned<Node> node = t.Node();
        d.Value["k"] = node.Value;
        WeakRef reference = Assert.Single(t.Runtime.GetWeakRefs(node.Value));

        d.Value["k"] = node.Value;

        Assert.Same(reference, Assert.Single(t.Runtime.GetWeakRefs(node.Value)));
    }

    [Fact]
    public void TryGetValue_Live_ReturnsBorrowedValue()
    {
        using TestRuntime t = new();
        using Owned<WeakValueDictionary<string, Node>> d = NewDictionary(t);
        using Owned<Node> node = t.Node();
        d.Value["k"] = node.Value;

        Assert.True(d.Value.TryGetValue("k", out Node? found));
        Assert.Same(node.Value, found);
        Assert.Equal(1, node.Value.RefCount);
        Assert.False(d.Value.TryGetValue("missing", out Node? missing));
        Assert.Null(missing);
    }

    [Fact]
    public void TryGetOwned_Live_ReturnsOwnedReference()
    {
        using TestRuntime t = new();
        using Owned<WeakValueDictionary<string, Node>> d = NewDictionary(t);
        Owned<Node> node = t.Node();
        Node target = node.Value;
        d.Value["k"] = target;

        Assert.True(d.Value.TryGetOwned("k", out NewRef<Node> owned));
        node.Dispose();
        Assert.Equal(1, target.RefCount);
        Assert.True(d.Value.ContainsKey("k"));

        owned.Release();
        Assert.Equal(RcObjectState.Freed, target.State);
        Assert.False(d.Value.TryGetOwned("k", out NewRef<Node> none));
        Assert.True(none.IsNull);
        none.Release();
    }

    [Fact]
    public void Remove_LiveEntry_ReturnsTrueAndReleasesItsWeakRef()
    {
        using TestRuntime t = new();
        using Owned<WeakValueDictionary<string, Node>> d = NewDictionary(t);
        using Owned<Node> node = t.Node();
        d.Value["k"] = node.Value;
        WeakRef reference = Assert.Single(t.Runtime.GetWeakRefs(node.Value));

        Assert.True(d.Value.Remove("k"));

        Assert.False(d.Value.Remove("k"));
        Assert.Equal(0, d.Value.Count);
        Assert.Equal(RcObjectState.Freed, reference.State);
        Assert.Equal(0, t.Runtime.GetWeakRefCount(node.Value));
        Assert.Equal(1, node.Value.RefCount);
    }

    [Fact]
    public void Clear_ReleasesEveryWeakRefAndStaysUsable()
    {
        using TestRuntime t = new();
        using Owned<WeakValueDictionary<string, Node>> d = NewDictionary(t);
        using Owned<Node> a = AddNode(t, d.Value, "a");
        using Owned<Node> b = AddNode(t, d.Value, "b");
        WeakRef[] references = [.. t.Runtime.GetWeakRefs(a.Value), .. t.Runtime.GetWeakRefs(b.Value)];

        d.Value.Clear();

        Assert.Equal(0, d.Value.Count);
        Assert.All(references, r => Assert.Equal(RcObjectState.Freed, r.State));
        d.Value["a"] = a.Value;
        Assert.Same(a.Value, d.Value["a"]);
    }

    [Fact]
    public void Enumerate_LiveEntries_YieldsKeysAndValues()
    {
        using TestRuntime t = new();
        using Owned<WeakValueDictionary<string, Node>> d = NewDictionary(t);
        using Owned<Node> a = AddNode(t, d.Value, "a");
        using Owned<Node> b = AddNode(t, d.Value, "b");
        Owned<Node> dead = AddNode(t, d.Value, "dead");
        dead.Dispose();

        Dictionary<string, string> seen = d.Value.ToDictionary(p => p.Key, p => p.Value.Name);

        Assert.Equal(new Dictionary<string, string> { ["a"] = "a", ["b"] = "b" }, seen);
        Assert.Equal(["a", "b"], d.Value.Keys.Order());
        Assert.Equal(["a", "b"], d.Value.Values.Select(n => n.Name).Order());
    }

    [Fact]
    public void Enumerate_ValuesDieDuringEnumeration_AreSkippedAndRemoved()
    {
        using TestRuntime t = new();
        using Owned<WeakValueDictionary<string, Node>> d = NewDictionary(t);
        List<Owned<Node>> handles = [];
        for (int i = 0; i < 6; i++)
        {
            Owned<Node> node = t.Node($"n{i}");
            d.Value[$"k{i}"] = node.Value;
            handles.Add(node);
        }

        List<string> seen = [];
        foreach (KeyValuePair<string, Node> pair in d.Value)
        {
            seen.Add(pair.Key);
            if (seen.Count == 1)
            {
                // Kill every value but the current one while the enumeration is running.
                foreach (Owned<Node> handle in handles.Where(h => !ReferenceEquals(h.Value, pair.Value)))
                {
                    handle.Dispose();
                }

                Assert.Equal(1, d.Value.Count);
            }
        }

        Assert.Single(seen);
        Assert.Equal(1, d.Value.Count);
        handles.ForEach(h => h.Dispose());
        Assert.Equal(0, d.Value.Count);
    }

    [Fact]
    public void Enumerate_BodyDropsCurrentValue_ValueStaysAliveUntilMoveNext()
    {
        using TestRuntime t = new();
        using Owned<WeakValueDictionary<string, Node>> d = NewDictionary(t);
        Owned<Node> only = t.Node("only");
        Node node = only.Value;
        d.Value["k"] = node;

        using (IEnumerator<KeyValuePair<string, Node>> e = d.Value.GetEnumerator())
        {
            Assert.True(e.MoveNext());
            only.Dispose();
            Assert.Equal(RcObjectState.Alive, e.Current.Value.State);
            Assert.Equal("only", e.Current.Value.Name);
            Assert.True(d.Value.ContainsKey("k"));

            Assert.False(e.MoveNext());
            Assert.Equal(RcObjectState.Freed, node.State);
        }

        Assert.Equal(0, d.Value.Count);
    }

    [Fact]
    public void Enumerate_RemoveDuringEnumeration_Continues()
    {
        using TestRuntime t = new();
        using Owned<WeakValueDictionary<string, Node>> d = NewDictionary(t);
        using Owned<Node> a = AddNode(t, d.Value, "a");
        using Owned<Node> b = AddNode(t, d.Value, "b");
        using Owned<Node> c = AddNode(t, d.Value, "c");

        List<string> seen = [];
        foreach (KeyValuePair<string, Node> pair in d.Value)
        {
            seen.Add(pair.Key);
            Assert.True(d.Value.Remove(pair.Key));
        }

        Assert.Equal(["a", "b", "c"], seen.Order());
        Assert.Equal(0, d.Value.Count);
    }

    [Fact]
    public void Enumerate_AddDuringEnumeration_NextMoveNextThrows()
    {
        using TestRuntime t = new();
        using Owned<WeakValueDictionary<string, Node>> d = NewDictionary(t);
        using Owned<Node> a = AddNode(t, d.Value, "a");
        using Owned<Node> b = t.Node("b");

        using IEnumerator<KeyValuePair<string, Node>> e = d.Value.GetEnumerator();
        Assert.True(e.MoveNext());
        d.Value["b"] = b.Value;

        Assert.Throws<InvalidOperationException>(() => e.MoveNext());
    }

    [Fact]
    public void Enumerator_KeepsDictionaryAliveUntilDisposed()
    {
        using TestRuntime t = new();
        Owned<WeakValueDictionary<string, Node>> d = NewDictionary(t);
        WeakValueDictionary<string, Node> dictionary = d.Value;
        using Owned<Node> node = t.Node();
        dictionary["k"] = node.Value;

        IEnumerator<KeyValuePair<string, Node>> e = dictionary.GetEnumerator();
        d.Dispose();
        Assert.Equal(RcObjectState.Alive, dictionary.State);
        Assert.True(e.MoveNext());
        Assert.Equal(2, node.Value.RefCount);

        e.Dispose();
        Assert.Equal(RcObjectState.Freed, dictionary.State);
        Assert.Equal(1, node.Value.RefCount);
        Assert.Equal(0, t.Runtime.GetWeakRefCount(node.Value));
    }

    [Fact]
    public void Dispose_LastReference_FreesEveryWeakRefAndCallback()
    {
        using TestRuntime t = new();
        Owned<WeakValueDictionary<string, Node>> d = NewDictionary(t);
        WeakValueDictionary<string, Node> dictionary = d.Value;
        using Owned<Node> a = AddNode(t, dictionary, "a");
        using Owned<Node> b = AddNode(t, dictionary, "b");
        WeakRef[] references = [.. t.Runtime.GetWeakRefs(a.Value), .. t.Runtime.GetWeakRefs(b.Value)];
        RcObject[] callbacks = [.. references.Select(r => r.Callback!)];

        d.Dispose();

        Assert.Equal(RcObjectState.Freed, dictionary.State);
        Assert.All(references, r => Assert.Equal(RcObjectState.Freed, r.State));
        Assert.All(callbacks, c => Assert.Equal(RcObjectState.Freed, c.State));
        Assert.Equal(0, t.Runtime.GetWeakRefCount(a.Value));
        Assert.Equal(1, a.Value.RefCount);
        Assert.Equal<RcObject>([a.Value, b.Value], t.Gc.GetObjects());
    }

    [Fact]
    public void Callbacks_DoNotKeepTheDictionaryAlive()
    {
        using TestRuntime t = new();
        using Owned<WeakValueDictionary<string, Node>> d = NewDictionary(t);
        using Owned<Node> a = AddNode(t, d.Value, "a");
        using Owned<Node> b = AddNode(t, d.Value, "b");

        Assert.Equal(1, d.Value.RefCount);
        Assert.Empty(t.Gc.GetReferrers(d.Value));
        foreach (WeakRef reference in t.Runtime.GetWeakRefs(a.Value))
        {
            Assert.Empty(t.Gc.GetReferents(reference.Callback!));
        }
    }

    [Fact]
    public void Traverse_ReportsEntriesWeakRefsAndCountedKeys()
    {
        using TestRuntime t = new();
        using Owned<WeakValueDictionary<Node, Leaf>> d = t.Runtime.New<WeakValueDictionary<Node, Leaf>>().ToOwned();
        using Owned<Node> key = t.Node("key");
        using Owned<Leaf> value = t.Runtime.New<Leaf>().ToOwned();
        d.Value[key.Value] = value.Value;

        IReadOnlyList<RcObject> referents = t.Gc.GetReferents(d.Value);

        WeakRef reference = Assert.Single(t.Runtime.GetWeakRefs(value.Value));
        Assert.Equal(3, referents.Count);
        Assert.Contains(reference, referents);
        Assert.Contains(reference.Callback!, referents);
        Assert.Contains(key.Value, referents);
        Assert.DoesNotContain(value.Value, referents);
    }

    [Fact]
    public void RuntimeObjectKey_IsCountedWhileItsEntryLives()
    {
        using TestRuntime t = new();
        using Owned<WeakValueDictionary<Node, Leaf>> d = t.Runtime.New<WeakValueDictionary<Node, Leaf>>().ToOwned();
        Owned<Node> key = t.Node("key");
        Node keyNode = key.Value;
        Owned<Leaf> value = t.Runtime.New<Leaf>().ToOwned();
        d.Value[keyNode] = value.Value;
        Assert.Equal(2, keyNode.RefCount);

        key.Dispose();
        Assert.Equal(RcObjectState.Alive, keyNode.State);
        value.Dispose();

        Assert.Equal(RcObjectState.Freed, keyNode.State);
        Assert.Equal(0, d.Value.Count);
    }

    [Fact]
    public void Remove_ReleasingKeyKillsAnotherValue_BothEntriesGo()
    {
        using TestRuntime t = new();
        using Owned<WeakValueDictionary<Node, Node>> d = t.Runtime.New<WeakValueDictionary<Node, Node>>().ToOwned();
        using Owned<Node> firstValue = t.Node("v1");
        Node key = t.Runtime.AdoptReference(new Node { Name = "k1" });
        Node secondKey = t.Runtime.AdoptReference(new Node { Name = "k2" });
        Node secondValue = t.Runtime.AdoptReference(new Node { Name = "v2" });
        d.Value[key] = firstValue.Value;
        d.Value[secondKey] = secondValue;
        key.Next.SetOwned(secondValue);
        secondKey.Release();

        // The dictionary holds the last reference to the first key, which holds the last one to the second value.
        key.Release();
        Assert.True(d.Value.Remove(key));

        Assert.Equal(RcObjectState.Freed, key.State);
        Assert.Equal(RcObjectState.Freed, secondValue.State);
        Assert.Equal(RcObjectState.Freed, secondKey.State);
        Assert.Equal(0, d.Value.Count);
    }

    [Fact]
    public void Set_CollectionRunsWhileAllocatingEntry_DictionaryStaysConsistent()
    {
        using TestRuntime t = new(automaticCollection: true);
        t.Gc.SetThreshold(1);
        using Owned<WeakValueDictionary<string, Node>> d = NewDictionary(t);
        using Owned<Node> survivor = t.Node("survivor");
        for (int round = 0; round < 20; round++)
        {
            using (Owned<Node> garbage = t.Ring(3))
            {
                d.Value[$"garbage{round}"] = garbage.Value;
                d.Value["victim"] = garbage.Value;
            }

            d.Value[$"live{round}"] = survivor.Value;
        }

        t.Gc.Collect();
        Assert.Equal(20, d.Value.Count);
        Assert.All(d.Value, p => Assert.StartsWith("live", p.Key));
        Assert.Empty(t.Unraisable);
    }

    [Fact]
    public void Count_InsideAnotherCallbackOfTheDyingValue_ExcludesItsEntry()
    {
        using TestRuntime t = new();
        using Owned<WeakValueDictionary<string, Node>> d = NewDictionary(t);
        Owned<Node> node = t.Node();
        d.Value["k"] = node.Value;
        int? countSeen = null;
        bool? containsSeen = null;

        // Registered after the dictionary's entry, so it runs first (newest first), before the entry is removed.
        using Owned<WeakRef> observer = t.Runtime.WeakRef(node.Value, _ =>
        {
            countSeen = d.Value.Count;
            containsSeen = d.Value.ContainsKey("k");
        }).ToOwned();
        node.Dispose();

        Assert.Equal(0, countSeen);
        Assert.False(containsSeen);
        Assert.Equal(0, d.Value.Count);
    }

    [Fact]
    public void DictionaryInGarbageCycle_CollectedWithoutRunningItsCallbacks()
    {
        using TestRuntime t = new();
        WeakValueDictionary<RcObject, RcObject> dictionary;
        Holder holder;
        using Owned<Node> outsider = t.Node("outsider");
        using (Owned<WeakValueDictionary<RcObject, RcObject>> d = t.Runtime.New<WeakValueDictionary<RcObject, RcObject>>().ToOwned())
        using (Owned<Holder> h = t.Runtime.New<Holder>().ToOwned())
        {
            dictionary = d.Value;
            holder = h.Value;
            holder.Items[0].Set(dictionary);
            dictionary[holder] = holder;
            dictionary[outsider.Value] = outsider.Value;
        }

        CollectionResult result = t.Gc.Collect();

        Assert.Equal(RcObjectState.Freed, dictionary.State);
        Assert.Equal(RcObjectState.Freed, holder.State);
        Assert.Equal(4, result.Collected); // dictionary, holder and the two weak references; entries are untracked leaves
        Assert.Equal(0, t.Runtime.GetWeakRefCount(outsider.Value));
        Assert.Equal(1, outsider.Value.RefCount);
        Assert.Empty(t.Unraisable);
        Assert.DoesNotContain(t.Gc.GetObjects(), o => o is not Node);
    }

    [Fact]
    public void DictionaryResurrectedFromGarbage_CountsOnlyLiveEntriesAndAcceptsNewOnes()
    {
        using TestRuntime t = new();
        using Owned<Node> keeper = t.Node("keeper");
        using Owned<Node> value = t.Node("value");
        WeakValueDictionary<RcObject, Node> dictionary;
        FinalizableNode key;
        using (Owned<WeakValueDictionary<RcObject, Node>> d = t.Runtime.New<WeakValueDictionary<RcObject, Node>>().ToOwned())
        using (Owned<FinalizableNode> k = t.Runtime.New<FinalizableNode>().ToOwned())
        {
            dictionary = d.Value;
            key = k.Value;
            key.Next.Set(dictionary);
            dictionary[key] = value.Value;
            key.OnFinalizeAction = self => keeper.Value.Next.Set(self);
        }

        t.Gc.Collect();

        // The entry's weak reference was garbage with the dictionary, so it was cleared without its callback
        // even though the value lives on (CPython does the same); the entry must not count as live.
        Assert.Equal(RcObjectState.Finalized, key.State);
        Assert.True(dictionary.IsAlive);
        Assert.False(t.Gc.IsFinalized(dictionary));
        Assert.Equal(0, dictionary.Count);
        Assert.False(dictionary.ContainsKey(key));
        Assert.Empty(dictionary);

        dictionary[key] = value.Value;
        Assert.Equal(1, dictionary.Count);
        Assert.Same(value.Value, dictionary[key]);
    }

    [Fact]
    public void ValueIsTheDictionaryItself_DictionaryStillDiesByItsCount()
    {
        using TestRuntime t = new();
        Owned<WeakValueDictionary<string, RcObject>> d = t.Runtime.New<WeakValueDictionary<string, RcObject>>().ToOwned();
        WeakValueDictionary<string, RcObject> dictionary = d.Value;
        dictionary["self"] = dictionary;
        WeakRef reference = Assert.Single(t.Runtime.GetWeakRefs(dictionary));
        Assert.Same(dictionary, dictionary["self"]);
        Assert.Equal(1, dictionary.RefCount);

        d.Dispose();

        Assert.Equal(RcObjectState.Freed, dictionary.State);
        Assert.Equal(RcObjectState.Freed, reference.State);
        Assert.Empty(t.Unraisable);
    }

    [Fact]
    public void StoredInAField_DiesWithItsOwner()
    {
        using TestRuntime t = new();
        using Owned<Node> value = t.Node("value");
        Owned<Holder> owner = t.Runtime.New<Holder>().ToOwned();
        WeakValueDictionary<string, Node> dictionary = t.Runtime.Allocate<WeakValueDictionary<string, Node>>();
        owner.Value.Items[0].SetOwned(dictionary);
        dictionary["k"] = value.Value;

        owner.Dispose();

        Assert.Equal(RcObjectState.Freed, dictionary.State);
        Assert.Equal(0, t.Runtime.GetWeakRefCount(value.Value));
    }

    [Fact]
    public void Set_NullKeyOrValue_ThrowsArgumentNullException()
    {
        using TestRuntime t = new();
        using Owned<WeakValueDictionary<string, Node>> d = NewDictionary(t);
        using Owned<Node> node = t.Node();

        Assert.Throws<ArgumentNullException>(() => d.Value[null!] = node.Value);
        Assert.Throws<ArgumentNullException>(() => d.Value["k"] = null!);
        Assert.Throws<ArgumentNullException>(() => d.Value.TryGetValue(null!, out _));
        Assert.Throws<ArgumentNullException>(() => d.Value.Remove(null!));
        Assert.Equal(0, d.Value.Count);
    }

    [Fact]
    public void Set_ValueOrKeyOfAnotherRuntime_ThrowsWrongRuntimeException()
    {
        using TestRuntime t = new();
        using TestRuntime other = new();
        using Owned<WeakValueDictionary<Node, Node>> d = t.Runtime.New<WeakValueDictionary<Node, Node>>().ToOwned();
        using Owned<Node> local = t.Node();
        using Owned<Node> foreign = other.Node();

        Assert.Throws<WrongRuntimeException>(() => d.Value[local.Value] = foreign.Value);
        Assert.Throws<WrongRuntimeException>(() => d.Value[foreign.Value] = local.Value);
        Assert.Throws<WrongRuntimeException>(() => d.Value.ContainsKey(foreign.Value));
        Assert.Equal(1, foreign.Value.RefCount);
        Assert.Equal(0, other.Runtime.GetWeakRefCount(foreign.Value));
    }

    [Fact]
    public void Set_FreedOrClearedValue_ThrowsTheLifetimeException()
    {
        using TestRuntime t = new();
        using Owned<WeakValueDictionary<string, Node>> d = NewDictionary(t);
        Node freed = LifetimeStates.FreedNode(t);
        Node cleared = LifetimeStates.ClearedNode(t);

        Assert.Throws<ObjectFreedException>(() => d.Value["f"] = freed);
        Assert.Throws<ObjectClearedException>(() => d.Value["c"] = cleared);
        Assert.Equal(0, d.Value.Count);
    }

    [Fact]
    public void Operations_OnFreedDictionary_ThrowObjectFreedException()
    {
        using TestRuntime t = new();
        Owned<WeakValueDictionary<string, Node>> d = NewDictionary(t);
        WeakValueDictionary<string, Node> dictionary = d.Value;
        using Owned<Node> node = t.Node();
        d.Dispose();

        Assert.Throws<ObjectFreedException>(() => dictionary["k"] = node.Value);
        Assert.Throws<ObjectFreedException>(() => dictionary.TryGetValue("k", out _));
        Assert.Throws<ObjectFreedException>(() => dictionary.Count);
        Assert.Throws<ObjectFreedException>(() => dictionary.GetEnumerator());
        Assert.Throws<ObjectFreedException>(() => dictionary.Clear());
        Assert.Equal(0, t.Runtime.GetWeakRefCount(node.Value));
    }

    [Fact]
    public void Operations_OnUnadoptedDictionary_ThrowObjectNotAdoptedException()
    {
        using TestRuntime t = new();
        WeakValueDictionary<string, Node> dictionary = new();
        using Owned<Node> node = t.Node();

        Assert.Throws<ObjectNotAdoptedException>(() => dictionary["k"] = node.Value);
        Assert.Throws<ObjectNotAdoptedException>(() => dictionary.ContainsKey("k"));
    }

    [Fact]
    public void Operations_AfterRuntimeShutdown_ThrowRuntimeFinalizedException()
    {
        TestRuntime t = new();
        Owned<WeakValueDictionary<string, Node>> d = NewDictionary(t);
        WeakValueDictionary<string, Node> dictionary = d.Value;
        t.Dispose();

        Assert.Throws<RuntimeShutDownException>(() => dictionary.ContainsKey("k"));
        Assert.Throws<RuntimeShutDownException>(() => dictionary.Count);
    }

    [Fact]
    public void Comparer_Custom_IsUsedForKeys()
    {
        using TestRuntime t = new();
        using Owned<WeakValueDictionary<string, Node>> d = t.Runtime.Adopt(new WeakValueDictionary<string, Node>(StringComparer.OrdinalIgnoreCase)).ToOwned();
        using Owned<Node> node = t.Node();

        d.Value["Key"] = node.Value;

        Assert.Same(node.Value, d.Value["KEY"]);
        Assert.Same(StringComparer.OrdinalIgnoreCase, d.Value.Comparer);
    }
}
