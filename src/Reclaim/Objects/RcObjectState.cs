namespace Reclaim;

/// <summary>
/// Where an object is in its life. Each state only ever moves forward, except that a
/// finalized object may be resurrected and stay <see cref="Finalized"/> while alive.
/// </summary>
public enum RcObjectState : byte
{
    /// <summary>Not yet adopted by a runtime: constructed, but not owned by anyone.</summary>
    Unborn = 0,

    /// <summary>Alive and usable; its finalizer has not run.</summary>
    Alive = 1,

    /// <summary>Alive and usable; its finalizer has run (and will never run again).</summary>
    Finalized = 2,

    /// <summary>
    /// The cycle collector called <see cref="RcObject.ClearReferences"/> on it as part of cyclic garbage.
    /// Its references are gone; any use through the runtime throws <see cref="ObjectClearedException"/>.
    /// </summary>
    Cleared = 3,

    /// <summary>Its count reached zero and <see cref="RcObject.OnFree"/> ran; any use throws <see cref="ObjectFreedException"/>.</summary>
    Freed = 4,
}
