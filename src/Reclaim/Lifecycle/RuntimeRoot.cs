namespace Reclaim;

/// <summary>
/// A strong reference the runtime itself keeps until shutdown (a module table, a builtins dictionary), registered
/// with <see cref="Runtime.AddRoot"/>. Shutdown releases roots last-registered first, after the first final
/// collections and with watchers suppressed. Dispose it to release the reference earlier.
/// </summary>
public sealed class RuntimeRoot : IDisposable
{
    private readonly Runtime _runtime;

    internal RuntimeRoot(Runtime runtime, string name, RcObject target, long sequence)
    {
        _runtime = runtime;
        Name = name;
        Target = target;
        Sequence = sequence;
    }

    /// <summary>The name given at registration, used in the shutdown report.</summary>
    public string Name { get; }

    /// <summary>Whether the root still holds its reference.</summary>
    public bool IsHeld { get; internal set; } = true;

    internal RcObject Target { get; }

    internal long Sequence { get; }

    /// <summary>Releases the root's reference now; does nothing if it was already released.</summary>
    /// <exception cref="LockNotHeldException">The calling thread does not hold the runtime lock.</exception>
    public void Dispose() => _runtime.ReleaseRoot(this);

    /// <summary>A description for diagnostics.</summary>
    public override string ToString() => $"RuntimeRoot('{Name}', {(IsHeld ? "held" : "released")})";
}
