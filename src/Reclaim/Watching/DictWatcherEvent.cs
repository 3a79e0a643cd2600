namespace Reclaim;

/// <summary>What is about to happen to a watched <see cref="RcDict"/> (CPython's <c>PyDict_WatchEvent</c>).</summary>
public enum DictWatcherEvent
{
    /// <summary>A key that was absent is about to be added; the callback gets the key and the new value.</summary>
    Added,

    /// <summary>The value of a present key is about to be replaced by a different object; the callback gets the key and the new value.</summary>
    Modified,

    /// <summary>A key is about to be removed; the callback gets the key and no value.</summary>
    Deleted,

    /// <summary>
    /// The empty dictionary is about to receive every entry of another one (<see cref="RcDict.Update"/> into an empty
    /// dictionary); the callback gets no key and the source dictionary as the new value.
    /// </summary>
    Cloned,

    /// <summary>Every entry is about to be removed (<see cref="RcDict.Clear"/> on a non-empty dictionary).</summary>
    Cleared,

    /// <summary>
    /// The dictionary is going away: it died, or the collector found it to be cyclic garbage. Delivered before anything
    /// the dictionary holds is dropped; its weak references are already cleared and it is no longer watched afterwards.
    /// </summary>
    Deallocated,
}
