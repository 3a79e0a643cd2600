namespace Reclaim.Tests.Reliability.Model;

/// <summary>
/// The reference model of the model-based suite: an independent, deliberately naive re-statement of the semantics
/// documented in docs/design.md and docs/semantics.md over plain ids and explicit counts. Deaths by count follow the
/// documented release path (finalizer, weak-reference callbacks newest first, children in release order, depth
/// first); collections decide garbage by plain reachability from everything outside the collected generations and
/// keep the collector lists in their documented order. It records, in order, every event user code would observe
/// (finalizers, callbacks, frees, unraisable reports, collection callbacks), which the runner compares with what the
/// runtime's hooks record.
/// </summary>
internal sealed partial class ReferenceHeap
{
    public const int ProgramSlots = 3;
    public const int FinalizerSlot = 3;

    private readonly List<ModelObject> _objects = [];
    private readonly List<Registration> _registrations = [];
    private readonly FaultPlan _faults;

    public ReferenceHeap(FaultPlan faults)
    {
        _faults = faults;
        Generations = [[], [], []];
        ModelObject anchor = NewObject(ObjectKind.Anchor, ReclaimDriver.AnchorCapacity);
        AnchorId = anchor.Id;
        AnchorHeld = true;
    }

    public IReadOnlyList<ModelObject> Objects => _objects;

    /// <summary>The program's counted references, in the order it took them.</summary>
    public List<int> Roots { get; } = [];

    public int AnchorId { get; }

    /// <summary>Whether the program still holds its reference to the anchor (it gives it up at teardown).</summary>
    public bool AnchorHeld { get; private set; }

    public List<int>[] Generations { get; }

    public List<int> Permanent { get; } = [];

    /// <summary><c>gc.garbage</c>: each entry holds a reference.</summary>
    public List<int> Garbage { get; } = [];

    public bool SaveAll { get; set; }

    public List<string> Events { get; } = [];

    public int PendingRegistrations => _registrations.Count(r => r.Alive);

    public ModelObject this[int id] => _objects[id];

    /// <summary>
    /// What the program can reach, in id order: its roots, the anchor it holds, gc.garbage, the registrations'
    /// arguments (<c>peek()</c>), and everything they reach. A registration's own weak reference is not handed out.
    /// </summary>
    public List<int> Reachable() =>
        [.. ReachFrom(ProgramRoots().Where(id => this[id].Registration is null)).Order()];

    public int Allocate(FinalizerKind finalizer)
    {
        ModelObject node = NewObject(ObjectKind.Node, ProgramSlots + 1, finalizer);
        Roots.Add(node.Id);
        return node.Id;
    }

    public void Link(int from, int slot, int? to) => Store(this[from].Slots, slot, to);

    public void ReleaseRoot(int index)
    {
        int id = Roots[index];
        Roots.RemoveAt(index);
        Release(id);
    }

    public void AddRoot(int id)
    {
        AddRef(id);
        Roots.Add(id);
    }

    /// <summary>A weak reference held as a root; a callback-less one is shared while alive, as in CPython.</summary>
    public int WeakRef(int target, CallbackKind callback)
    {
        if (callback == CallbackKind.None)
        {
            foreach (int existing in this[target].WeakRefs)
            {
                ModelObject candidate = this[existing];
                if (candidate.Callback == CallbackKind.None && candidate.Count > 0 && candidate.IsAlive)
                {
                    AddRoot(existing);
                    return existing;
                }
            }
        }

        int? closure = null;
        if (callback == CallbackKind.Closure)
        {
            ModelObject created = NewObject(ObjectKind.Closure, slots: 1);
            Store(created.Slots, 0, AnchorId);
            closure = created.Id;
        }

        ModelObject reference = NewWeakRef(target, callback, closure, registration: null);
        if (closure is { } held)
        {
            // The program drops its own reference to the closure: the weak reference holds it now.
            Release(held);
        }

        Roots.Add(reference.Id);
        return reference.Id;
    }

    /// <summary><c>weakref.finalize(target, callback[, argument])</c>: the registration holds a weak reference and the argument.</summary>
    public int Finalize(int target, int? argument)
    {
        if (argument is { } held)
        {
            AddRef(held);
        }

        Registration registration = new(_registrations.Count, _objects.Count, argument);
        _registrations.Add(registration);
        NewWeakRef(target, CallbackKind.Finalize, closure: null, registration);
        return registration.Id;
    }

    public void ToggleSaveAll() => SaveAll = !SaveAll;

    public void ClearGarbage()
    {
        int[] saved = [.. Garbage];
        Garbage.Clear();
        foreach (int id in saved)
        {
            Release(id);
        }
    }

    public void ReleaseAnchor()
    {
        if (AnchorHeld)
        {
            AnchorHeld = false;
            Release(AnchorId);
        }
    }

    private ModelObject NewWeakRef(int target, CallbackKind callback, int? closure, Registration? registration)
    {
        ModelObject reference = new(_objects.Count, ObjectKind.WeakRef)
        {
            Target = target,
            Callback = callback,
            Registration = registration,
        };
        _objects.Add(reference);
        reference.HasCallback = callback != CallbackKind.None;
        if (closure is { } held)
        {
            AddRef(held);
            reference.CallbackObject = held;
        }

        Track(reference);
        this[target].WeakRefs.Add(reference.Id);
        return reference;
    }

    private ModelObject NewObject(ObjectKind kind, int slots, FinalizerKind finalizer = FinalizerKind.None)
    {
        ModelObject created = new(_objects.Count, kind) { Slots = new int?[slots], Finalizer = finalizer };
        _objects.Add(created);
        Track(created);
        return created;
    }

    /// <summary>What holds references from outside the heap: program roots, the anchor handle, gc.garbage, registrations.</summary>
    private IEnumerable<int> ProgramRoots()
    {
        foreach (int root in Roots)
        {
            yield return root;
        }

        if (AnchorHeld)
        {
            yield return AnchorId;
        }

        foreach (int saved in Garbage)
        {
            yield return saved;
        }

        foreach (Registration registration in _registrations.Where(r => r.Alive))
        {
            yield return registration.WeakRef;
            if (registration.Argument is { } argument)
            {
                yield return argument;
            }
        }
    }

    private HashSet<int> ReachFrom(IEnumerable<int> starts)
    {
        HashSet<int> seen = [];
        Stack<int> work = new();
        foreach (int start in starts)
        {
            if (seen.Add(start))
            {
                work.Push(start);
            }
        }

        while (work.Count > 0)
        {
            foreach (int next in this[work.Pop()].Edges())
            {
                if (seen.Add(next))
                {
                    work.Push(next);
                }
            }
        }

        return seen;
    }

    private void Track(ModelObject obj)
    {
        Generations[0].Add(obj.Id);
        obj.List = Generations[0];
    }

    private static void Untrack(ModelObject obj)
    {
        obj.List!.Remove(obj.Id);
        obj.List = null;
    }

    private static void MoveAll(List<int> from, List<int> to, IReadOnlyList<ModelObject> objects)
    {
        foreach (int id in from)
        {
            objects[id].List = to;
        }

        to.AddRange(from);
        from.Clear();
    }
}
