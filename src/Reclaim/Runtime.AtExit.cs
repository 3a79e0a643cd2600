namespace Reclaim;

/// <summary>At-exit callbacks (<c>atexit</c>) and registered roots: what shutdown runs and releases, in a defined order.</summary>
public sealed partial class Runtime
{
    private readonly List<AtExitRegistration> _atExitCallbacks = [];
    private readonly List<RuntimeRoot> _roots = [];
    private long _rootSequence;

    /// <summary>
    /// Registers <paramref name="callback"/> to run at shutdown (<c>atexit.register</c>), after non-daemon threads
    /// finished and before the runtime starts finalizing; callbacks run last registered first, each once, and an
    /// exception goes to <see cref="UnraisableHook"/> with <see cref="UnraisablePhase.AtExit"/>.
    /// </summary>
    /// <param name="callback">The callback.</param>
    /// <returns>The registration; dispose it to unregister.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="callback"/> is null.</exception>
    /// <exception cref="RuntimeShutDownException">The runtime is finalizing or shut down (the at-exit callbacks have run).</exception>
    public AtExitRegistration AtExit(Action callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        ThrowIfLockNotHeld("AtExit");
        if (State != RuntimeState.Running)
        {
            throw ThrowHelper.RuntimeShutDown("AtExit after the at-exit callbacks ran");
        }

        var registration = new AtExitRegistration(this, callback);
        _atExitCallbacks.Add(registration);
        return registration;
    }

    /// <summary>
    /// Keeps a strong reference to <paramref name="target"/> until shutdown (or until the returned root is disposed).
    /// At shutdown roots are released last-registered first — register what others depend on (builtins) before its
    /// dependents (module globals), as CPython tears modules down before builtins.
    /// </summary>
    /// <param name="name">A name for the shutdown report.</param>
    /// <param name="target">The object to keep alive.</param>
    /// <returns>The root handle.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="WrongRuntimeException"><paramref name="target"/> belongs to another runtime.</exception>
    public RuntimeRoot AddRoot(string name, RcObject target)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(target);
        ThrowIfShutDown("AddRoot");
        CheckOwnership(target, "AddRoot");
        target.AddRef();
        var root = new RuntimeRoot(this, name, target, ++_rootSequence);
        _roots.Add(root);
        return root;
    }

    /// <summary>The roots still held, oldest first.</summary>
    internal IReadOnlyList<RuntimeRoot> Roots => [.. _roots];

    internal void UnregisterAtExit(AtExitRegistration registration)
    {
        if (registration.IsRegistered)
        {
            ThrowIfLockNotHeld("AtExitRegistration.Dispose");
            registration.IsRegistered = false;
            _atExitCallbacks.Remove(registration);
        }
    }

    internal void ReleaseRoot(RuntimeRoot root)
    {
        if (!root.IsHeld)
        {
            return;
        }

        ThrowIfShutDown("RuntimeRoot.Dispose");
        ThrowIfLockNotHeld("RuntimeRoot.Dispose");
        root.IsHeld = false;
        _roots.Remove(root);
        root.Target.Release();
    }

    /// <summary>Runs the at-exit callbacks newest first, including ones registered by callbacks while running.</summary>
    private int RunAtExitCallbacks()
    {
        int run = 0;
        while (_atExitCallbacks.Count > 0)
        {
            AtExitRegistration next = _atExitCallbacks[^1];
            _atExitCallbacks.RemoveAt(_atExitCallbacks.Count - 1);
            next.IsRegistered = false;
            run++;
            try
            {
                next.Callback();
            }
            catch (Exception exception)
            {
                ReportUnraisable(exception, UnraisablePhase.AtExit, null);
            }
        }

        return run;
    }

    /// <summary>Releases every root, newest first; returns their names in that order.</summary>
    private List<string> ReleaseRootsForShutdown()
    {
        var released = new List<string>();
        while (_roots.Count > 0)
        {
            RuntimeRoot root = _roots[^1];
            released.Add(root.Name);
            ReleaseRoot(root);
        }

        return released;
    }
}
