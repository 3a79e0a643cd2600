namespace Reclaim.Tests.Reliability.Model;

/// <summary>
/// One object of the reference model: plain data (ids instead of references, an explicit count) that the model's
/// rules read and write. Nothing here touches Reclaim.
/// </summary>
internal sealed class ModelObject(int id, ObjectKind kind)
{
    public int Id { get; } = id;

    public ObjectKind Kind { get; } = kind;

    public string Name => $"{Kind switch { ObjectKind.Node => 'n', ObjectKind.Anchor => 'a', ObjectKind.WeakRef => 'w', _ => 'c' }}{Id}";

    /// <summary>The reference count: program roots, the anchor handle, edges from live objects, gc.garbage, registrations.</summary>
    public int Count { get; set; } = 1;

    public RcObjectState State { get; set; } = RcObjectState.Alive;

    public bool IsAlive => State is RcObjectState.Alive or RcObjectState.Finalized;

    /// <summary>The collector list the object is in (a generation, the permanent one, the unreachable set), or null.</summary>
    public List<int>? List { get; set; }

    // Node: three program slots, then the finalizer's slot. Anchor: one slot per node id. Closure: slot 0 (the anchor).
    public int?[] Slots { get; init; } = [];

    public FinalizerKind Finalizer { get; init; }

    public bool FinalizerRan { get; set; }

    /// <summary>Weak references to this object, oldest first (the runtime's list order).</summary>
    public List<int> WeakRefs { get; } = [];

    // Weak references only.
    public int? Target { get; set; }

    public CallbackKind Callback { get; init; }

    public bool HasCallback { get; set; }

    /// <summary>The closure object a weak reference calls back, while it holds it.</summary>
    public int? CallbackObject { get; set; }

    /// <summary>The <c>weakref.finalize</c> registration whose trigger this weak reference carries.</summary>
    public Registration? Registration { get; init; }

    /// <summary>The references this object holds, in the order its <c>Clear</c> drops them.</summary>
    public IEnumerable<int> Edges()
    {
        foreach (int? slot in Slots)
        {
            if (slot is { } target)
            {
                yield return target;
            }
        }

        if (CallbackObject is { } closure)
        {
            yield return closure;
        }
    }
}
