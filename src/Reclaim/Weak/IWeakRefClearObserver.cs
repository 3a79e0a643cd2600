namespace Reclaim;

/// <summary>
/// Implemented by internal weak-reference callbacks that must know when the collector cleared their weak
/// reference without calling them (the weak reference was cyclic garbage itself).
/// </summary>
internal interface IWeakRefClearObserver
{
    /// <summary>The weak reference was cleared as garbage; the callback will never be called.</summary>
    void OnClearedWithoutCallback();
}
