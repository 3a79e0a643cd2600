namespace Reclaim.Tests.Reliability.Model;

/// <summary>What a generated weak reference calls back when its referent dies.</summary>
internal enum CallbackKind
{
    /// <summary>No callback: the runtime shares one such weak reference per referent.</summary>
    None,

    /// <summary>A .NET delegate (a leaf the collector does not see).</summary>
    Delegate,

    /// <summary>A runtime object (<see cref="ClosureCallback"/>) that captures the anchor, so it is part of the graph.</summary>
    Closure,

    /// <summary>The trigger of a <c>weakref.finalize</c> registration.</summary>
    Finalize,
}
