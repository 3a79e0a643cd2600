namespace Reclaim;

/// <summary>
/// Implemented by a runtime object that serves as a weak-reference callback. The weak reference holds a counted
/// reference to the callback object and reports it to the collector, so a callback that closes over runtime
/// objects (as Python functions do) is part of the object graph, never hidden from it.
/// </summary>
public interface IWeakRefCallback
{
    /// <summary>Called once, after the referent died; <paramref name="reference"/>'s target is already <see langword="null"/>.</summary>
    /// <param name="reference">The weak reference whose referent died.</param>
    void OnReferentDied(WeakRef reference);
}
