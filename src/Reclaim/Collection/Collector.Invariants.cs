namespace Reclaim;

/// <summary>
/// The collector's structural invariants, verified around every collection in checked mode. A failure here is
/// a bug in Reclaim itself, never in user code, so it is reported as such.
/// </summary>
internal sealed partial class Collector
{
    /// <summary>
    /// Every list entry carries its list's tag and its own slot; hole counts are exact; no object is left in the
    /// unreachable list between collections; the mark stack is empty (and so every slot word, which is gc_refs during a collection, holds its slot again). Only the lists
    /// a collection of <paramref name="generation"/> works on are walked (the generations up to the one it promotes
    /// into, and the unreachable list), so checked mode costs in proportion to the collection, not to the heap:
    /// a generation-0 collection of a heap of millions walks generations 0 and 1 only (issue 12, finding 7).
    /// </summary>
    private void AssertInvariants(string when, int generation)
    {
        int lastGeneration = Math.Min(generation + 1, GenerationCount - 1);
        for (int tag = 0; tag < GcTag.ListCount; tag++)
        {
            if (tag > lastGeneration && tag != GcTag.Unreachable)
            {
                continue;
            }

            GcList list = _lists[tag];
            int holes = 0;
            for (int slot = 0; slot < list.Count; slot++)
            {
                RcObject? obj = list.Items[slot];
                if (obj is null)
                {
                    holes++;
                    continue;
                }

                if (obj._gcTag != tag || obj._gcSlot != slot)
                {
                    Fail(when, $"a '{obj.GetType().Name}' in list {tag} slot {slot} carries tag {obj._gcTag} slot {obj._gcSlot}");
                }

                if (obj._state == RcObjectState.Freed || obj._refCount <= 0)
                {
                    Fail(when, $"a '{obj.GetType().Name}' in list {tag} is freed or has count {obj._refCount} but is still tracked");
                }
            }

            if (holes != list.Holes)
            {
                Fail(when, $"list {tag} counts {list.Holes} holes but has {holes}");
            }
        }

        if (_lists[GcTag.Unreachable].Live != 0)
        {
            Fail(when, "objects were left in the unreachable list");
        }

        if (_markCount != 0)
        {
            Fail(when, "the mark stack is not empty");
        }
    }

    private static void Fail(string when, string what) =>
        throw new InvalidOperationException($"Reclaim internal invariant broken {when} a collection: {what}. This is a bug in Reclaim; please report it.");
}
