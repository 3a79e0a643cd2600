using Reclaim.Tests.Support;

namespace Reclaim.Tests.Watching;

public sealed class RcDictTests
{
    [Fact]
    public void Set_NewKey_CountsObjectKeyAndValue()
    {
        using TestRuntime t = new();
        using Owned<RcDict> dict = t.Runtime.New<RcDict>().ToOwned();
        using Owned<Leaf> key = t.Runtime.New<Leaf>().ToOwned();
        using Owned<Leaf> value = t.Runtime.New<Leaf>().ToOwned();

        dict.Value.Set(key.Value, value.Value);
        dict.Value.Set("name", value.Value);

        Assert.Equal(2, key.Value.RefCount);
        Assert.Equal(3, value.Value.RefCount);
        Assert.Equal(2, dict.Value.Count);
        Assert.Same(value.Value, dict.Value[key.Value]);
        Assert.Same(value.Value, dict.Value["name"]);
    }

    [Fact]
    public void Set_Replacement_ReleasesOldValueAfterTheStore()
    {
        using TestRuntime t = new();
        using Owned<RcDict> dict = t.Runtime.New<RcDict>().ToOwned();
        using Owned<Leaf> replacement = t.Runtime.New<Leaf>().ToOwned();
        RcObject? seenByDyingValue = null;
        using (Owned<Node> old = t.Node("old"))
        {
            old.Value.OnFreeAction = _ => seenByDyingValue = dict.Value["x"];
            dict.Value.Set("x", old.Value);
        }

        dict.Value.Set("x", replacement.Value);

        Assert.Same(replacement.Value, seenByDyingValue);
        Assert.Equal(2, replacement.Value.RefCount);
        Assert.Equal(1, dict.Value.Count);
    }

    [Fact]
    public void Set_SameValueAgain_ChangesNoCount()
    {
        using TestRuntime t = new();
        using Owned<RcDict> dict = t.Runtime.New<RcDict>().ToOwned();
        using Owned<Leaf> value = t.Runtime.New<Leaf>().ToOwned();

        dict.Value.Set("x", value.Value);
        dict.Value.Set("x", value.Value);

        Assert.Equal(2, value.Value.RefCount);
    }

    [Fact]
    public void Remove_ReleasesValueAndObjectKey()
    {
        using TestRuntime t = new();
        using Owned<RcDict> dict = t.Runtime.New<RcDict>().ToOwned();
        using Owned<Leaf> key = t.Runtime.New<Leaf>().ToOwned();
        Leaf value = t.Runtime.Allocate<Leaf>();
        dict.Value.Set(key.Value, value);
        value.Release();

        Assert.True(dict.Value.Remove(key.Value));
        Assert.False(dict.Value.Remove(key.Value));

        Assert.Equal(1, key.Value.RefCount);
        Assert.Equal(RcObjectState.Freed, value.State);
        Assert.Equal(0, dict.Value.Count);
    }

    [Fact]
    public void Clear_ReleasesEverything_AndTheDictionaryStaysUsable()
    {
        using TestRuntime t = new();
        using Owned<RcDict> dict = t.Runtime.New<RcDict>().ToOwned();
        Leaf[] values = [.. Enumerable.Range(0, 5).Select(_ => t.Runtime.Allocate<Leaf>())];
        for (int i = 0; i < values.Length; i++)
        {
            dict.Value.Set($"k{i}", values[i]);
            values[i].Release();
        }

        dict.Value.Clear();

        Assert.All(values, v => Assert.Equal(RcObjectState.Freed, v.State));
        Assert.Equal(0, dict.Value.Count);
        using Owned<Leaf> again = t.Runtime.New<Leaf>().ToOwned();
        dict.Value.Set("k", again.Value);
        Assert.Equal(1, dict.Value.Count);
    }

    [Fact]
    public void Dispose_LastReference_FreesDictionaryAndReleasesEntries()
    {
        using TestRuntime t = new();
        using Owned<Leaf> key = t.Runtime.New<Leaf>().ToOwned();
        Leaf value = t.Runtime.Allocate<Leaf>();
        RcDict dict;
        using (Owned<RcDict> owned = t.Runtime.New<RcDict>().ToOwned())
        {
            dict = owned.Value;
            dict.Set(key.Value, value);
            value.Release();
        }

        Assert.Equal(RcObjectState.Freed, dict.State);
        Assert.Equal(RcObjectState.Freed, value.State);
        Assert.Equal(1, key.Value.RefCount);
    }

    [Fact]
    public void Collect_DictionaryInACycle_IsFreedWithEverythingItHolds()
    {
        using TestRuntime t = new();
        RcDict dict;
        Node node;
        using (Owned<RcDict> owned = t.Runtime.New<RcDict>().ToOwned())
        using (Owned<Node> n = t.Node("n"))
        {
            dict = owned.Value;
            node = n.Value;
            dict.Set("self", dict);
            dict.Set(node, node);
            node.Next.Set(dict);
        }

        CollectionResult result = t.Gc.Collect();

        Assert.Equal(2, result.Collected);
        Assert.Equal(RcObjectState.Freed, dict.State);
        Assert.Equal(RcObjectState.Freed, node.State);
        Assert.Empty(t.Unraisable);
    }

    [Fact]
    public void Keys_StringsCompareByCharacters_ObjectsByIdentity()
    {
        using TestRuntime t = new();
        using Owned<RcDict> dict = t.Runtime.New<RcDict>().ToOwned();
        using Owned<Leaf> a = t.Runtime.New<Leaf>().ToOwned();
        using Owned<Leaf> b = t.Runtime.New<Leaf>().ToOwned();
        dict.Value.Set(new string(['n', 'a', 'm', 'e']), a.Value);
        dict.Value.Set(a.Value, b.Value);

        Assert.Same(a.Value, dict.Value["name"]);
        Assert.False(dict.Value.ContainsKey("NAME"));
        Assert.True(dict.Value.ContainsKey(a.Value));
        Assert.False(dict.Value.ContainsKey(b.Value));
        Assert.NotEqual(new RcDictKey("x"), new RcDictKey(a.Value));
        Assert.Equal(new RcDictKey("x"), RcDictKey.FromString("x"));
    }

    [Fact]
    public void Copy_HasTheSameEntries_CountedSeparately_AndIsIndependent()
    {
        using TestRuntime t = new();
        using Owned<RcDict> dict = t.Runtime.New<RcDict>().ToOwned();
        using Owned<Leaf> value = t.Runtime.New<Leaf>().ToOwned();
        dict.Value.Set("x", value.Value);

        using (Owned<RcDict> copy = dict.Value.Copy().ToOwned())
        {
            Assert.Same(value.Value, copy.Value["x"]);
            Assert.Equal(3, value.Value.RefCount);
            copy.Value.Remove("x");
            Assert.True(dict.Value.ContainsKey("x"));
        }

        Assert.Equal(2, value.Value.RefCount);
    }

    [Fact]
    public void Update_MergesOtherEntries_ReplacingCommonKeys()
    {
        using TestRuntime t = new();
        using Owned<RcDict> target = t.Runtime.New<RcDict>().ToOwned();
        using Owned<RcDict> source = t.Runtime.New<RcDict>().ToOwned();
        using Owned<Leaf> old = t.Runtime.New<Leaf>().ToOwned();
        using Owned<Leaf> fresh = t.Runtime.New<Leaf>().ToOwned();
        target.Value.Set("a", old.Value);
        target.Value.Set("b", old.Value);
        source.Value.Set("b", fresh.Value);
        source.Value.Set("c", fresh.Value);

        target.Value.Update(source.Value);
        target.Value.Update(target.Value);

        Assert.Equal(3, target.Value.Count);
        Assert.Same(old.Value, target.Value["a"]);
        Assert.Same(fresh.Value, target.Value["b"]);
        Assert.Same(fresh.Value, target.Value["c"]);
        Assert.Equal(2, old.Value.RefCount);
        Assert.Equal(5, fresh.Value.RefCount);
    }

    [Fact]
    public void Enumerate_YieldsEveryEntry()
    {
        using TestRuntime t = new();
        using Owned<RcDict> dict = t.Runtime.New<RcDict>().ToOwned();
        using Owned<Leaf> value = t.Runtime.New<Leaf>().ToOwned();
        dict.Value.Set("a", value.Value);
        dict.Value.Set(value.Value, value.Value);

        List<RcDictKey> keys = [.. dict.Value.Select(pair => pair.Key)];

        Assert.Equal(2, keys.Count);
        Assert.Contains(new RcDictKey("a"), keys);
        Assert.Contains(new RcDictKey(value.Value), keys);
    }

    [Fact]
    public void Enumerate_KeyAddedInTheLoop_ThrowsDictChangedDuringEnumeration()
    {
        using TestRuntime t = new();
        using Owned<RcDict> dict = t.Runtime.New<RcDict>().ToOwned();
        using Owned<Leaf> value = t.Runtime.New<Leaf>().ToOwned();
        dict.Value.Set("a", value.Value);
        dict.Value.Set("b", value.Value);

        Assert.Throws<DictChangedDuringEnumerationException>(() =>
        {
            foreach (KeyValuePair<RcDictKey, RcObject> pair in dict.Value)
            {
                dict.Value.Set("c" + pair.Key.AsString, value.Value);
            }
        });
    }

    [Fact]
    public void Indexer_MissingKey_ThrowsKeyNotFoundNamingTheKey()
    {
        using TestRuntime t = new();
        using Owned<RcDict> dict = t.Runtime.New<RcDict>().ToOwned();

        KeyNotFoundException error = Assert.Throws<KeyNotFoundException>(() => dict.Value["missing"]);
        Assert.Contains("'missing'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Set_KeyHoldingNothing_ThrowsArgumentNull()
    {
        using TestRuntime t = new();
        using Owned<RcDict> dict = t.Runtime.New<RcDict>().ToOwned();
        using Owned<Leaf> value = t.Runtime.New<Leaf>().ToOwned();

        Assert.Throws<ArgumentNullException>(() => dict.Value.Set(default, value.Value));
        Assert.Throws<ArgumentNullException>(() => dict.Value.Set((string?)null, value.Value));
        Assert.Throws<ArgumentNullException>(() => dict.Value.Set("x", null!));
    }

    [Fact]
    public void Set_ValueOfAnotherRuntime_ThrowsWrongRuntime()
    {
        using TestRuntime t = new();
        using TestRuntime other = new();
        using Owned<RcDict> dict = t.Runtime.New<RcDict>().ToOwned();
        using Owned<Leaf> foreign = other.Runtime.New<Leaf>().ToOwned();

        Assert.Throws<WrongRuntimeException>(() => dict.Value.Set("x", foreign.Value));
        Assert.Throws<WrongRuntimeException>(() => dict.Value.Set(foreign.Value, dict.Value));
        Assert.Equal(0, dict.Value.Count);
    }

    [Fact]
    public void Set_FreedValue_ThrowsObjectFreed()
    {
        using TestRuntime t = new();
        using Owned<RcDict> dict = t.Runtime.New<RcDict>().ToOwned();
        Leaf value = t.Runtime.Allocate<Leaf>();
        value.Release();

        Assert.Throws<ObjectFreedException>(() => dict.Value.Set("x", value));
    }

    [Fact]
    public void Operations_OnFreedDictionary_ThrowObjectFreed()
    {
        using TestRuntime t = new();
        RcDict dict = t.Runtime.Allocate<RcDict>();
        dict.Release();

        ObjectFreedException error = Assert.Throws<ObjectFreedException>(() => dict.Count);
        Assert.Equal(typeof(RcDict), error.ObjectType);
        Assert.Throws<ObjectFreedException>(() => dict.TryGetValue("x", out _));
        Assert.Throws<ObjectFreedException>(() => dict.Clear());
    }

    [Fact]
    public void Operations_AfterShutdown_ThrowRuntimeFinalized()
    {
        TestRuntime t = new();
        RcDict dict = t.Runtime.New<RcDict>().Take();
        t.Dispose();

        Assert.Throws<RuntimeShutDownException>(() => dict.Count);
        Assert.Throws<RuntimeShutDownException>(() => dict.Clear());
    }
}
