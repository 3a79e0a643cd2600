namespace Reclaim;

/// <summary>Ending a runtime.</summary>
public sealed partial class Runtime
{
    /// <summary>
    /// Shuts the runtime down: runs the at-exit finalizers (last registered first), collects the remaining cyclic
    /// garbage, and marks the runtime finalized. Afterwards every operation on the runtime or its objects throws
    /// <see cref="RuntimeFinalizedException"/>. Calling it again does nothing.
    /// </summary>
    /// <exception cref="ReentrantShutdownException">Called from a finalizer, callback, <see cref="RcObject.Clear"/> or <see cref="RcObject.OnFree"/> while objects are being freed or collected.</exception>
    public void Dispose()
    {
        if (IsFinalized)
        {
            return;
        }

        ThrowIfTraversing(null, "Dispose");
        if (IsProcessingDeaths)
        {
            // The death or collection that ran the caller must be able to finish its remaining steps.
            throw new ReentrantShutdownException();
        }

        RunAtExitFinalizers();
        State = RuntimeState.Finalizing;
        try
        {
            _collector.Collect(Collector.GenerationCount - 1, CollectionReason.Shutdown);
        }
        catch (Exception exception)
        {
            // Dispose must not throw: a refused final collection (checked mode found a broken traversal) is
            // reported, and the objects it would have freed are simply left to .NET.
            ReportUnraisable(exception, UnraisablePhase.Collection, null);
        }
        finally
        {
            _guard |= GuardFinalized;
            State = RuntimeState.Finalized;
        }
    }
}
