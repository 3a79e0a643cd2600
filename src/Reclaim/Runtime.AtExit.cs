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
    /// exception goes to <see cref="UnraisableHook"/> with <see cref="UnraisablePhase.AtExit"/>. A callback
    /// registered by an at-exit callback while they run is accepted and never run (as CPython 3.11's <c>atexit</c>).
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

    /// <summary>
    /// Runs the at-exit callbacks present when the pass starts, newest first. A callback registered during the pass
    /// (by another callback) is accepted and never run, as CPython 3.11's <c>atexit</c> does: re-registering forever
    /// would otherwise keep shutdown from ever ending.
    /// </summary>
    private int RunAtExitCallbacks()
    {
        AtExitRegistration[] pass = [.. _atExitCallbacks];
        _atExitCallbacks.Clear();
        int run = 0;
        for (int i = pass.Length - 1; i >= 0; i--)
        {
            AtExitRegistration next = pass[i];
            if (!next.IsRegistered)
            {
                // Unregistered by an earlier callback of this pass.
                continue;
            }

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

        foreach (AtExitRegistration late in _atExitCallbacks)
        {
            late.IsRegistered = false;
        }

        _atExitCallbacks.Clear();
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
