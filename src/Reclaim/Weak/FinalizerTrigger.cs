namespace Reclaim;

/// <summary>The weak-reference callback behind an <see cref="ObjectFinalizer"/>: a leaf that forwards the death.</summary>
internal sealed class FinalizerTrigger(ObjectFinalizer finalizer) : RcObject, IWeakRefCallback
{
    public void OnReferentDied(WeakRef reference) => finalizer.OnTargetDied();
}
