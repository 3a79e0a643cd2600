namespace Reclaim;

/// <summary>
/// One entry of a weak dictionary, and at the same time the callback of the entry's weak reference
/// (CPython's <c>KeyedRef</c> plus its remover). A leaf: it holds plain .NET references only, to the dictionary
/// among others, so the weak reference → callback edge never leads back to the dictionary and the dictionary is
/// never kept alive by its own entries (bpo-38006: the remover must not close over the dictionary).
/// </summary>
/// <remarks>
/// The dictionary owns one reference to the entry and one to <see cref="Reference"/>; the weak reference owns one
/// reference to the entry as its callback. <see cref="Linked"/> is true exactly while the dictionary's map holds the
/// entry: a callback that arrives for an unlinked entry (removed, replaced, or its dictionary cleared) does nothing.
/// </remarks>
internal abstract class WeakDictionaryEntry : RcObject, IWeakRefCallback, IWeakRefClearObserver
{
    private protected WeakDictionaryEntry(IWeakEntryOwner owner)
    {
        Owner = owner;
    }

    /// <summary>The dictionary's map; a plain .NET reference, invisible to the collector and not counted.</summary>
    internal IWeakEntryOwner Owner { get; }

    /// <summary>The weak reference to the weakly held side; the dictionary owns its count.</summary>
    internal WeakRef? Reference { get; set; }

    /// <summary>Whether the dictionary's map holds this entry (and with it, the entry's counted references).</summary>
    internal bool Linked { get; set; }

    /// <summary>Whether the weakly held side is still alive.</summary>
    internal bool IsLive => Reference?.Target is not null;

    /// <inheritdoc/>
    public void OnClearedWithoutCallback() => Owner.OnEntryClearedWithoutCallback();

    /// <inheritdoc/>
    public void OnReferentDied(WeakRef reference)
    {
        if (Linked && ReferenceEquals(reference, Reference))
        {
            Owner.OnEntryDied(this);
        }
    }
}
