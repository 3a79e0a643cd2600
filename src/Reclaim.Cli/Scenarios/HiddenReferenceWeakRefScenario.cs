using Reclaim.Cli.Scenarios.Model;

namespace Reclaim.Cli.Scenarios;

/// <summary>
/// bpo-38006, Tim Peters' minimal shape <c>Z &lt;- Y &lt;- A &lt;-&gt; B -&gt; WZ -&gt; C</c>: <c>WZ</c> is a weak reference
/// to <c>Z</c> with callback <c>C</c>, and <c>Y</c> hides its reference to <c>Z</c> from traversal. Everything is
/// garbage, but the collector cannot know <c>Z</c> is; <c>Z</c> dies only when <c>Y</c> is cleared.
/// </summary>
/// <param name="checkedMode">Checked mode reports <c>Y</c>; unchecked mode must never let <c>C</c> see cleared state.</param>
public sealed class HiddenReferenceWeakRefScenario(bool checkedMode) : SeedScenario
{
    /// <inheritdoc/>
    public override string Seed => "001";

    /// <inheritdoc/>
    public override string Name => checkedMode
        ? "Z<-Y<-A<->B->WZ->C, checked mode reports Y"
        : "Z<-Y<-A<->B->WZ->C, Y hides Z (unchecked)";

    /// <inheritdoc/>
    public override string Original => "Z died during delete_garbage and WZ's callback C ran after tp_clear had torn C down";

    /// <summary>The callback.</summary>
    public FunctionObject? Callback { get; private set; }

    /// <summary>The hidden referent.</summary>
    public NoisyObject? Z { get; private set; }

    /// <summary>The objects of the cycle and everything hanging off it.</summary>
    public List<RcObject> Graph { get; } = [];

    /// <summary>The seed's names for the objects of <see cref="Graph"/>.</summary>
    private List<(string Name, RcObject Object)> Names { get; } = [];

    /// <summary>Checked mode's report, if any.</summary>
    public TraversalIncompleteException? Refusal { get; private set; }

    /// <summary>Whether every object was still alive right after checked mode refused the collection.</summary>
    public bool NothingFreedByRefusedCollection { get; private set; }

    /// <inheritdoc/>
    public override ScenarioOutcome Run()
    {
        using Runtime runtime = CreateRuntime(checkedMode);
        HiddenReferenceHolder y = Build(runtime);
        ReachKeyMoment(
            runtime,
            checkedMode
                ? "before the collection checked mode refuses: Y's TraverseReferences misses its reference to Z"
                : "before gc.collect(): all of it is garbage, but Y hides Z, so Z looks held from outside",
            Callback,
            [.. Names]);
        if (!checkedMode)
        {
            CollectionResult result = runtime.Gc.Collect();
            bool safe = Callback!.Calls == 0 && Graph.All(o => o.State == RcObjectState.Freed) && Unraisable.Count == 0;
            return new ScenarioOutcome(
                safe,
                $"WZ was garbage and cleared without callback; Z died after every clear, C was never called; all {Graph.Count} objects freed (collected {result.Collected})");
        }

        try
        {
            runtime.Gc.Collect();
        }
        catch (TraversalIncompleteException exception)
        {
            Refusal = exception;
        }

        NothingFreedByRefusedCollection = Graph.All(o => o.IsAlive);

        // Repair the bug (drop the hidden reference by hand) so the rest of the garbage can go.
        y.Hidden.Clear();
        runtime.Gc.Collect();
        bool passed = Refusal is not null
            && Refusal.ObjectType == typeof(HiddenReferenceHolder)
            && NothingFreedByRefusedCollection
            && Graph.All(o => o.State == RcObjectState.Freed);
        return new ScenarioOutcome(
            passed,
            Refusal is null
                ? "the hidden reference went unnoticed"
                : $"refused the collection before freeing anything: {Refusal.ObjectType.Name}.TraverseReferences misses {Refusal.MemberName}");
    }

    private HiddenReferenceHolder Build(Runtime runtime)
    {
        using Owned<NoisyObject> z = runtime.Adopt(new NoisyObject { Name = "Z" }).ToOwned();
        using Owned<HiddenReferenceHolder> y = runtime.New<HiddenReferenceHolder>().ToOwned();
        using Owned<FunctionObject> c = runtime.Adopt(new FunctionObject { Name = "C" }).ToOwned();
        using Owned<WeakRef> wz = runtime.WeakRef(z.Value, c.Value).ToOwned();
        using Owned<NoisyObject> a = runtime.Adopt(new NoisyObject { Name = "A" }).ToOwned();
        using Owned<NoisyObject> b = runtime.Adopt(new NoisyObject { Name = "B" }).ToOwned();
        y.Value.Hidden.Set(z.Value);
        using Owned<TupleObject> aRefs = runtime.Adopt(new TupleObject(y.Value, b.Value)).ToOwned();
        using Owned<TupleObject> bRefs = runtime.Adopt(new TupleObject(a.Value, wz.Value)).ToOwned();
        a.Value.Ref.Set(aRefs.Value);
        b.Value.Ref.Set(bRefs.Value);
        Z = z.Value;
        Callback = c.Value;
        Graph.AddRange([z.Value, y.Value, c.Value, wz.Value, a.Value, b.Value, aRefs.Value, bRefs.Value]);
        Names.AddRange([("Y", y.Value), ("WZ", wz.Value), ("A's refs", aRefs.Value), ("B's refs", bRefs.Value)]);
        return y.Value;
    }
}
