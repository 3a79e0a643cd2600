namespace Reclaim.Cli.Scenarios.Model;

/// <summary>msg351083's <c>CallFunc</c>: its finalizer calls a function that is part of the same cycle.</summary>
public sealed class CallFunc : RcObject
{
    /// <summary>The function to call from the finalizer.</summary>
    public RcField<FunctionObject> Func;

    /// <summary>Whether the finalizer found the function callable.</summary>
    public bool FinalizerCalledIntactFunction { get; private set; }

    /// <summary>How many times the finalizer ran.</summary>
    public int FinalizerRuns { get; private set; }

    /// <inheritdoc/>
    protected override void TraverseReferences(ref Visitor visitor) => visitor.Visit(Func);

    /// <inheritdoc/>
    protected override void ClearReferences() => Func.Clear();

    /// <inheritdoc/>
    protected override void OnFinalize()
    {
        FinalizerRuns++;
        FunctionObject? func = Func.Value;
        if (func is null)
        {
            return;
        }

        func.Call("call func from CallFunc.__del__");
        FinalizerCalledIntactFunction = func.IsAlive && func.ClosureAlwaysIntact;
    }
}
