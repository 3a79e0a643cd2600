namespace Reclaim.Tests.Support;

/// <summary>A runtime object usable as a weak-reference callback; counts its calls.</summary>
internal sealed class CountingWeakRefCallback : RcObject, IWeakRefCallback
{
    public int Calls { get; private set; }

    public void OnReferentDied(WeakRef reference) => Calls++;
}
