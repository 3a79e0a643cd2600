using Reclaim.Tests.Support;

namespace Reclaim.Tests.Weak;

public sealed class WeakKeyDictionaryTests
{
    private static Owned<WeakKeyDictionary<Node, string>> NewDictionary(TestRuntime t) =>
        t.Runtime.New<WeakKeyDictionary<Node, string>>().ToOwned();

    /// <summary>Creates a node named <paramref name="name"/> and maps it to that name.</summary>
    private static Owned<Node> AddNode(TestRuntime t, WeakKeyDictionary<Node, string> d, string name)
    {
        Owned<Node> node = t.Node(name);
        d[node.Value] = name;
        return node;
    }

    /// <summary>Maps a member of a new ring of <paramref name="length"/> nodes to "ring" and returns it; nothing else holds the ring.</summary>
    private static Node AddGarbageRing(TestRuntime t, WeakKeyDictionary<Node, string> d, int length)
    {
        using Owned<Node> ring = t.Ring(length);
        d[ring.Value] = "ring";
        return ring.Value;
    }

    [Fact]
    public void Indexer_SetThenGet_ReturnsValueWithoutCountingTheKey()
    {
        using TestRuntime t = new();
        using Owned<WeakKeyDictionary<Node, string>> d = NewDictionary(t);
        using Owned<Node> key = t.Node("k");

        d.Value[key.Value] = "value";

        Assert.Equal("value", d.Value[key.Value]);
        Assert.Equal(1, key.Value.RefCount);
        Assert.Equal(1, d.Value.Count);
        Assert.True(d.Value.ContainsKey(key.Value));
    }

    [Fact]
    public void Keys_ComparedByIdentity()
    {
        using TestRuntime t = new();
        using Owned<WeakKeyDictionary<Node, string>> d = NewDictionary(t);
        using Owned<Node> first = t.Node("same");
        using Owned<Node> second = t.Node("same");

        d.Value[first.Value] = "first";
        d.Value[second.Value] = "second";

        Assert.Equal(2, d.Value.Count);
        Assert.Equal("first", d.Value[first.Value]);
        Assert.Equal("second", d.Value[second.Value]);
    }

    [Fact]
    public void KeyReleased_EntryVanishesAndCountedValueIsReleased()
    {
        using TestRuntime t = new();
        using Owned<WeakKeyDictionary<Node, Leaf>> d = t.Runtime.New<WeakKeyDictionary<Node, Leaf>>().ToOwned();
        Owned<Node> key = t.Node("k");
        Owned<Leaf> value = t.Runtime.New<Leaf>().ToOwned();
        Leaf leaf = value.Value;
        d.Value[key.Value] = leaf;
        Assert.Equal(2, leaf.RefCount);
        value.Dispose();

        key.Dispose();

        Assert.Equal(0, d.Value.Count);
        Assert.Empty(d.Value);
        Assert.Equal(RcObjectState.Freed, leaf.State);
    }

    [Fact]
    public void KeyInGarbageCycle_CollectRemovesEntry()
    {
        using TestRuntime t = new();
        using Owned<WeakKeyDictionary<Node, string>> d = NewDictionary(t);
        using Owned<Node> survivor = AddNode(t, d.Value, "survivor");
        Node member = AddGarbageRing(t, d.Value, 3);

        t.Gc.Collect();

        Assert.Equal(RcObjectState.Freed, member.State);
        KeyValuePair<Node, string> remaining = Assert.Single(d.Value);
        Assert.Same(survivor.Value, remaining.Key);
        Assert.Equal(1, d.Value.Count);
        Assert.Empty(t.Unraisable);
    }

    [Fact]
    public void Set_ExistingKey_ReplacesValueAndReleasesThePreviousOne()
    {
        using TestRuntime t = new();
        using Owned<WeakKeyDictionary<Node, Leaf>> d = t.Runtime.New<WeakKeyDictionary<Node, Leaf>>().ToOwned();
        using Owned<Node> key = t.Node("k");
        Owned<Leaf> first = t.Runtime.New<Leaf>().ToOwned();
        Leaf firstLeaf = first.Value;
        using Owned<Leaf> second = t.Runtime.New<Leaf>().ToOwned();
        d.Value[key.Value] = firstLeaf;
        first.Dispose();
        WeakRef reference = Assert.Single(t.Runtime.GetWeakRefs(key.Value));

        d.Value[key.Value] = second.Value;

        Assert.Same(second.Value, d.Value[key.Value]);
        Assert.Equal(RcObjectState.Freed, firstLeaf.State);
        Assert.Equal(2, second.Value.RefCount);
        Assert.Same(reference, Assert.Single(t.Runtime.GetWeakRefs(key.Value)));
    }

    [Fact]
    public void NullValue_IsAnOrdinaryValue()
    {
        using TestRuntime t = new();
        using Owned<WeakKeyDictionary<Node, string?>> d = t.Runtime.New<WeakKeyDictionary<Node, string?>>().ToOwned();
        using Owned<Node> key = t.Node("k");

        d.Value[key.Value] = null;

        Assert.True(d.Value.TryGetValue(key.Value, out string? value));
        Assert.Null(value);
        Assert.True(d.Value.ContainsKey(key.Value));
    }

    [Fact]
    public void Remove_LiveEntry_ReleasesWeakRefAndValue()
    {
        using TestRuntime t = new();
        using Owned<WeakKeyDictionary<Node, Leaf>> d = t.Runtime.New<WeakKeyDictionary<Node, Leaf>>().ToOwned();
        using Owned<Node> key = t.Node("k");
        using Owned<Leaf> value = t.Runtime.New<Leaf>().ToOwned();
        d.Value[key.Value] = value.Value;
        WeakRef reference = Assert.Single(t.Runtime.GetWeakRefs(key.Value));

        Assert.True(d.Value.Remove(key.Value));

        Assert.False(d.Value.Remove(key.Value));
        Assert.False(d.Value.ContainsKey(key.Value));
        Assert.Equal(RcObjectState.Freed, reference.State);
        Assert.Equal(1, value.Value.RefCount);
        Assert.Equal(0, t.Runtime.GetWeakRefCount(key.Value));
    }

    [Fact]
    public void Clear_ReleasesEverythingAndStaysUsable()
    {
        using TestRuntime t = new();
        using Owned<WeakKeyDictionary<Node, Leaf>> d = t.Runtime.New<WeakKeyDictionary<Node, Leaf>>().ToOwned();
        using Owned<Node> a = t.Node("a");
        using Owned<Node> b = t.Node("b");
        using Owned<Leaf> value = t.Runtime.New<Leaf>().ToOwned();
        d.Value[a.Value] = value.Value;
        d.Value[b.Value] = value.Value;
        Assert.Equal(3, value.Value.RefCount);

        d.Value.Clear();

        Assert.Equal(0, d.Value.Count);
        Assert.Equal(1, value.Value.RefCount);
        Assert.Equal(0, t.Runtime.GetWeakRefCount(a.Value));
        d.Value[a.Value] = value.Value;
        Assert.Same(value.Value, d.Value[a.Value]);
    }

    [Fact]
    public void Enumerate_KeysDieDuringEnumeration_AreSkippedAndRemoved()
    {
        using TestRuntime t = new();
        using Owned<WeakKeyDictionary<Node, int>> d = t.Runtime.New<WeakKeyDictionary<Node, int>>().ToOwned();
        List<Owned<Node>> keys = [];
        for (int i = 0; i < 5; i++)
        {
            Owned<Node> key = t.Node($"k{i}");
            d.Value[key.Value] = i;
            keys.Add(key);
        }

        List<int> seen = [];
        foreach (KeyValuePair<Node, int> pair in d.Value)
        {
            seen.Add(pair.Value);
            if (seen.Count == 1)
            {
                // Drop every key, the current one included: the enumerator keeps the current key alive.
                keys.ForEach(k => k.Dispose());
                Assert.Equal(RcObjectState.Alive, pair.Key.State);
                Assert.Equal(1, d.Value.Count);
            }
        }

        Assert.Single(seen);
        Assert.Equal(0, d.Value.Count);
        Assert.Empty(d.Value.Keys);
    }

    [Fact]
    public void Enumerate_KeyInGarbageCycleCollectedDuringEnumeration_IsNotReached()
    {
        using TestRuntime t = new();
        using Owned<WeakKeyDictionary<Node, string>> d = NewDictionary(t);
        using Owned<Node> first = AddNode(t, d.Value, "first");
        Node member = AddGarbageRing(t, d.Value, 2);

        List<string> seen = [];
        using (IEnumerator<KeyValuePair<Node, string>> e = d.Value.GetEnumerator())
        {
            // The enumeration has started (it holds the dictionary) but holds no entry yet.
            t.Gc.Collect();
            while (e.MoveNext())
            {
                seen.Add(e.Current.Value);
            }
        }

        Assert.Equal(RcObjectState.Freed, member.State);
        Assert.Equal(["first"], seen);
        Assert.Equal(["first"], d.Value.Values);
    }

    [Fact]
    public void Enumerate_SetDuringEnumeration_NextMoveNextThrows()
    {
        using TestRuntime t = new();
        using Owned<WeakKeyDictionary<Node, string>> d = NewDictionary(t);
        using Owned<Node> a = AddNode(t, d.Value, "a");

        using IEnumerator<KeyValuePair<Node, string>> e = d.Value.GetEnumerator();
        Assert.True(e.MoveNext());
        d.Value[a.Value] = "replaced";

        Assert.Throws<InvalidOperationException>(() => e.MoveNext());
    }

    [Fact]
    public void Dispose_LastReference_FreesWeakRefsAndReleasesValues()
    {
        using TestRuntime t = new();
        Owned<WeakKeyDictionary<Node, Leaf>> d = t.Runtime.New<WeakKeyDictionary<Node, Leaf>>().ToOwned();
        WeakKeyDictionary<Node, Leaf> dictionary = d.Value;
        using Owned<Node> a = t.Node("a");
        using Owned<Node> b = t.Node("b");
        using Owned<Leaf> value = t.Runtime.New<Leaf>().ToOwned();
        dictionary[a.Value] = value.Value;
        dictionary[b.Value] = value.Value;
        WeakRef[] references = [.. t.Runtime.GetWeakRefs(a.Value), .. t.Runtime.GetWeakRefs(b.Value)];
        RcObject[] callbacks = [.. references.Select(r => r.Callback!)];
        Assert.Equal(1, dictionary.RefCount);

        d.Dispose();

        Assert.Equal(RcObjectState.Freed, dictionary.State);
        Assert.All(references, r => Assert.Equal(RcObjectState.Freed, r.State));
        Assert.All(callbacks, c => Assert.Equal(RcObjectState.Freed, c.State));
        Assert.Equal(1, value.Value.RefCount);
        Assert.Equal(0, t.Runtime.GetWeakRefCount(a.Value));
        Assert.Equal(0, t.Runtime.GetWeakRefCount(b.Value));
    }

    [Fact]
    public void ValueReferringToItsKey_KeepsEntryWhileDictionaryLives_AndCycleIsCollectedWithIt()
    {
        using TestRuntime t = new();
        Owned<WeakKeyDictionary<Node, Node>> d = t.Runtime.New<WeakKeyDictionary<Node, Node>>().ToOwned();
        WeakKeyDictionary<Node, Node> dictionary = d.Value;
        Node key;
        Node value;
        using (Owned<Node> k = t.Node("key"))
        using (Owned<Node> v = t.Node("value"))
        {
            key = k.Value;
            value = v.Value;
            value.Next.Set(key);
            dictionary[key] = value;
        }

        t.Gc.Collect();
        Assert.Equal(RcObjectState.Alive, key.State);
        Assert.Same(value, dictionary[key]);

        d.Dispose();
        Assert.Equal(RcObjectState.Freed, key.State);
        Assert.Equal(RcObjectState.Freed, value.State);
        Assert.Empty(t.Unraisable);
    }

    [Fact]
    public void DictionaryInGarbageCycleThroughItsValue_IsCollected()
    {
        using TestRuntime t = new();
        using Owned<Node> key = t.Node("key");
        WeakKeyDictionary<Node, Holder> dictionary;
        Holder holder;
        using (Owned<WeakKeyDictionary<Node, Holder>> d = t.Runtime.New<WeakKeyDictionary<Node, Holder>>().ToOwned())
        using (Owned<Holder> h = t.Runtime.New<Holder>().ToOwned())
        {
            dictionary = d.Value;
            holder = h.Value;
            holder.Items[0].Set(dictionary);
            dictionary[key.Value] = holder;
        }

        CollectionResult result = t.Gc.Collect();

        Assert.Equal(3, result.Collected); // dictionary, holder and the weak reference; the entry is an untracked leaf
        Assert.Equal(RcObjectState.Freed, dictionary.State);
        Assert.Equal(RcObjectState.Freed, holder.State);
        Assert.Equal(0, t.Runtime.GetWeakRefCount(key.Value));
        Assert.Equal(1, key.Value.RefCount);
        Assert.Empty(t.Unraisable);
    }

    [Fact]
    public void Set_NullKey_ThrowsArgumentNullException()
    {
        using TestRuntime t = new();
        using Owned<WeakKeyDictionary<Node, string>> d = NewDictionary(t);

        Assert.Throws<ArgumentNullException>(() => d.Value[null!] = "x");
        Assert.Throws<ArgumentNullException>(() => d.Value.ContainsKey(null!));
        Assert.Throws<ArgumentNullException>(() => d.Value.Remove(null!));
    }

    [Fact]
    public void Set_KeyOrValueOfAnotherRuntime_ThrowsWrongRuntimeException()
    {
        using TestRuntime t = new();
        using TestRuntime other = new();
        using Owned<WeakKeyDictionary<Node, Node>> d = t.Runtime.New<WeakKeyDictionary<Node, Node>>().ToOwned();
        using Owned<Node> local = t.Node();
        using Owned<Node> foreign = other.Node();

        Assert.Throws<WrongRuntimeException>(() => d.Value[foreign.Value] = local.Value);
        Assert.Throws<WrongRuntimeException>(() => d.Value[local.Value] = foreign.Value);
        Assert.Throws<WrongRuntimeException>(() => d.Value.TryGetValue(foreign.Value, out _));
        Assert.Equal(1, foreign.Value.RefCount);
        Assert.Equal(1, local.Value.RefCount);
        Assert.Equal(0, d.Value.Count);
    }

    [Fact]
    public void Operations_WithFreedOrClearedKey_ThrowTheLifetimeException()
    {
        using TestRuntime t = new();
        using Owned<WeakKeyDictionary<Node, string>> d = NewDictionary(t);
        Node freed = LifetimeStates.FreedNode(t);
        Node cleared = LifetimeStates.ClearedNode(t);

        Assert.Throws<ObjectFreedException>(() => d.Value[freed] = "f");
        Assert.Throws<ObjectFreedException>(() => d.Value.ContainsKey(freed));
        Assert.Throws<ObjectClearedException>(() => d.Value[cleared] = "c");
        Assert.Throws<ObjectClearedException>(() => d.Value.Remove(cleared));
        Assert.Equal(0, d.Value.Count);
    }

    [Fact]
    public void Set_FreedValue_ThrowsAndLeavesNoEntry()
    {
        using TestRuntime t = new();
        using Owned<WeakKeyDictionary<Node, Node>> d = t.Runtime.New<WeakKeyDictionary<Node, Node>>().ToOwned();
        using Owned<Node> key = t.Node("key");
        Node freed = LifetimeStates.FreedNode(t);

        Assert.Throws<ObjectFreedException>(() => d.Value[key.Value] = freed);

        Assert.False(d.Value.ContainsKey(key.Value));
        Assert.Equal(0, t.Runtime.GetWeakRefCount(key.Value));
    }

    [Fact]
    public void Operations_OnClearedDictionary_ThrowObjectClearedException()
    {
        using TestRuntime t = new();
        using Owned<Node> key = t.Node("key");
        WeakKeyDictionary<Node, RcObject> dictionary = t.Runtime.AdoptReference(new WeakKeyDictionary<Node, RcObject>());
        StubbornNode stubborn = t.Runtime.AdoptReference(new StubbornNode());

        // A garbage cycle whose other member never lets go of the dictionary when cleared.
        dictionary[key.Value] = stubborn;
        stubborn.Release();
        stubborn.Next.SetOwned(dictionary);

        t.Gc.Collect();

        Assert.Equal(RcObjectState.Cleared, dictionary.State);
        Assert.Equal(RcObjectState.Freed, stubborn.State);
        Assert.Equal(0, t.Runtime.GetWeakRefCount(key.Value));
        Assert.Throws<ObjectClearedException>(() => dictionary[key.Value] = key.Value);
        Assert.Throws<ObjectClearedException>(() => dictionary.Count);
        Assert.Throws<ObjectClearedException>(() => dictionary.GetEnumerator());
    }
}
