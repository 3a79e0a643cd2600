namespace Reclaim;

/// <summary>Whether an object's finalizer (<see cref="RcObject.OnFinalize"/>) is still to run.</summary>
public enum FinalizerStatus : byte
{
    /// <summary>The object's type has no finalizer.</summary>
    None = 0,

    /// <summary>The type has a finalizer and it has not run yet.</summary>
    Pending = 1,

    /// <summary>The finalizer ran; it never runs again, even if the object was resurrected.</summary>
    Ran = 2,
}
