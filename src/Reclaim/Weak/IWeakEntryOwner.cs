namespace Reclaim;

/// <summary>What a weak dictionary's entry tells the map that holds it; a plain .NET reference, never counted.</summary>
internal interface IWeakEntryOwner
{
    /// <summary>The entry's weakly held side died and its weak reference's callback ran: remove the entry.</summary>
    /// <param name="entry">The entry, linked to this map.</param>
    void OnEntryDied(WeakDictionaryEntry entry);

    /// <summary>The collector cleared the entry's weak reference as garbage, without its callback.</summary>
    void OnEntryClearedWithoutCallback();
}
