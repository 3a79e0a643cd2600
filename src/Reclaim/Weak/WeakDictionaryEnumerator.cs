using System.Collections;

namespace Reclaim;

/// <summary>
/// Enumerates the live entries of a weak dictionary. CPython guards iteration and defers removals until it ends
/// because its dicts cannot lose entries mid-iteration; a <see cref="Dictionary{TKey, TValue}"/> can (since
/// .NET Core 3.0, <c>Remove</c> never invalidates its enumerators), so entries whose weakly held side dies while
/// enumerating are removed at once and simply never reached. What the enumerator adds:
/// <list type="bullet">
/// <item>it owns a reference to the dictionary until disposed, as a Python iterator does, so the dictionary
/// cannot die under it;</item>
/// <item>it owns references to the current key and value (when they are runtime objects) until the next
/// <see cref="MoveNext"/> or <see cref="Dispose"/>, as Python's loop variables do, so the body may drop every other
/// reference to them (and may remove the current entry) without <see cref="Current"/> dangling;</item>
/// <item>adding or replacing an entry, or clearing the dictionary, makes the next <see cref="MoveNext"/> throw
/// <see cref="InvalidOperationException"/> (removals never do).</item>
/// </list>
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
internal sealed class WeakDictionaryEnumerator<TKey, TValue> : IEnumerator<KeyValuePair<TKey, TValue>>
    where TKey : notnull
{
    private readonly WeakEntryMap<TKey, TValue> _map;
    private readonly int _version;
    private Dictionary<TKey, WeakDictionaryEntry<TKey, TValue>>.Enumerator _inner;
    private KeyValuePair<TKey, TValue> _current;
    private bool _holdsCurrent;
    private bool _disposed;

    /// <summary>Starts enumerating; the caller validated the map's dictionary.</summary>
    /// <param name="map">The dictionary's map; the enumerator keeps the dictionary alive.</param>
    internal WeakDictionaryEnumerator(WeakEntryMap<TKey, TValue> map)
    {
        map.Dictionary.AddRef();
        _map = map;
        _version = map.Version;
        _inner = map.Entries.GetEnumerator();
    }

    /// <summary>The current pair; runtime objects in it are kept alive by the enumerator until it moves on.</summary>
    public KeyValuePair<TKey, TValue> Current => _current;

    object IEnumerator.Current => _current;

    /// <summary>Advances to the next live entry.</summary>
    /// <returns>Whether there is one.</returns>
    /// <exception cref="InvalidOperationException">An entry was added or replaced, or the dictionary cleared, since enumeration started.</exception>
    /// <exception cref="ObjectDisposedException">The enumerator was disposed.</exception>
    public bool MoveNext()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);

        // Dropping the previous pair can run user code (finalizers, callbacks) that changes the dictionary;
        // the version check after it catches what would invalidate the walk.
        DropCurrent();
        if (_map.Version != _version)
        {
            throw new InvalidOperationException($"The {_map.Dictionary.GetType().Name} was changed (an entry added or replaced, or the dictionary cleared) while it was being enumerated.");
        }

        while (_inner.MoveNext())
        {
            WeakDictionaryEntry<TKey, TValue> entry = _inner.Current.Value;
            if (entry.TryGetLiveValue(out TValue value))
            {
                TKey key = entry.Key;
                WeakDictionaryChecks.AddRefIfObject(key);
                WeakDictionaryChecks.AddRefIfObject(value);
                _current = new KeyValuePair<TKey, TValue>(key, value);
                _holdsCurrent = true;
                return true;
            }
        }

        return false;
    }

    /// <summary>Not supported: enumerate again instead.</summary>
    /// <exception cref="NotSupportedException">Always.</exception>
    public void Reset() => throw new NotSupportedException("A weak dictionary enumerator cannot be reset; start a new enumeration.");

    /// <summary>Releases the current pair and the dictionary. Calling it again does nothing.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            DropCurrent();
        }
        finally
        {
            _map.Dictionary.Release();
        }
    }

    private void DropCurrent()
    {
        if (!_holdsCurrent)
        {
            return;
        }

        KeyValuePair<TKey, TValue> current = _current;
        _holdsCurrent = false;
        _current = default;
        try
        {
            WeakDictionaryChecks.ReleaseIfObject(current.Value);
        }
        finally
        {
            WeakDictionaryChecks.ReleaseIfObject(current.Key);
        }
    }
}
