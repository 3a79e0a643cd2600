namespace Reclaim;

/// <summary>
/// A dictionary watcher (<c>PyDict_WatchCallback</c>): called before a change to a watched <see cref="RcDict"/> takes
/// effect. It may read any dictionary but must not mutate a watched one (checked mode throws
/// <see cref="WatchedDictMutationException"/>); work that must change watched state is queued with
/// <see cref="Runtime.Defer"/>. Exceptions go to <see cref="Runtime.UnraisableHook"/> with <see cref="UnraisablePhase.Watcher"/>.
/// </summary>
/// <param name="kind">What is about to happen.</param>
/// <param name="dictionary">The watched dictionary, borrowed for the duration of the call.</param>
/// <param name="key">The key concerned; holds nothing (<see cref="RcDictKey.IsNone"/>) for Cloned, Cleared and Deallocated.</param>
/// <param name="newValue">
/// The value about to be stored (Added, Modified), the source dictionary (Cloned), otherwise <see langword="null"/>. Borrowed.
/// </param>
public delegate void DictWatcherCallback(DictWatcherEvent kind, RcDict dictionary, RcDictKey key, RcObject? newValue);
