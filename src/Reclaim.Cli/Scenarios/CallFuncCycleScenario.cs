using Reclaim.Cli.Scenarios.Model;

namespace Reclaim.Cli.Scenarios;

/// <summary>
/// bpo-38006 msg351083: <c>call_func</c> and <c>remove</c> form a cycle; <c>call_func.__del__</c> calls
/// <c>remove</c>. If the collector clears <c>remove</c> before the finalizer runs, the call uses a torn-down function.
/// </summary>
public sealed class CallFuncCycleScenario : SeedScenario
{
    /// <inheritdoc/>
    public override string Seed => "001";

    /// <inheritdoc/>
    public override string Name => "CallFunc/remove cycle (msg351083)";

    /// <inheritdoc/>
    public override string Original => "finalizer called a function the GC had already cleared (func_clear): segfault in _PyFunction_Vectorcall";

    /// <summary>The finalizer object.</summary>
    public CallFunc? CallFunc { get; private set; }

    /// <summary>The function in the cycle.</summary>
    public FunctionObject? Function { get; private set; }

    /// <summary>What the collection reported.</summary>
    public CollectionResult Result { get; private set; }

    /// <inheritdoc/>
    public override ScenarioOutcome Run()
    {
        using Runtime runtime = CreateRuntime(checkedMode: true);
        NewRef<CallFunc> callFunc = runtime.New<CallFunc>();
        NewRef<FunctionObject> remove = runtime.Adopt(new FunctionObject { Name = "remove" });
        CallFunc = callFunc.Value;
        Function = remove.Value;
        remove.Value.Closure.Set(callFunc.Value);   // the closure counts a borrowed reference
        callFunc.Value.Func.Set(remove);            // the field takes the new reference over
        callFunc.Release();                         // only the cycle holds them now

        ReachKeyMoment(
            runtime,
            "before gc.collect(): call_func and remove form a cycle; call_func's finalizer will call remove",
            CallFunc,
            ("call_func", CallFunc));
        Result = runtime.Gc.Collect();
        bool passed = CallFunc.FinalizerRuns == 1
            && CallFunc.FinalizerCalledIntactFunction
            && Function.Calls == 1
            && CallFunc.State == RcObjectState.Freed
            && Function.State == RcObjectState.Freed
            && Result.Collected == 2
            && Unraisable.Count == 0;
        return new ScenarioOutcome(
            passed,
            $"finalizer ran once before any clear and called the intact function; both objects freed (collected {Result.Collected}, unraisable {Unraisable.Count})");
    }
}
