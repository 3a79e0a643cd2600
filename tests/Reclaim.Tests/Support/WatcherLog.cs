namespace Reclaim.Tests.Support;

/// <summary>A dictionary watcher that records every event with what the dictionary looked like when it arrived.</summary>
internal sealed class WatcherLog
{
    public WatcherLog(Runtime runtime, Action<DictWatcherEvent, RcDict, RcDictKey, RcObject?>? also = null)
    {
        Id = runtime.AddDictWatcher((kind, dict, key, newValue) =>
        {
            RcObject? current = null;
            bool readable = dict.IsAlive;
            if (readable && key.AsString is { } name)
            {
                dict.TryGetValue(name, out current);
            }

            Events.Add(new Event(kind, dict, key, newValue, readable ? dict.Count : -1, current, runtime.Gc.IsCollecting));
            also?.Invoke(kind, dict, key, newValue);
        });
    }

    public int Id { get; }

    public List<Event> Events { get; } = [];

    public IEnumerable<DictWatcherEvent> Kinds => Events.Select(e => e.Kind);

    /// <summary>One delivery.</summary>
    /// <param name="Kind">The event.</param>
    /// <param name="Dictionary">The dictionary.</param>
    /// <param name="Key">The key.</param>
    /// <param name="NewValue">The new value.</param>
    /// <param name="CountBefore">The dictionary's count when the event arrived.</param>
    /// <param name="ValueBefore">The value the key had when the event arrived.</param>
    /// <param name="DuringCollection">Whether a collection was running.</param>
    public sealed record Event(DictWatcherEvent Kind, RcDict Dictionary, RcDictKey Key, RcObject? NewValue, int CountBefore, RcObject? ValueBefore, bool DuringCollection);
}
