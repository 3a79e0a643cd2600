namespace Reclaim.Tests.Reliability.Model;

/// <summary>
/// What a generated node's finalizer does. Every effect only adds references (to the node itself, its first child or
/// the anchor) and writes slots no other code writes, so the outcome never depends on the order in which several
/// finalizers of one collection run; the model still follows the documented order, and the event logs compare it.
/// </summary>
internal enum FinalizerKind
{
    /// <summary>No finalizer: the node is an instance of a type that does not override <see cref="RcObject.OnFinalize"/>.</summary>
    None,

    /// <summary>Runs and does nothing.</summary>
    Noop,

    /// <summary>Throws an <see cref="InjectedFault"/>.</summary>
    Raise,

    /// <summary>Resurrects the node by taking a new program root to it.</summary>
    ResurrectByRoot,

    /// <summary>Resurrects the node by storing it in the anchor (a graph edge the collector must see).</summary>
    ResurrectByAnchor,

    /// <summary>Stores the node's first child in the anchor: resurrects another object, not itself.</summary>
    KeepChild,

    /// <summary>Links the node to the anchor through its finalizer slot.</summary>
    LinkToAnchor,
}
