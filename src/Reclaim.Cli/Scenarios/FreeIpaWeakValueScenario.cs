using Reclaim.Cli.Scenarios.Model;

namespace Reclaim.Cli.Scenarios;

/// <summary>
/// bpo-38006 msg351041, the FreeIPA shape: a weak-value dictionary's <c>remove</c> callback closes over the
/// dictionary's data, which holds the keyed weak reference whose callback it is; a cffi <c>CField</c> that takes
/// no part in collection hides the referent, which therefore dies only while the collector clears the cycle.
/// </summary>
/// <param name="checkedMode">Checked mode refuses the hidden reference up front; unchecked mode must stay safe.</param>
public sealed class FreeIpaWeakValueScenario(bool checkedMode) : SeedScenario
{
    /// <inheritdoc/>
    public override string Seed => "001";

    /// <inheritdoc/>
    public override string Name => checkedMode
        ? "FreeIPA weak-value callback, checked mode (msg351041)"
        : "FreeIPA weak-value callback in cyclic trash (msg351041)";

    /// <inheritdoc/>
    public override string Original => "referent died during delete_garbage and called the already-cleared remove() callback: segfault at exit";

    /// <summary>The weak reference callback (<c>remove</c>).</summary>
    public FunctionObject? Remove { get; private set; }

    /// <summary>The referent hidden behind the untraced field (<c>CTypeDescr 5</c>).</summary>
    public NoisyObject? Referent { get; private set; }

    /// <summary>The keyed weak reference.</summary>
    public WeakRef? KeyedRef { get; private set; }

    /// <summary>What the collection reported (unchecked mode).</summary>
    public CollectionResult Result { get; private set; }

    /// <summary>What checked mode raised, if anything.</summary>
    public TraversalIncompleteException? Refusal { get; private set; }

    /// <inheritdoc/>
    public override ScenarioOutcome Run() => checkedMode ? RunChecked() : RunUnchecked();

    private ScenarioOutcome RunUnchecked()
    {
        using Runtime runtime = CreateRuntime(checkedMode: false);
        List<(string Name, RcObject Object)> names = [];
        using (Owned<NoisyObject> ctype5 = runtime.Adopt(new NoisyObject { Name = "CTypeDescr 5" }).ToOwned())
        using (Owned<UntracedField> cfield4 = runtime.New<UntracedField>().ToOwned())
        using (Owned<FunctionObject> remove = runtime.Adopt(new FunctionObject { Name = "remove" }).ToOwned())
        {
            Referent = ctype5.Value;
            Remove = remove.Value;
            cfield4.Value.Type.Set(ctype5.Value);
            using Owned<TupleObject> fields = runtime.Adopt(new TupleObject(cfield4.Value)).ToOwned();
            names.Add(("CField 4", cfield4.Value));
            names.Add(("fields", fields.Value));
            using Owned<NoisyObject> ctype3 = runtime.Adopt(new NoisyObject { Name = "CTypeDescr 3" }).ToOwned();
            ctype3.Value.Ref.Set(fields.Value);
            using Owned<TupleObject> key = runtime.Adopt(new TupleObject(ctype3.Value)).ToOwned();
            names.Add(("key", key.Value));
            using Owned<WeakRef> keyedRef = runtime.WeakRef(ctype5.Value, remove.Value).ToOwned();
            KeyedRef = keyedRef.Value;
            using Owned<TupleObject> data = runtime.Adopt(new TupleObject(keyedRef.Value, key.Value)).ToOwned();
            using Owned<TupleObject> closure = runtime.Adopt(new TupleObject(data.Value)).ToOwned();
            names.Add(("KeyedRef", keyedRef.Value));
            names.Add(("data", data.Value));
            names.Add(("closure", closure.Value));
            remove.Value.Closure.Set(closure.Value);
        }

        ReachKeyMoment(
            runtime,
            "before gc.collect(): remove's closure holds the KeyedRef whose callback it is; CField 4 hides CTypeDescr 5 from the collector",
            KeyedRef,
            [.. names]);
        Result = runtime.Gc.Collect();
        bool passed = Remove.Calls == 0
            && Remove.State == RcObjectState.Freed
            && Referent.State == RcObjectState.Freed
            && KeyedRef.State == RcObjectState.Freed
            && Unraisable.Count == 0
            && runtime.Gc.GetObjects().Count == 0;
        return new ScenarioOutcome(
            passed,
            $"keyed weakref was garbage, so it was cleared without its callback; the referent died after every clear and called nothing; all freed (collected {Result.Collected})");
    }

    private ScenarioOutcome RunChecked()
    {
        using Runtime runtime = CreateRuntime(checkedMode: true);
        ReachKeyMoment(runtime, "the heap when CField is first allocated: checked mode refuses the type before anything exists", focus: null);
        try
        {
            using Owned<UntracedField> cfield = runtime.New<UntracedField>().ToOwned();
        }
        catch (TraversalIncompleteException exception)
        {
            Refusal = exception;
        }

        bool passed = Refusal is not null && Refusal.ObjectType == typeof(UntracedField) && Refusal.MemberName.EndsWith(".Type", StringComparison.Ordinal);
        return new ScenarioOutcome(
            passed,
            Refusal is null
                ? "the untraced type was accepted"
                : $"refused the type at its first allocation: {Refusal.ObjectType.Name} holds a counted reference in {Refusal.MemberName} but takes no part in traversal");
    }
}
