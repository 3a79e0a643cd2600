using Reclaim.Tests.Support;

namespace Reclaim.Tests.Reliability.Model;

/// <summary>
/// Runs a generated program's operations on a real <see cref="Runtime"/> and records what user code observes: the
/// hooks of every finalizer, callback, free and collection callback append to <see cref="Events"/> in the format the
/// <see cref="ReferenceHeap"/> uses, and every hook walks what it can reach to catch a cleared or freed object (I1).
/// Objects get the same ids as in the model because both create them in the same order.
/// </summary>
internal sealed class ReclaimDriver : IDisposable
{
    /// <summary>Anchor slots, one per object id; programs are generated short enough never to exceed it.</summary>
    public const int AnchorCapacity = 256;

    private readonly FaultPlan _faults;
    private readonly List<RcObject> _objects = [];
    private readonly Dictionary<RcObject, int> _ids = new(ReferenceEqualityComparer.Instance);
    private readonly List<InjectedFault> _thrown = [];
    private readonly List<Exception> _reported = [];
    private int _collections;
    private int _registrations;

    public ReclaimDriver(bool checkedMode, FaultPlan faults)
    {
        _faults = faults;
        Runtime = Runtime.Create(new RuntimeOptions { Checked = checkedMode, UnraisableHook = OnUnraisable });

        // Collections happen only where the program says: automatic collection has its own tests.
        Runtime.Gc.Disable();
        Runtime.Gc.AddCallback(OnCollection);
        Anchor = Register(Runtime.AdoptReference(new Holder(AnchorCapacity)));
    }

    public Runtime Runtime { get; }

    public Holder Anchor { get; }

    public bool AnchorHeld { get; private set; } = true;

    /// <summary>
    /// Whether the anchor may be inspected: alive and owned by someone. Once the program released it, hooks only reach it
    /// through the driver's uncounted .NET field (a delegate capture, a borrowed pointer in CPython terms). With a count of
    /// zero the anchor is dying: if a collection cleared the cycle it sat in, its death waits until every garbage object
    /// was cleared, and meanwhile its slots still name cleared objects, which no counted or weak path leads to (I1 is
    /// about those). Walking it then would report the driver's own dangling reference, not the runtime.
    /// </summary>
    private bool AnchorUsable => Anchor.IsAlive && Anchor.RefCount > 0;

    public IReadOnlyList<RcObject> Objects => _objects;

    public List<RcObject> Roots { get; } = [];

    public List<string> Events { get; } = [];

    /// <summary>Every time user code saw an object that is not alive (I1), or a callback saw a live referent.</summary>
    public List<string> Violations { get; } = [];

    public int IdOf(RcObject obj) => _ids.TryGetValue(obj, out int id) ? id : -1;

    public int Allocate(FinalizerKind finalizer)
    {
        int id = _objects.Count;
        ModelNode node = finalizer == FinalizerKind.None
            ? new ModelNode(id)
            : new FinalizingModelNode(id) { FinalizeHook = self => OnFinalize(self, finalizer) };
        node.FreeHook = self => Events.Add($"free n{self.Id}");
        Roots.Add(Register(Runtime.AdoptReference(node)));
        return id;
    }

    public void Link(int from, int slot, int? to) => ((ModelNode)_objects[from]).Slots[slot].Set(to is { } id ? _objects[id] : null);

    public void ReleaseRoot(int index)
    {
        RcObject root = Roots[index];
        Roots.RemoveAt(index);
        root.Release();
    }

    public void AddRoot(int id)
    {
        _objects[id].AddRef();
        Roots.Add(_objects[id]);
    }

    public int WeakRef(int target, CallbackKind callback)
    {
        RcObject referent = _objects[target];
        Owned<WeakRef> reference;
        switch (callback)
        {
            case CallbackKind.Delegate:
                reference = Runtime.WeakRef(referent, OnWeakRefCallback).ToOwned();
                break;
            case CallbackKind.Closure:
                CallbackNode closure = Register(Runtime.AdoptReference(new CallbackNode()));
                closure.Next.Set(Anchor);
                closure.OnCall = OnClosureCallback;
                reference = Runtime.WeakRef(referent, closure).ToOwned();
                closure.Release();
                break;
            default:
                reference = Runtime.WeakRef(referent).ToOwned();
                break;
        }

        WeakRef raw = reference.Take();
        Roots.Add(raw);
        if (!_ids.ContainsKey(raw))
        {
            Register(raw);
        }

        return _ids[raw];
    }

    public int Finalize(int target, int? argument)
    {
        int registration = _registrations++;
        RcObject[] arguments = argument is { } id ? [_objects[id]] : [];
        Runtime.AddFinalizer(_objects[target], args => OnFinalizeCallback(registration, args), arguments);

        // The registration's weak reference is the newest one with a callback: GetWeakRefs lists those newest first.
        Register(Runtime.GetWeakRefs(_objects[target]).First(r => r.Callback is FinalizerTrigger));
        return registration;
    }

    public CollectionResult Collect(int generation) => Runtime.Gc.Collect(generation);

    public void ToggleSaveAll() => Runtime.Gc.Debug ^= GcDebugFlags.SaveAll;

    public void ReleaseAnchor()
    {
        if (AnchorHeld)
        {
            AnchorHeld = false;
            Anchor.Release();
        }
    }

    /// <summary>Each injected exception reached the unraisable hook exactly once, and nothing else did.</summary>
    public string? CheckUnraisableReports()
    {
        foreach (InjectedFault fault in _thrown)
        {
            int reports = _reported.Count(e => ReferenceEquals(e, fault));
            if (reports != 1)
            {
                return $"the exception '{fault.Label}' reached the unraisable hook {reports} times";
            }
        }

        return _reported.Count == _thrown.Count
            ? null
            : $"{_reported.Count} unraisable reports for {_thrown.Count} injected exceptions";
    }

    public void Dispose() => Runtime.Dispose();

    private T Register<T>(T obj) where T : RcObject
    {
        _ids.Add(obj, _objects.Count);
        _objects.Add(obj);
        return obj;
    }

    private string Name(RcObject obj) => IdOf(obj) is var id and >= 0
        ? obj switch { ModelNode => $"n{id}", Holder => $"a{id}", Reclaim.WeakRef => $"w{id}", _ => $"c{id}" }
        : obj.GetType().Name;

    private void OnFinalize(FinalizingModelNode node, FinalizerKind kind)
    {
        string name = Name(node);
        Events.Add($"finalize {name}");
        CheckIntact(node, $"the finalizer of {name}");
        bool anchorUsable = AnchorUsable;
        switch (kind)
        {
            case FinalizerKind.ResurrectByRoot:
                node.AddRef();
                Roots.Add(node);
                break;
            case FinalizerKind.ResurrectByAnchor when anchorUsable:
                Anchor.Items[node.Id].Set(node);
                break;
            case FinalizerKind.KeepChild when anchorUsable:
                Anchor.Items[node.Id].Set(node.Slots[0].Value);
                break;
            case FinalizerKind.LinkToAnchor when anchorUsable:
                node.Slots[ReferenceHeap.FinalizerSlot].Set(Anchor);
                break;
        }

        if (kind == FinalizerKind.Raise || _faults.ShouldThrow("finalizer", node.Id))
        {
            throw Fault($"finalizer {name}");
        }
    }

    private void OnWeakRefCallback(WeakRef reference)
    {
        string name = Name(reference);
        Events.Add($"callback {name}");
        if (!reference.IsAlive)
        {
            Violations.Add($"the callback of {name} ran on a weak reference in state {reference.State}");
        }

        if (reference.Target is { } target)
        {
            Violations.Add($"the callback of {name} still sees its referent {Name(target)}");
        }

        if (AnchorUsable)
        {
            CheckIntact(Anchor, $"the callback of {name}");
        }

        if (_faults.ShouldThrow("callback", IdOf(reference)))
        {
            throw Fault($"callback {name}");
        }
    }

    private void OnClosureCallback(CallbackNode closure, WeakRef reference)
    {
        if (!closure.IsAlive)
        {
            Violations.Add($"the closure {Name(closure)} was called in state {closure.State}");
        }

        OnWeakRefCallback(reference);
    }

    private void OnFinalizeCallback(int registration, IReadOnlyList<RcObject> arguments)
    {
        Events.Add($"finalize-callback f{registration}");
        foreach (RcObject argument in arguments)
        {
            CheckIntact(argument, $"the finalize callback f{registration}");
        }

        if (_faults.ShouldThrow("finalize", registration))
        {
            throw Fault($"finalize f{registration}");
        }
    }

    private void OnCollection(GcCallbackPhase phase, GcCallbackInfo info)
    {
        string name = phase == GcCallbackPhase.Start ? "start" : "stop";
        int ordinal = phase == GcCallbackPhase.Start ? ++_collections : _collections;
        Events.Add(phase == GcCallbackPhase.Start
            ? $"gc-start #{ordinal}"
            : $"gc-stop #{ordinal} collected={info.Collected} uncollectable={info.Uncollectable}");
        if (AnchorUsable)
        {
            CheckIntact(Anchor, $"the gc-{name} callback");
        }

        if (_faults.ShouldThrow($"gc-{name}", ordinal))
        {
            throw Fault($"gc-{name} #{ordinal}");
        }
    }

    private void OnUnraisable(UnraisableInfo info)
    {
        _reported.Add(info.Exception);
        Events.Add(info.Exception is InjectedFault fault
            ? $"unraisable {info.Phase} {fault.Label}"
            : $"unraisable {info.Phase} UNEXPECTED {info.Exception.GetType().Name}: {info.Exception.Message}");
    }

    private InjectedFault Fault(string label)
    {
        InjectedFault fault = new(label);
        _thrown.Add(fault);
        return fault;
    }

    /// <summary>Walks every reference reachable from <paramref name="start"/> and records any object that is not alive.</summary>
    private void CheckIntact(RcObject start, string who)
    {
        HashSet<RcObject> seen = new(ReferenceEqualityComparer.Instance) { start };
        Stack<RcObject> work = new([start]);
        while (work.Count > 0)
        {
            RcObject obj = work.Pop();
            if (!obj.IsAlive)
            {
                Violations.Add($"{who} reached {Name(obj)} in state {obj.State}");
                continue;
            }

            foreach (RcObject next in Referents(obj))
            {
                if (seen.Add(next))
                {
                    work.Push(next);
                }
            }
        }
    }

    private static IEnumerable<RcObject> Referents(RcObject obj)
    {
        switch (obj)
        {
            case ModelNode node:
                foreach (RcField<RcObject> slot in node.Slots)
                {
                    if (slot.Value is { } value)
                    {
                        yield return value;
                    }
                }

                break;
            case Holder holder:
                foreach (RcField<RcObject> slot in holder.Items)
                {
                    if (slot.Value is { } value)
                    {
                        yield return value;
                    }
                }

                break;
            case CallbackNode { Next.Value: { } captured }:
                yield return captured;
                break;
            case Reclaim.WeakRef { Callback: CallbackNode closure }:
                yield return closure;
                break;
        }
    }
}
