using System.Runtime.CompilerServices;

namespace Reclaim;

/// <summary>The reachability passes: which objects of a list are referenced only from inside the list.</summary>
internal sealed partial class Collector
{
    /// <summary>
    /// Marks every object of <paramref name="list"/> that is reachable from outside the list with
    /// <see cref="Reachable"/> in its slot word (<c>_gcSlot</c>, which serves as gc_refs during a collection); the
    /// others are garbage and keep there their slot plus the number of references the list holds to them. Two linear passes, no recursion: count the references found inside the
    /// list, then mark from the objects whose count is not explained by the list (the roots) with an explicit stack.
    /// </summary>
    /// <remarks>
    /// CPython copies every count into gc_refs and subtracts; here gc_refs counts up from the object's slot instead,
    /// which the slot word already holds (every object of a list sits at the index its header names). That saves a
    /// whole pass over the heap, and a full collection is bound by the memory it streams through; sharing the word
    /// saves a header field. The internal references of the object at index <c>i</c> are <c>_gcSlot - i</c>.
    /// </remarks>
    private void DeduceUnreachable(GcList list)
    {
        RcObject?[] items = list.Items;
        int count = list.Count;
        byte tag = list.Tag;

        _markedTotal = 0;
        _runtime.EnterTraversal();
        try
        {
            Visitor countInternal = new(this, VisitMode.CountInternal, tag);
            for (int i = 0; i < count; i++)
            {
                items[i]?.TraverseReferences(ref countInternal);
            }

            if (_checked)
            {
                CheckedAudit.VerifyCounts(this, list);
                CheckedAudit.VerifyTraversalComplete(this, list);
            }

            // More internal references than the count (a traversal over-reports) counts as a root: keeping an
            // object alive is always safe, freeing one that something still references never is.
            Visitor mark = new(this, VisitMode.MarkReachable, tag);
            for (int i = 0; i < count; i++)
            {
                RcObject? obj = items[i];
                if (obj is not null && obj._gcSlot - i != obj._refCount && obj._gcSlot != Reachable)
                {
                    obj._gcSlot = Reachable;
                    PushMark(obj);
                    DrainMarks(ref mark);
                }
            }
        }
        catch
        {
            // A refused collection leaves the list as it found it, gc_refs included.
            Array.Clear(_markStack, 0, _markCount);
            _markCount = 0;
            ResetGcRefs(list);
            throw;
        }
        finally
        {
            _runtime.ExitTraversal();
        }
    }

    /// <summary>Puts every object's slot back in its slot word, the state between collections.</summary>
    internal static void ResetGcRefs(GcList list)
    {
        RcObject?[] items = list.Items;
        for (int i = 0; i < list.Count; i++)
        {
            if (items[i] is { } obj)
            {
                obj._gcSlot = i;
            }
        }
    }

    /// <summary>
    /// Moves the reachable objects of <paramref name="young"/> to <paramref name="old"/> (or compacts them in
    /// place when they are the same list) and the rest to <paramref name="unreachable"/>, keeping order; each move
    /// writes the object's new slot over the gc_refs its slot word held.
    /// </summary>
    /// <param name="young">The collected list.</param>
    /// <param name="old">Where survivors go (the same list for a full collection).</param>
    /// <param name="unreachable">Where garbage goes.</param>
    /// <param name="garbage">How many objects of <paramref name="young"/> the marking left unmarked.</param>
    /// <param name="garbageFlags">
    /// The union of the garbage's flags, gathered while each header is in hand anyway, so that the garbage phases with
    /// nothing to do (no weak references, no finalizers) skip their pass over the garbage.
    /// </param>
    /// <returns>How many objects survived.</returns>
    private static int SeparateUnreachable(GcList young, GcList old, GcList unreachable, int garbage, out ObjectFlags garbageFlags)
    {
        RcObject?[] items = young.Items;
        int count = young.Count;
        int survivors = 0;

        // Garbage left over in the list (not expected) has unknown flags: then no phase may be skipped.
        ObjectFlags flags = unreachable.Live == 0 ? ObjectFlags.None : GarbageFlagsOfInterest;

        // The unreachable list keeps its array between collections, so it is sized to the garbage actually found,
        // in one step (growing by doubling would allocate several large arrays, each able to start a full .NET
        // collection), not to the whole young list, which would leave a large idle array behind a large live heap.
        unreachable.EnsureCapacity(unreachable.Count + garbage);
        if (ReferenceEquals(young, old))
        {
            for (int i = 0; i < count; i++)
            {
                RcObject? obj = items[i];
                if (obj is null)
                {
                    continue;
                }

                bool reachable = obj._gcSlot == Reachable;
                if (reachable)
                {
                    obj._gcSlot = survivors;
                    RcObjectArray.Store(items, survivors++, obj);
                }
                else
                {
                    flags |= obj._flags;
                    unreachable.Add(obj);
                }
            }

            young.Truncate(survivors);
            garbageFlags = flags;
            return survivors;
        }

        old.EnsureCapacity(old.Count + young.Live);
        for (int i = 0; i < count; i++)
        {
            RcObject? obj = items[i];
            if (obj is null)
            {
                continue;
            }

            bool reachable = obj._gcSlot == Reachable;
            if (reachable)
            {
                old.Add(obj);
                survivors++;
            }
            else
            {
                flags |= obj._flags;
                unreachable.Add(obj);
            }
        }

        young.Reset();
        garbageFlags = flags;
        return survivors;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void PushMark(RcObject obj)
    {
        if (_markCount == _markStack.Length)
        {
            Array.Resize(ref _markStack, _markStack.Length * 2);
        }

        RcObjectArray.Store(_markStack, _markCount++, obj);
        _markedTotal++;
    }

    private void DrainMarks(ref Visitor mark)
    {
        while (_markCount > 0)
        {
            RcObject obj = _markStack[--_markCount];
            _markStack[_markCount] = null!;
            obj.TraverseReferences(ref mark);
        }
    }

    /// <summary>The visitor's rarely used jobs: listing referents and auditing.</summary>
    internal void VisitOther(RcObject target, VisitMode mode)
    {
        _ = mode;
        _referentSink?.Add(target);
    }

    /// <summary>Calls <see cref="RcObject.TraverseReferences"/> on <paramref name="obj"/> and appends what it reports to <paramref name="sink"/>.</summary>
    internal void CollectReferents(RcObject obj, List<RcObject> sink)
    {
        List<RcObject>? previous = _referentSink;
        _referentSink = sink;
        _runtime.EnterTraversal();
        try
        {
            Visitor visitor = new(this, VisitMode.CollectReferents, GcTag.Untracked);
            obj.TraverseReferences(ref visitor);
        }
        finally
        {
            _runtime.ExitTraversal();
            _referentSink = previous;
        }
    }
}
