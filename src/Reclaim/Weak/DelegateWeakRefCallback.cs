namespace Reclaim;

/// <summary>
/// Wraps a .NET delegate as a weak-reference callback. A leaf: a delegate's captures are invisible to the
/// collector and hold no counts, which is why callbacks that must keep runtime objects alive should be
/// runtime objects implementing <see cref="IWeakRefCallback"/> instead.
/// </summary>
internal sealed class DelegateWeakRefCallback(Action<WeakRef> callback) : RcObject, IWeakRefCallback
{
    public void OnReferentDied(WeakRef reference) => callback(reference);
}
