namespace Reclaim;

/// <summary>
/// Calls a callback once when an object dies, or at shutdown if it is still alive then (<c>weakref.finalize</c>).
/// The runtime keeps the finalizer registered until it has run or is unregistered, so it works even if the caller
/// drops this handle. Create one with <see cref="Runtime.AddFinalizer(RcObject, Action{IReadOnlyList{RcObject}}, RcObject[])"/>.
/// </summary>
/// <remarks>
/// The finalizer holds counted references to its arguments. An argument that refers (directly or not) to the
/// target keeps the target alive for ever, exactly as in Python: pass only what the cleanup needs.
/// </remarks>
public sealed class ObjectFinalizer
{
    private readonly Runtime _runtime;
    private readonly Action<IReadOnlyList<RcObject>> _callback;
    private WeakRef? _reference;
    private RcObject[] _arguments;

    internal ObjectFinalizer(Runtime runtime, long sequence, Action<IReadOnlyList<RcObject>> callback, RcObject[] ownedArguments)
    {
        _runtime = runtime;
        Sequence = sequence;
        _callback = callback;
        _arguments = ownedArguments;
    }

    /// <summary>Whether the finalizer is still waiting to run (<c>finalize.alive</c>).</summary>
    public bool Alive => _reference is not null;

    /// <summary>Whether it runs at shutdown if the target is still alive then (<c>finalize.atexit</c>, default true).</summary>
    public bool AtExit { get; set; } = true;

    /// <summary>Registration order; at shutdown later registrations run first.</summary>
    internal long Sequence { get; }

    /// <summary>The target while the finalizer is alive, borrowed; <see langword="null"/> afterwards.</summary>
    public RcObject? Target => _reference?.Target;

    /// <summary>Runs the callback now if still alive (<c>finalize()</c>); it never runs again.</summary>
    /// <returns>Whether the callback ran.</returns>
    public bool Invoke()
    {
        _runtime.ThrowIfShutDown("ObjectFinalizer.Invoke");
        if (!TryUnregister(out RcObject[] arguments))
        {
            return false;
        }

        try
        {
            _callback(arguments);
        }
        finally
        {
            foreach (RcObject argument in arguments)
            {
                argument.Release();
            }
        }

        return true;
    }

    /// <summary>
    /// Unregisters the finalizer without running it (<c>finalize.detach()</c>) and hands back its arguments.
    /// </summary>
    /// <returns>The arguments as owned references the caller must dispose, or <see langword="null"/> if it was no longer alive.</returns>
    public IReadOnlyList<Owned<RcObject>>? Unregister()
    {
        if (!TryUnregister(out RcObject[] arguments))
        {
            return null;
        }

        Owned<RcObject>[] owned = new Owned<RcObject>[arguments.Length];
        for (int i = 0; i < arguments.Length; i++)
        {
            owned[i] = new Owned<RcObject>(arguments[i]);
        }

        return owned;
    }

    /// <summary>The arguments while alive, without unregistering (<c>finalize.peek()</c>); borrowed references.</summary>
    /// <returns>The arguments, or <see langword="null"/> if no longer alive.</returns>
    public IReadOnlyList<RcObject>? Peek() => Alive ? _arguments : null;

    /// <summary>Called by the weak reference's callback when the target dies.</summary>
    internal void OnTargetDied()
    {
        if (_runtime.FinalizersShutDown)
        {
            // After shutdown's at-exit pass nothing runs; the arguments are still released.
            Unregister()?.ToList().ForEach(argument => argument.Dispose());
            return;
        }

        try
        {
            Invoke();
        }
        catch (Exception exception)
        {
            _runtime.ReportUnraisable(exception, UnraisablePhase.FinalizeCallback, null);
        }
    }

    internal void Attach(WeakRef reference) => _reference = reference;

    private bool TryUnregister(out RcObject[] arguments)
    {
        WeakRef? reference = _reference;
        if (reference is null)
        {
            arguments = [];
            return false;
        }

        _reference = null;
        arguments = _arguments;
        _arguments = [];
        _runtime.UnregisterFinalizer(this);
        reference.Release();
        return true;
    }
}
