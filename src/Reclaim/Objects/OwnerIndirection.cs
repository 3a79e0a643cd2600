namespace Reclaim;

/// <summary>
/// Something other than the runtime itself in an object's owner word (<see cref="RcObject._owner"/>), carrying the
/// runtime in its place: the object's <see cref="WeakRefList"/>, or the runtime's <see cref="ClearedOwner"/>. Either
/// makes the word differ from every thread's fast-path token, so the object's count changes take the slow path,
/// which looks at the object's state; the fast path never has to.
/// </summary>
internal abstract class OwnerIndirection
{
    protected OwnerIndirection(Runtime runtime) => Runtime = runtime;

    /// <summary>The runtime that owns the object.</summary>
    public Runtime Runtime { get; }
}

/// <summary>
/// The owner word of an object the collector cleared: <see cref="RcObject.AddRef"/> must refuse it, and with this in
/// the word its fast path's owner compare fails, so the fast path needs no state check of its own. One per runtime.
/// </summary>
internal sealed class ClearedOwner : OwnerIndirection
{
    public ClearedOwner(Runtime runtime)
        : base(runtime)
    {
    }
}
