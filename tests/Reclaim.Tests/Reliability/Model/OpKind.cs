namespace Reclaim.Tests.Reliability.Model;

/// <summary>The operations a generated program is made of.</summary>
internal enum OpKind
{
    /// <summary>Allocate a node (finalizer kind in <see cref="Op.A"/>) and hold a root to it.</summary>
    Allocate,

    /// <summary>Store a reference: node <see cref="Op.A"/>, slot <see cref="Op.B"/>, object <see cref="Op.C"/>.</summary>
    Link,

    /// <summary>Clear slot <see cref="Op.B"/> of node <see cref="Op.A"/>.</summary>
    Unlink,

    /// <summary>Release program root <see cref="Op.A"/>.</summary>
    Release,

    /// <summary>Take another program root to object <see cref="Op.A"/>.</summary>
    AddRoot,

    /// <summary>Weak reference to node <see cref="Op.A"/> with callback kind <see cref="Op.B"/>, held as a root.</summary>
    WeakRef,

    /// <summary><c>weakref.finalize</c> on node <see cref="Op.A"/>; with argument object <see cref="Op.C"/> when <see cref="Op.B"/> is odd.</summary>
    Finalize,

    /// <summary>Collect generation <see cref="Op.A"/>.</summary>
    Collect,

    /// <summary><c>gc.freeze()</c>.</summary>
    Freeze,

    /// <summary><c>gc.unfreeze()</c>.</summary>
    Unfreeze,

    /// <summary>Toggle <see cref="GcDebugFlags.SaveAll"/>.</summary>
    ToggleSaveAll,

    /// <summary>Release everything in <see cref="Gc.Garbage"/>.</summary>
    ClearGarbage,
}
