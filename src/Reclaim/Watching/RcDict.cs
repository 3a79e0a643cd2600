using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Reclaim;

/// <summary>
/// A dictionary that is a runtime object, as Python's <c>dict</c> is in an interpreter: keys are strings or runtime
/// objects (see <see cref="RcDictKey"/> for equality), values are runtime objects. It counts every value and every object
/// key, reports them to the collector, and releases them when an entry is replaced or removed, when it is cleared, and
/// when it dies. It can be watched (<see cref="Watch"/>): watchers hear of every change before it takes effect.
/// </summary>
/// <remarks>
/// <para>
/// Create one with <c>runtime.New&lt;RcDict&gt;()</c>. Values returned by look-ups are <em>borrowed</em>: valid until the
/// entry changes or the next release; take a reference (<see cref="RcObject.AddRef"/>) to keep one.
/// </para>
/// <para>
/// Every change follows the same order: validate, tell the watchers (who still see the dictionary as it was), then
/// change the map with nothing that can run user code between the look-up and the store, and only then release what
/// was replaced or removed — a release can run a finalizer, which then finds the dictionary already changed.
/// </para>
/// <para>Enumeration order is unspecified. Adding or removing keys while enumerating throws <see cref="DictChangedDuringEnumerationException"/>.</para>
/// </remarks>
public sealed partial class RcDict : RcObject, IEnumerable<KeyValuePair<RcDictKey, RcObject>>
{
    /// <summary>Creates an empty dictionary; adopt it into a runtime before use (<c>runtime.New&lt;RcDict&gt;()</c>).</summary>
    public RcDict()
    {
    }

    /// <summary>The number of entries.</summary>
    /// <exception cref="ObjectFreedException">The dictionary was freed.</exception>
    /// <exception cref="ObjectClearedException">The collector cleared the dictionary.</exception>
    /// <exception cref="RuntimeShutDownException">The runtime was shut down.</exception>
    public int Count
    {
        get
        {
            ThrowIfUnreadable("RcDict.Count");
            return Entries.Count;
        }
    }

    /// <summary>Gets the value for <paramref name="key"/> (borrowed), or stores <paramref name="key"/> → value (see <see cref="Set"/>).</summary>
    /// <param name="key">The key.</param>
    /// <returns>The value, borrowed.</returns>
    /// <exception cref="KeyNotFoundException">Getting: the key is absent.</exception>
    /// <exception cref="ArgumentNullException">The key holds nothing, or the value set is <see langword="null"/>.</exception>
    public RcObject this[RcDictKey key]
    {
        get => TryGetValue(key, out RcObject? value)
            ? value
            : throw new KeyNotFoundException($"The RcDict has no entry for key {key}.");
        set => Set(key, value);
    }

    /// <summary>Looks up <paramref name="key"/>. Allowed from watcher callbacks, including on a dictionary that is going away.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value, borrowed, when found.</param>
    /// <returns>Whether the key is present.</returns>
    /// <exception cref="ArgumentNullException">The key holds nothing.</exception>
    /// <exception cref="WrongRuntimeException">The key is an object of another runtime.</exception>
    /// <exception cref="ObjectFreedException">The dictionary or the key object was freed.</exception>
    /// <exception cref="ObjectClearedException">The dictionary or the key object was cleared by the collector.</exception>
    /// <exception cref="RuntimeShutDownException">The runtime was shut down.</exception>
    public bool TryGetValue(RcDictKey key, [NotNullWhen(true)] out RcObject? value)
    {
        Runtime runtime = ThrowIfUnreadable("RcDict.TryGetValue");
        ValidateKey(runtime, key, "RcDict.TryGetValue");
        return Entries.TryGetValue(key, out value);
    }

    /// <summary>Whether <paramref name="key"/> is present.</summary>
    /// <param name="key">The key.</param>
    /// <returns><see langword="true"/> when present.</returns>
    /// <exception cref="ArgumentNullException">The key holds nothing.</exception>
    /// <exception cref="ObjectFreedException">The dictionary or the key object was freed.</exception>
    /// <exception cref="RuntimeShutDownException">The runtime was shut down.</exception>
    public bool ContainsKey(RcDictKey key) => TryGetValue(key, out _);

    /// <summary>
    /// Maps <paramref name="key"/> to <paramref name="value"/>, counting both and releasing the value replaced. Storing the
    /// object already there changes nothing and tells no watcher (as CPython).
    /// </summary>
    /// <param name="key">The key; an object key is counted while it is in the dictionary.</param>
    /// <param name="value">The value.</param>
    /// <exception cref="ArgumentNullException">The key holds nothing, or <paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="WrongRuntimeException">The key or value belongs to another runtime.</exception>
    /// <exception cref="ObjectFreedException">The dictionary, key or value was freed or is dying.</exception>
    /// <exception cref="ObjectClearedException">The dictionary, key or value was cleared by the collector.</exception>
    /// <exception cref="WatchedDictMutationException">Checked mode: called from a watcher callback on a watched dictionary.</exception>
    /// <exception cref="TraversalViolationException">Called from a traversal.</exception>
    /// <exception cref="RuntimeShutDownException">The runtime was shut down.</exception>
    public void Set(RcDictKey key, RcObject value)
    {
        const string operation = "RcDict.Set";
        Runtime runtime = ThrowIfImmutable(operation);
        ValidateKey(runtime, key, operation);
        ArgumentNullException.ThrowIfNull(value);
        ValidateObject(runtime, value, operation);
        if (WatchState is not null)
        {
            bool exists = Entries.TryGetValue(key, out RcObject? old);
            if (ReferenceEquals(old, value))
            {
                return;
            }

            Notify(exists ? DictWatcherEvent.Modified : DictWatcherEvent.Added, key, value);
            ThrowIfImmutable(operation);
        }

        Store(key, value);
    }

    /// <summary>Removes the entry for <paramref name="key"/>, then releases its value and key.</summary>
    /// <param name="key">The key.</param>
    /// <returns>Whether an entry was removed.</returns>
    /// <exception cref="ArgumentNullException">The key holds nothing.</exception>
    /// <exception cref="ObjectFreedException">The dictionary or the key object was freed or is dying.</exception>
    /// <exception cref="ObjectClearedException">The dictionary or the key object was cleared by the collector.</exception>
    /// <exception cref="WatchedDictMutationException">Checked mode: called from a watcher callback on a watched dictionary.</exception>
    /// <exception cref="TraversalViolationException">Called from a traversal.</exception>
    /// <exception cref="RuntimeShutDownException">The runtime was shut down.</exception>
    public bool Remove(RcDictKey key)
    {
        const string operation = "RcDict.Remove";
        Runtime runtime = ThrowIfImmutable(operation);
        ValidateKey(runtime, key, operation);
        if (!Entries.ContainsKey(key))
        {
            return false;
        }

        if (WatchState is not null)
        {
            Notify(DictWatcherEvent.Deleted, key, null);
            ThrowIfImmutable(operation);
        }

        return Delete(key);
    }

    /// <summary>Removes every entry, then releases what they held. Clearing an empty dictionary tells no watcher (as CPython).</summary>
    /// <exception cref="ObjectFreedException">The dictionary was freed or is dying.</exception>
    /// <exception cref="ObjectClearedException">The dictionary was cleared by the collector.</exception>
    /// <exception cref="WatchedDictMutationException">Checked mode: called from a watcher callback on a watched dictionary.</exception>
    /// <exception cref="TraversalViolationException">Called from a traversal.</exception>
    /// <exception cref="RuntimeShutDownException">The runtime was shut down.</exception>
    public void Clear()
    {
        const string operation = "RcDict.Clear";
        ThrowIfImmutable(operation);
        if (Entries.Count == 0)
        {
            return;
        }

        if (WatchState is not null)
        {
            Notify(DictWatcherEvent.Cleared, default, null);
            ThrowIfImmutable(operation);
        }

        ReleaseAllEntries();
    }

    /// <summary>
    /// Adds every entry of <paramref name="other"/> (<c>dict.update</c>). Into an empty dictionary this is a clone: watchers
    /// hear one <see cref="DictWatcherEvent.Cloned"/> with <paramref name="other"/> as the new value; otherwise they hear
    /// one Added or Modified per key.
    /// </summary>
    /// <param name="other">The dictionary to copy from; updating a dictionary from itself changes nothing.</param>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is <see langword="null"/>.</exception>
    /// <exception cref="WrongRuntimeException"><paramref name="other"/> belongs to another runtime.</exception>
    /// <exception cref="ObjectFreedException">Either dictionary was freed.</exception>
    /// <exception cref="WatchedDictMutationException">Checked mode: called from a watcher callback on a watched dictionary.</exception>
    /// <exception cref="RuntimeShutDownException">The runtime was shut down.</exception>
    public void Update(RcDict other)
    {
        const string operation = "RcDict.Update";
        Runtime runtime = ThrowIfImmutable(operation);
        ArgumentNullException.ThrowIfNull(other);
        runtime.CheckOwnership(other, operation);
        other.ThrowIfUnreadable(operation);
        if (ReferenceEquals(other, this) || other.Entries.Count == 0)
        {
            return;
        }

        if (Entries.Count == 0)
        {
            if (WatchState is not null)
            {
                Notify(DictWatcherEvent.Cloned, default, other);
                ThrowIfImmutable(operation);
                other.ThrowIfUnreadable(operation);
            }

            if (Entries.Count == 0)
            {
                CopyEntriesFrom(other);
                return;
            }
        }

        // Each Set may run user code (watchers, the death of a replaced value) that changes `other`: work from a
        // snapshot whose objects are held until the merge is done.
        KeyValuePair<RcDictKey, RcObject>[] snapshot = [.. other.Entries];
        foreach (KeyValuePair<RcDictKey, RcObject> pair in snapshot)
        {
            pair.Key.AsObject?.AddRef();
            pair.Value.AddRef();
        }

        try
        {
            foreach (KeyValuePair<RcDictKey, RcObject> pair in snapshot)
            {
                Set(pair.Key, pair.Value);
            }
        }
        finally
        {
            foreach (KeyValuePair<RcDictKey, RcObject> pair in snapshot)
            {
                pair.Value.Release();
                pair.Key.AsObject?.Release();
            }
        }
    }

    /// <summary>A new dictionary with the same entries (<c>dict.copy</c>); it is not watched, and no watcher hears of it.</summary>
    /// <returns>A new reference to the copy.</returns>
    /// <exception cref="ObjectFreedException">The dictionary was freed.</exception>
    /// <exception cref="ObjectClearedException">The dictionary was cleared by the collector.</exception>
    /// <exception cref="RuntimeShutDownException">The runtime was shut down.</exception>
    public NewRef<RcDict> Copy()
    {
        Runtime runtime = ThrowIfUnreadable("RcDict.Copy");

        // Allocation may run a collection and with it user code: read the entries only after it.
        RcDict copy = runtime.AdoptReference(new RcDict());
        try
        {
            ThrowIfUnreadable("RcDict.Copy");
            copy.CopyEntriesFrom(this);
        }
        catch
        {
            copy.Release();
            throw;
        }

        return new NewRef<RcDict>(copy);
    }

    /// <summary>Enumerates the entries; keys and values are borrowed.</summary>
    /// <returns>An enumerator.</returns>
    /// <exception cref="ObjectFreedException">The dictionary was freed.</exception>
    /// <exception cref="RuntimeShutDownException">The runtime was shut down.</exception>
    public IEnumerator<KeyValuePair<RcDictKey, RcObject>> GetEnumerator()
    {
        ThrowIfUnreadable("RcDict.GetEnumerator");
        return Enumerate();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>A short description for diagnostics.</summary>
    /// <returns>The state, the number of entries and whether the dictionary is watched.</returns>
    public override string ToString() => $"<RcDict {State} entries={Entries.Count}{(WatchState is null ? "" : " watched")}>";

    private IEnumerator<KeyValuePair<RcDictKey, RcObject>> Enumerate()
    {
        int version = Version;
        foreach (KeyValuePair<RcDictKey, RcObject> pair in Entries)
        {
            yield return pair;
            ThrowIfUnreadable("RcDict enumeration");
            if (Version != version)
            {
                throw new DictChangedDuringEnumerationException();
            }
        }
    }

    /// <summary>Throws unless the dictionary can be read: adopted, not cleared or freed, runtime not shut down.</summary>
    private Runtime ThrowIfUnreadable(string operation)
    {
        Runtime runtime = OwnerRuntime ?? throw ThrowHelper.NotAdopted(this, operation);
        runtime.ThrowIfShutDown(operation);
        ThrowIfNotAlive(operation);
        return runtime;
    }

    /// <summary>Throws unless the dictionary can be changed: readable, not dying, not inside a traversal or (checked mode) a watcher.</summary>
    private Runtime ThrowIfImmutable(string operation)
    {
        Runtime runtime = ThrowIfUnreadable(operation);
        runtime.ThrowIfTraversing(this, operation);
        if (_refCount <= 0)
        {
            throw ThrowHelper.Freed(this, operation);
        }

        if (runtime.IsInDictWatcher && runtime.IsChecked && IsWatched)
        {
            throw new WatchedDictMutationException(operation);
        }

        return runtime;
    }

    private static void ValidateKey(Runtime runtime, RcDictKey key, string operation)
    {
        if (key.IsNone)
        {
            throw new ArgumentNullException(nameof(key), $"{operation}: the key holds neither a string nor a runtime object.");
        }

        if (key.AsObject is { } keyObject)
        {
            ValidateObject(runtime, keyObject, operation);
        }
    }

    /// <summary>Throws unless <paramref name="obj"/> belongs to <paramref name="runtime"/> and is alive and not dying.</summary>
    internal static void ValidateObject(Runtime runtime, RcObject obj, string operation)
    {
        runtime.CheckOwnership(obj, operation);
        obj.ThrowIfNotAlive(operation);
        if (obj._refCount <= 0)
        {
            throw ThrowHelper.Freed(obj, operation);
        }
    }
}
