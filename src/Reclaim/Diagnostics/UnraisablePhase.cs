namespace Reclaim;

/// <summary>Which kind of user code raised an exception the runtime could not propagate.</summary>
public enum UnraisablePhase
{
    /// <summary>An object's <see cref="RcObject.OnFinalize"/>.</summary>
    Finalizer,

    /// <summary>A weak reference's callback.</summary>
    WeakRefCallback,

    /// <summary>The callback of an <see cref="ObjectFinalizer"/> (<c>weakref.finalize</c>).</summary>
    FinalizeCallback,

    /// <summary>A collection callback registered with <see cref="Gc.AddCallback"/>.</summary>
    GcCallback,

    /// <summary>An object's <see cref="RcObject.ClearReferences"/>.</summary>
    Clear,

    /// <summary>An object's <see cref="RcObject.OnFree"/>.</summary>
    Free,

    /// <summary>
    /// An automatic collection refused to proceed because a traversal broke the rules (checked-mode audit or a
    /// traversal violation); nothing was freed. Explicit collections throw these instead.
    /// </summary>
    Collection,

    /// <summary>An action queued with <see cref="Runtime.Defer"/>, run at a safe point.</summary>
    DeferredWork,

    /// <summary>The body of a thread started with <see cref="Runtime.StartThread"/> (<c>threading.excepthook</c>).</summary>
    Thread,

    /// <summary>A release queued by another thread turned out to be misuse (double release, underflow) when applied.</summary>
    PendingRelease,

    /// <summary>A callback registered with <see cref="Runtime.AtExit"/>.</summary>
    AtExit,

    /// <summary>A dictionary watcher registered with <see cref="Runtime.AddDictWatcher"/>.</summary>
    Watcher,
}
