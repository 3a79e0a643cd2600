namespace Reclaim.Cli.Scenarios.Model;

/// <summary>
/// A Python-like function: callable, with a closure of runtime objects it keeps alive. Calling it after the
/// collector cleared it is exactly the bpo-38006 crash (<c>func_code == NULL</c>); here it throws instead.
/// </summary>
public sealed class FunctionObject : RcObject, IWeakRefCallback
{
    /// <summary>The closure: what the function's body refers to.</summary>
    public RcField<RcObject> Closure;

    /// <summary>The function's name, for reports.</summary>
    public string Name { get; init; } = "function";

    /// <summary>How many times it was called while intact.</summary>
    public int Calls { get; private set; }

    /// <summary>Whether every call found the closure in place.</summary>
    public bool ClosureAlwaysIntact { get; private set; } = true;

    /// <summary>Calls the function.</summary>
    /// <param name="argument">What the caller passes, for reports.</param>
    /// <exception cref="ObjectClearedException">The function was cleared by the collector.</exception>
    public void Call(string argument)
    {
        ThrowIfNotAlive($"call of function '{Name}'");
        _ = argument;
        Calls++;
        ClosureAlwaysIntact &= !Closure.IsNull && Closure.Value!.IsAlive;
    }

    /// <inheritdoc/>
    public void OnReferentDied(WeakRef reference) => Call("weakref callback");

    /// <inheritdoc/>
    protected override void TraverseReferences(ref Visitor visitor) => visitor.Visit(Closure);

    /// <inheritdoc/>
    protected override void ClearReferences() => Closure.Clear();
}
