namespace Reclaim;

/// <summary>
/// The part the weak dictionaries (<see cref="WeakValueDictionary{TKey, TValue}"/>, <see cref="WeakKeyDictionary{TKey, TValue}"/>)
/// share: they are runtime objects, and this class implements the runtime hooks for them.
/// </summary>
/// <remarks>
/// <para>
/// A weak dictionary is an <see cref="RcObject"/> rather than a plain .NET class so that it can be what Python's
/// dictionaries are in an interpreter: a heap object stored in other objects' fields, part of cycles, freed by
/// its count or by the cycle collector. It holds counted references (to its entries' weak references, and to
/// keys or values that are runtime objects) and reports all of them from <see cref="TraverseReferences"/>; dying, or
/// being cleared as cyclic garbage, releases every one of them. Code outside the heap owns one through an
/// <see cref="Owned{T}"/> and disposes that.
/// </para>
/// <para>
/// The classes cannot be derived from outside Reclaim. The runtime hook <see cref="ClearReferences"/> drops every entry;
/// the dictionaries' public <c>Clear()</c> does the same and leaves the dictionary usable.
/// </para>
/// </remarks>
public abstract class WeakDictionaryBase : RcObject
{
    /// <summary>Bumped by every change that invalidates enumerators: adding or replacing an entry, clearing.</summary>
    internal int _version;

    // Set once the collector cleared one of the entries' weak references without its callback: that happens only
    // when the dictionary is cyclic garbage with its entries. If a finalizer then resurrects the dictionary, those
    // entries stay dead without ever being reported, so from then on counting must look at every entry.
    private bool _mayHoldUnreportedDeadEntries;

    private protected WeakDictionaryBase()
    {
    }

    /// <summary>
    /// The number of live entries: entries whose weakly held side has died are never counted, even before their
    /// removal callback ran. O(1), except while deaths are being processed (inside finalizers and callbacks) or on
    /// a dictionary that was resurrected from cyclic garbage, when it checks every entry.
    /// </summary>
    /// <exception cref="ObjectFreedException">The dictionary was freed.</exception>
    /// <exception cref="ObjectClearedException">The collector cleared the dictionary.</exception>
    /// <exception cref="RuntimeShutDownException">The runtime was shut down.</exception>
    public int Count
    {
        get
        {
            Runtime runtime = ThrowIfUnusable("Count");
            return _mayHoldUnreportedDeadEntries || runtime.IsProcessingDeaths ? CountLiveEntries() : EntryCount;
        }
    }

    /// <summary>Entries in the map, live or not.</summary>
    private protected abstract int EntryCount { get; }

    /// <summary>Reports the entries, their weak references and every key or value the dictionary counts.</summary>
    /// <param name="visitor">The collector's visitor.</param>
    protected internal sealed override void TraverseReferences(ref Visitor visitor) => TraverseEntries(ref visitor);

    /// <summary>Drops every entry and every reference the dictionary holds (runtime hook; see the dictionaries' <c>Clear()</c> for the public operation).</summary>
    protected internal sealed override void ClearReferences() => ReleaseAllEntries();

    /// <summary>An entry's weak reference was cleared as garbage, without its callback; see <see cref="Count"/>.</summary>
    internal void OnEntryClearedWithoutCallback() => _mayHoldUnreportedDeadEntries = true;

    /// <summary>Called by an entry's weak-reference callback when its weakly held side died.</summary>
    /// <param name="entry">The entry, linked to this dictionary.</param>
    internal abstract void OnEntryDied(WeakDictionaryEntry entry);

    /// <summary>Counts the entries whose weakly held side is alive.</summary>
    /// <returns>The count.</returns>
    private protected abstract int CountLiveEntries();

    /// <summary>Visits every counted reference.</summary>
    /// <param name="visitor">The collector's visitor.</param>
    private protected abstract void TraverseEntries(ref Visitor visitor);

    /// <summary>Unlinks every entry, then releases what they held.</summary>
    private protected abstract void ReleaseAllEntries();

    /// <summary>Throws unless the dictionary can be used: adopted, alive, not dying, runtime not shut down.</summary>
    /// <param name="operation">The operation, for the message.</param>
    /// <returns>The dictionary's runtime.</returns>
    private protected Runtime ThrowIfUnusable(string operation)
    {
        Runtime runtime = OwnerRuntime ?? throw ThrowHelper.NotAdopted(this, operation);
        runtime.ThrowIfShutDown(operation);
        ThrowIfNotAlive(operation);
        if (_refCount <= 0)
        {
            throw ThrowHelper.Freed(this, operation);
        }

        return runtime;
    }

    /// <summary>Throws unless <paramref name="obj"/> belongs to <paramref name="runtime"/> and is alive and not dying.</summary>
    /// <param name="runtime">The dictionary's runtime.</param>
    /// <param name="obj">The key or value passed in.</param>
    /// <param name="operation">The operation, for the message.</param>
    private protected static void ValidateObject(Runtime runtime, RcObject obj, string operation)
    {
        runtime.CheckOwnership(obj, operation);
        obj.ThrowIfNotAlive(operation);
        if (obj._refCount <= 0)
        {
            throw ThrowHelper.Freed(obj, operation);
        }
    }

    /// <summary>Takes a reference to <paramref name="value"/> if it is a runtime object; other .NET values need none.</summary>
    /// <typeparam name="T">The static type.</typeparam>
    /// <param name="value">The value.</param>
    internal static void AddRefIfObject<T>(T value)
    {
        if (value is RcObject obj)
        {
            obj.AddRef();
        }
    }

    /// <summary>Gives back a reference taken with <see cref="AddRefIfObject{T}(T)"/>.</summary>
    /// <typeparam name="T">The static type.</typeparam>
    /// <param name="value">The value.</param>
    internal static void ReleaseIfObject<T>(T value)
    {
        if (value is RcObject obj)
        {
            obj.Release();
        }
    }
}
