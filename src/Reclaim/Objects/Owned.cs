namespace Reclaim;

/// <summary>
/// An owned reference to a runtime object held from ordinary .NET code: disposing it releases the reference.
/// </summary>
/// <remarks>
/// Use one per reference you keep outside the runtime's heap (a local, a field of a non-runtime class).
/// Inside runtime objects use <see cref="RcField{T}"/> instead, which the collector can see.
/// Disposing twice is harmless; using <see cref="Value"/> after disposal throws. Disposing on a thread that does
/// not hold the runtime lock queues the release for the lock holder. A handle that is never disposed is not a
/// leak: when .NET collects it, its finalizer queues the release the same way (pythonnet's pattern), and the lock
/// holder applies it at its next safe point. Dispose anyway: that release is deterministic, the other is not.
/// </remarks>
/// <typeparam name="T">The runtime type referred to.</typeparam>
public sealed class Owned<T> : IDisposable where T : RcObject
{
    private T? _value;

    internal Owned(T newReference)
    {
        _value = newReference;
    }

    /// <summary>
    /// Runs on the .NET finalizer thread, which never holds the runtime lock: the release is queued, never applied
    /// here. After the runtime shut down the queue counts it as late and drops it.
    /// </summary>
    ~Owned()
    {
        if (_value is { OwnerRuntime: { } runtime } value)
        {
            runtime.QueueRelease(value);
        }
    }

    /// <summary>The referenced object.</summary>
    /// <exception cref="ObjectDisposedException">The handle was disposed or detached.</exception>
    /// <exception cref="ObjectClearedException">The collector cleared the object.</exception>
    /// <exception cref="ObjectFreedException">The object was freed (its count was released elsewhere too many times).</exception>
    public T Value
    {
        get
        {
            T value = _value ?? throw ThrowHelper.HandleDisposed(typeof(T), "Owned.Value");
            if (value._state > RcObjectState.Finalized)
            {
                throw ThrowHelper.NotAlive(value, "Owned.Value");
            }

            return value;
        }
    }

    /// <summary>The referenced object without any check, for diagnostics inside the runtime.</summary>
    internal T? Peek => _value;

    /// <summary>Whether the handle still owns its reference (not disposed, not detached).</summary>
    public bool HasValue => _value is not null;

    /// <summary>Takes another owned reference to the same object.</summary>
    /// <returns>A new handle that must be disposed separately.</returns>
    public Owned<T> Clone()
    {
        T value = Value;
        value.AddRef();
        return new Owned<T>(value);
    }

    /// <summary>
    /// Gives up the handle's reference without releasing it: the caller now owns it (for example to store it
    /// with <see cref="RcField{T}.SetOwned"/>). The handle becomes empty.
    /// </summary>
    /// <returns>The object, whose reference the caller must eventually release.</returns>
    public T Take()
    {
        T value = Value;
        _value = null;
        GC.SuppressFinalize(this);
        return value;
    }

    /// <summary>
    /// Releases the reference; does nothing if already disposed or detached. After the runtime shut down it only
    /// counts a late release (<see cref="RuntimeStats.LateReleases"/>): the object is the runtime's to free, not the handle's.
    /// </summary>
    public void Dispose()
    {
        T? value = _value;
        if (value is null)
        {
            return;
        }

        if (value.OwnerRuntime is { } runtime && (!runtime.IsLockHeld || runtime.State == RuntimeState.ShutDown))
        {
            // Another thread's dispose: hand the release to the lock holder. After shutdown (a `using` scope that
            // ends after runtime.Shutdown()) the queue counts it as a late release and drops it: a quiet no-op.
            _value = null;
            GC.SuppressFinalize(this);
            runtime.QueueRelease(value);
            return;
        }

        try
        {
            value.EnsureReleasable();
        }
        catch (ObjectFreedException)
        {
            // The reference is gone either way (someone released it for us): the handle is spent.
            _value = null;
            GC.SuppressFinalize(this);
            throw;
        }

        // Any other refusal (inside traversal, after shutdown) leaves the handle as it was.
        _value = null;
        GC.SuppressFinalize(this);
        value.Release();
    }

    /// <summary>A description for diagnostics.</summary>
    public override string ToString() => _value is null ? $"Owned<{typeof(T).Name}>(disposed)" : $"Owned({_value})";
}
