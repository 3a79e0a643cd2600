using Reclaim.Tests.Support;

namespace Reclaim.Tests.Reliability.Issue12;

/// <summary>
/// Issue 12, finding 5: an unchecked watcher that changes the dictionary it watches on every event overflowed the
/// stack and aborted the process. Delivery is now bounded, in every mode, with a clear exception.
/// </summary>
public sealed class Finding5WatcherRecursionTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Finding5_WatcherThatSetsTheWatchedDictOnEveryAdd_IsBoundedWithARecursionException(bool checkedMode)
    {
        using TestRuntime t = new(checkedMode);
        using Owned<RcDict> dict = t.Runtime.New<RcDict>().ToOwned();
        using Owned<Leaf> value = t.Runtime.New<Leaf>().ToOwned();
        int events = 0;
        int watcher = t.Runtime.AddDictWatcher((kind, d, _, _) =>
        {
            if (kind == DictWatcherEvent.Added)
            {
                events++;
                d.Set($"key-{events}", value.Value);
            }
        });
        dict.Value.Watch(watcher);

        dict.Value.Set("first", value.Value);

        UnraisableInfo report = Assert.Single(t.Unraisable);
        if (checkedMode)
        {
            // Checked mode refuses the first mutation of a watched dictionary inside a watcher already.
            Assert.IsType<WatchedDictMutationException>(report.Exception);
            Assert.Equal(1, events);
        }
        else
        {
            DictWatcherRecursionException recursion = Assert.IsType<DictWatcherRecursionException>(report.Exception);
            Assert.Equal(Runtime.MaxDictWatcherDepth, recursion.MaxDepth);
            Assert.Equal(recursion.MaxDepth, events);
            Assert.Equal(recursion.MaxDepth, dict.Value.Count);
        }

        HeapAssert.ConsistentAfterwards(t);
    }
}
