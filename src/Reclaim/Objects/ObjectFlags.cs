namespace Reclaim;

/// <summary>Per-object bits kept in the header next to the life state.</summary>
[System.Flags]
internal enum ObjectFlags : byte
{
    None = 0,

    /// <summary>The object's type overrides <see cref="RcObject.TraverseReferences"/>, so it can hold references and is tracked.</summary>
    Container = 1 << 0,

    /// <summary>The object's type overrides <see cref="RcObject.OnFinalize"/>.</summary>
    HasFinalizer = 1 << 1,

    /// <summary>At least one weak reference points at the object: its list lives in the runtime's weak table.</summary>
    HasWeakRefs = 1 << 2,

    /// <summary>The object is a <see cref="WeakRef"/>; the collector clears unreachable weak references without callbacks.</summary>
    IsWeakRef = 1 << 3,

    /// <summary>The finalizer ran (it never runs again, even after resurrection).</summary>
    FinalizerRan = 1 << 4,

    /// <summary>The finalizer is running from the release path, on the runtime's temporary reference.</summary>
    FinalizingOnRelease = 1 << 5,

    /// <summary>The object's type overrides <see cref="RcObject.OnFree"/>: only then does a death call it.</summary>
    HasFreeHook = 1 << 6,
}
