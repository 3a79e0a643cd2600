using System.Text;
using Reclaim.Tests.Support;

namespace Reclaim.Tests.Reliability.Model;

/// <summary>
/// Runs one generated program on Reclaim (<see cref="ReclaimDriver"/>) and on the <see cref="ReferenceHeap"/> side
/// by side, and after every operation compares: the event logs (which finalizers, callbacks, frees, collection
/// callbacks and unraisable reports happened, in order), every object's state and count, finalizer and free counts,
/// weak references' targets and pending callbacks, the generation lists in order, the permanent generation,
/// <c>gc.garbage</c>, pending registrations, collection results, and that user code never saw a cleared or freed
/// object. At the end everything is released, collected and shut down, and every object nothing holds must have
/// been freed exactly once. Any difference throws <see cref="ModelMismatchException"/> with the program's resolved trace.
/// </summary>
internal sealed class ModelProgramRun
{
    private readonly ModelProgram _program;
    private readonly ReferenceHeap _model;
    private readonly ReclaimDriver _real;
    private readonly List<string> _trace = [];
    private string _step = "start";

    private ModelProgramRun(ModelProgram program, ReclaimDriver real)
    {
        _program = program;
        _model = new ReferenceHeap(program.Faults);
        _real = real;
    }

    public static void Verify(ModelProgram program)
    {
        using ReclaimDriver real = new(program.Checked, program.Faults);
        new ModelProgramRun(program, real).Run();
    }

    private void Run()
    {
        try
        {
            Compare();
            for (int i = 0; i < _program.Ops.Count; i++)
            {
                _step = $"operation {i + 1}: {_program.Ops[i]}";
                Step($"{i + 1}. {Apply(_program.Ops[i])}");
            }

            TearDown();
        }
        catch (ModelMismatchException)
        {
            throw;
        }
        catch (Exception exception)
        {
            throw Mismatch($"the operation threw {exception}");
        }
    }

    private string Apply(Op op)
    {
        List<int> reachable = _model.Reachable();
        List<int> nodes = [.. reachable.Where(id => _model[id].Kind == ObjectKind.Node)];
        switch (op.Kind)
        {
            case OpKind.Allocate:
            {
                if (_model.Objects.Count > ReclaimDriver.AnchorCapacity - 3)
                {
                    return "allocate: skipped (anchor capacity)";
                }

                FinalizerKind finalizer = (FinalizerKind)(op.A % (int)(FinalizerKind.LinkToAnchor + 1));
                int id = Same(_model.Allocate(finalizer), _real.Allocate(finalizer), "allocate");
                return $"allocate n{id} (finalizer {finalizer})";
            }

            case OpKind.Link or OpKind.Unlink when nodes.Count > 0:
            {
                int from = nodes[op.A % nodes.Count];
                int slot = op.B % ReferenceHeap.ProgramSlots;
                int? to = op.Kind == OpKind.Link ? reachable[op.C % reachable.Count] : null;
                _model.Link(from, slot, to);
                _real.Link(from, slot, to);
                return to is { } target ? $"link {Name(from)}.slot{slot} -> {Name(target)}" : $"unlink {Name(from)}.slot{slot}";
            }

            case OpKind.Release when _model.Roots.Count > 0:
            {
                int index = op.A % _model.Roots.Count;
                string name = Name(_model.Roots[index]);
                _model.ReleaseRoot(index);
                _real.ReleaseRoot(index);
                return $"release root {index} ({name})";
            }

            case OpKind.AddRoot when reachable.Count > 0:
            {
                int id = reachable[op.A % reachable.Count];
                _model.AddRoot(id);
                _real.AddRoot(id);
                return $"add root to {Name(id)}";
            }

            case OpKind.WeakRef when nodes.Count > 0 && _model.Objects.Count <= ReclaimDriver.AnchorCapacity - 3:
            {
                int target = nodes[op.A % nodes.Count];
                CallbackKind callback = (CallbackKind)(op.B % (int)CallbackKind.Finalize);
                int id = Same(_model.WeakRef(target, callback), _real.WeakRef(target, callback), "weak reference");
                return $"weakref {Name(id)} to {Name(target)} (callback {callback})";
            }

            case OpKind.Finalize when nodes.Count > 0 && _model.Objects.Count <= ReclaimDriver.AnchorCapacity - 3:
            {
                int target = nodes[op.A % nodes.Count];
                int? argument = op.B % 2 == 1 ? reachable[op.C % reachable.Count] : null;
                int registration = Same(_model.Finalize(target, argument), _real.Finalize(target, argument), "registration");
                return $"finalize f{registration} on {Name(target)}" + (argument is { } a ? $" with argument {Name(a)}" : "");
            }

            case OpKind.Collect:
            {
                int generation = op.A % Gc.GenerationCount;
                return $"collect generation {generation}: collected {Collect(generation)}";
            }

            case OpKind.Freeze:
                _model.Freeze();
                _real.Runtime.Gc.Freeze();
                return "freeze";
            case OpKind.Unfreeze:
                _model.Unfreeze();
                _real.Runtime.Gc.Unfreeze();
                return "unfreeze";
            case OpKind.ToggleSaveAll:
                _model.ToggleSaveAll();
                _real.ToggleSaveAll();
                return $"save-all {(_model.SaveAll ? "on" : "off")}";
            case OpKind.ClearGarbage:
                _model.ClearGarbage();
                _real.Runtime.Gc.ClearGarbage();
                return "clear gc.garbage";
            default:
                return $"{op.Kind}: skipped (nothing to pick)";
        }
    }

    private int Collect(int generation)
    {
        int expected = _model.Collect(generation);
        CollectionResult result = _real.Collect(generation);
        if (result.Collected != expected || result.Uncollectable != 0)
        {
            // A difference in what ran explains a different count better than the count does.
            Compare();
            throw Mismatch($"collection of generation {generation}: model collected {expected}, Reclaim {result}");
        }

        return expected;
    }

    /// <summary>Releases everything, collects until nothing is resurrected any more, shuts down, and checks nothing leaked.</summary>
    private void TearDown()
    {
        for (int round = 1; round <= _model.Objects.Count + 2; round++)
        {
            while (_model.Roots.Count > 0)
            {
                _model.ReleaseRoot(_model.Roots.Count - 1);
                _real.ReleaseRoot(_real.Roots.Count - 1);
            }

            _model.ReleaseAnchor();
            _real.ReleaseAnchor();
            if (_model.SaveAll)
            {
                _model.ToggleSaveAll();
                _real.ToggleSaveAll();
            }

            _model.ClearGarbage();
            _real.Runtime.Gc.ClearGarbage();
            _model.Unfreeze();
            _real.Runtime.Gc.Unfreeze();
            _step = $"teardown round {round}";
            Step($"teardown round {round}: collected {Collect(Gc.GenerationCount - 1)}");
            if (_model.Roots.Count == 0 && _model.Garbage.Count == 0)
            {
                break;
            }
        }

        _step = "shutdown";
        _model.Shutdown();
        _real.Dispose();
        Step("shutdown");

        // Everything that was garbage when the final collection began is freed; only what the program still holds (a
        // finalizer resurrected it into a root) or what that collection's own user code released may be left.
        HashSet<int> held = [.. _model.Reachable()];
        foreach (ModelObject obj in _model.Objects.Where(o =>
            o.State != RcObjectState.Freed && _model.GarbageAtFinalCollection.Contains(o.Id) && !held.Contains(o.Id)))
        {
            throw Mismatch($"{obj.Name} was garbage at shutdown but was never freed ({obj.State}, count {obj.Count})");
        }
    }

    /// <summary>Records a finished step in the trace and compares Reclaim with the model.</summary>
    private void Step(string resolved)
    {
        _trace.Add(resolved);
        _step = resolved;
        Compare();
    }

    private void Compare()
    {
        if (!_model.Events.SequenceEqual(_real.Events))
        {
            throw Mismatch("the events differ" + EventDiff());
        }

        if (_real.Violations.Count > 0)
        {
            throw Mismatch("user code saw an object that is not alive: " + string.Join("; ", _real.Violations));
        }

        if (_real.CheckUnraisableReports() is { } unraisable)
        {
            throw Mismatch(unraisable);
        }

        for (int id = 0; id < _model.Objects.Count; id++)
        {
            CompareObject(_model[id], id < _real.Objects.Count ? _real.Objects[id] : null);
        }

        if (_real.Objects.Count != _model.Objects.Count)
        {
            throw Mismatch($"the model has {_model.Objects.Count} objects, Reclaim {_real.Objects.Count}");
        }

        Gc gc = _real.Runtime.Gc;
        for (int generation = 0; generation < Gc.GenerationCount; generation++)
        {
            SameIds($"generation {generation}", _model.Generations[generation], gc.GetObjects(generation));
        }

        SameIds("gc.garbage", _model.Garbage, gc.Garbage);
        SameIds("program roots", _model.Roots, _real.Roots);
        if (gc.GetFreezeCount() != _model.Permanent.Count)
        {
            throw Mismatch($"freeze count: model {_model.Permanent.Count}, Reclaim {gc.GetFreezeCount()}");
        }

        if (_real.Runtime.PendingFinalizerCount != _model.PendingRegistrations)
        {
            throw Mismatch($"pending finalize registrations: model {_model.PendingRegistrations}, Reclaim {_real.Runtime.PendingFinalizerCount}");
        }
    }

    private void CompareObject(ModelObject expected, RcObject? actual)
    {
        if (actual is null)
        {
            throw Mismatch($"{expected.Name} exists only in the model");
        }

        int expectedCount = expected.State == RcObjectState.Freed ? 0 : expected.Count;
        if (actual.State != expected.State || actual.RefCount != expectedCount)
        {
            throw Mismatch($"{expected.Name}: model {expected.State} count {expectedCount}, Reclaim {actual.State} count {actual.RefCount}");
        }

        switch (actual)
        {
            case ModelNode node when node.FreeCount != (expected.State == RcObjectState.Freed ? 1 : 0):
                throw Mismatch($"{expected.Name} was freed {node.FreeCount} times ({expected.State} in the model)");
            case FinalizingModelNode node when node.FinalizeCount != (expected.FinalizerRan ? 1 : 0):
                throw Mismatch($"{expected.Name}'s finalizer ran {node.FinalizeCount} times (model: {(expected.FinalizerRan ? 1 : 0)})");
            case WeakRef reference when (reference.Target is null) != (expected.Target is null) || reference.HasCallback != expected.HasCallback:
                throw Mismatch($"{expected.Name}: model target {expected.Target?.ToString() ?? "none"} callback {expected.HasCallback}, Reclaim target {Name(reference.Target)} callback {reference.HasCallback}");
        }

        if (expected.Kind == ObjectKind.Node && expected.State != RcObjectState.Freed)
        {
            int weakRefs = _real.Runtime.GetWeakRefCount(actual);
            if (weakRefs != expected.WeakRefs.Count)
            {
                throw Mismatch($"{expected.Name} has {weakRefs} weak references, the model {expected.WeakRefs.Count}");
            }
        }
    }

    private void SameIds(string what, IReadOnlyList<int> expected, IEnumerable<RcObject> actual)
    {
        List<int> ids = [.. actual.Select(_real.IdOf)];
        if (!ids.SequenceEqual(expected))
        {
            throw Mismatch($"{what}: model [{string.Join(", ", expected.Select(Name))}], Reclaim [{string.Join(", ", ids.Select(Name))}]");
        }
    }

    private int Same(int expected, int actual, string what) =>
        expected == actual ? expected : throw Mismatch($"{what}: the model made {Name(expected)}, Reclaim {Name(actual)}");

    private string Name(int id) => id >= 0 && id < _model.Objects.Count ? _model[id].Name : $"unknown#{id}";

    private string Name(RcObject? obj) => obj is null ? "none" : Name(_real.IdOf(obj));

    private string EventDiff()
    {
        IReadOnlyList<string> expected = _model.Events;
        IReadOnlyList<string> actual = _real.Events;
        int first = 0;
        while (first < expected.Count && first < actual.Count && expected[first] == actual[first])
        {
            first++;
        }

        int from = Math.Max(0, first - 8);
        return $" from event {first}:\n    model:   {string.Join(" | ", expected.Skip(from).Take(first - from + 12))}" +
            $"\n    Reclaim: {string.Join(" | ", actual.Skip(from).Take(first - from + 12))}";
    }

    private ModelMismatchException Mismatch(string problem)
    {
        StringBuilder text = new();
        text.Append($"{problem}\n  at: {_step}\n  resolved program ({(_program.Checked ? "checked" : "unchecked")}, {_program.Faults}):");
        foreach (string line in _trace)
        {
            text.Append($"\n    {line}");
        }

        return new ModelMismatchException(text.ToString());
    }
}
