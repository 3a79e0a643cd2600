namespace Reclaim.Tests.Reliability.Model;

/// <summary>The kinds of object a generated program creates; the letter prefixes an object's name in logs.</summary>
internal enum ObjectKind
{
    /// <summary>A node with three program slots and a finalizer slot ("n").</summary>
    Node,

    /// <summary>The anchor: a container finalizers store into, rooted until teardown ("a").</summary>
    Anchor,

    /// <summary>A weak reference, program-made or a <c>weakref.finalize</c> registration's ("w").</summary>
    WeakRef,

    /// <summary>A weak-reference callback that is a runtime object capturing the anchor ("c").</summary>
    Closure,
}
