namespace Reclaim;

/// <summary>A callback registered with <see cref="Runtime.AtExit"/>; dispose it to unregister (<c>atexit.unregister</c>).</summary>
public sealed class AtExitRegistration : IDisposable
{
    private readonly Runtime _runtime;

    internal AtExitRegistration(Runtime runtime, Action callback)
    {
        _runtime = runtime;
        Callback = callback;
    }

    internal Action Callback { get; }

    /// <summary>Whether the callback is still due to run at shutdown.</summary>
    public bool IsRegistered { get; internal set; } = true;

    /// <summary>Unregisters the callback; does nothing if it already ran or was unregistered.</summary>
    public void Dispose() => _runtime.UnregisterAtExit(this);
}
