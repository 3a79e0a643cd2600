namespace Reclaim;

/// <summary>
/// Code running inside <see cref="RcObject.TraverseReferences"/> tried to change a reference count, allocate, or call into
/// the runtime (invariant I3). The collector refuses it: nothing is freed mid-pass.
/// </summary>
public sealed class TraversalViolationException : ObjectLifetimeException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="objectType">The type of the object the forbidden operation targeted.</param>
    /// <param name="operation">The forbidden operation.</param>
    public TraversalViolationException(Type objectType, string operation)
        : base(objectType, operation, $"{operation} on an object of type '{objectType.Name}' from inside a TraverseReferences implementation: traversal may only call Visitor.Visit (no count changes, allocation or runtime calls).")
    {
    }
}
