namespace Reclaim;

/// <summary>Builds the runtime's exceptions in one place, keeping the hot paths that throw them small.</summary>
internal static class ThrowHelper
{
    public static Exception NotAdopted(RcObject obj, string operation) => new ObjectNotAdoptedException(obj.GetType(), operation);

    public static Exception Freed(RcObject obj, string operation) => new ObjectFreedException(obj.GetType(), operation);

    public static Exception Cleared(RcObject obj, string operation) => new ObjectClearedException(obj.GetType(), operation);

    public static Exception DoubleRelease(RcObject obj) => new DoubleReleaseException(obj.GetType());

    public static Exception Underflow(RcObject obj) => new RefCountUnderflowException(obj.GetType());

    public static Exception NotAlive(RcObject obj, string operation) => obj._state switch
    {
        RcObjectState.Unborn => NotAdopted(obj, operation),
        RcObjectState.Cleared => Cleared(obj, operation),
        _ => Freed(obj, operation),
    };

    public static Exception EmptyNewRef(Type type) => new InvalidOperationException($"The NewRef<{type.Name}> is empty: there is no object to use (a weak reference's referent had died).");

    public static Exception HandleDisposed(Type type, string operation) => new ObjectDisposedException($"Owned<{type.Name}>", $"{operation} on an owned reference to a '{type.Name}' that was already disposed or detached.");

    public static Exception Traversal(RcObject obj, string operation) => new TraversalViolationException(obj.GetType(), operation);

    public static Exception WrongRuntime(RcObject obj, string operation) => new WrongRuntimeException(obj.GetType(), operation);

    public static Exception RuntimeShutDown(string operation) => new RuntimeShutDownException(operation);
}
