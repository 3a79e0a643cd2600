using Reclaim.Tests.Support;

namespace Reclaim.Tests.Reliability.Issue12;

/// <summary>
/// Issue 12, finding 7: costs that grew the wrong way. Asserted by structure (what an operation touches), never by
/// time; the measured times are in docs/reliability.md.
/// </summary>
public sealed class Finding7CostTests
{
    [Fact]
    public void Finding7_RemovingAWeakReference_MovesNoOtherReference()
    {
        using TestRuntime t = new(checkedMode: false);
        using Owned<Node> target = t.Node();
        List<Owned<WeakRef>> references = [];
        for (int i = 0; i < 1_000; i++)
        {
            references.Add(t.Runtime.WeakRef(target.Value, _ => { }).ToOwned());
        }

        // Oldest first: the old list shifted every later reference down one place on each removal (O(N^2) in all).
        for (int i = 0; i < 999; i++)
        {
            references[i].Dispose();
            Assert.Equal(999, references[999].Value._listSlot);
        }

        Assert.Equal(1, t.Runtime.GetWeakRefCount(target.Value));
        Assert.Same(references[999].Value, Assert.Single(t.Runtime.GetWeakRefs(target.Value)));
        Assert.Equal(0, references[999].Value._listSlot);
        references[999].Dispose();
        Assert.Equal(0, t.Runtime.GetWeakRefCount(target.Value));
    }

    [Fact]
    public void Finding7_WeakReferencesRemovedInAnyOrder_KeepTheirAgeOrder()
    {
        using TestRuntime t = new();
        using Owned<Node> target = t.Node();
        List<Owned<WeakRef>> references = [];
        for (int i = 0; i < 10; i++)
        {
            references.Add(t.Runtime.WeakRef(target.Value, _ => { }).ToOwned());
        }

        foreach (int i in new[] { 3, 0, 9, 5, 8 })
        {
            references[i].Dispose();
        }

        // CPython's order for references with callbacks: newest first.
        WeakRef[] expected = [.. new[] { 7, 6, 4, 2, 1 }.Select(i => references[i].Value)];
        Assert.Equal(expected, t.Runtime.GetWeakRefs(target.Value));
        foreach (int i in new[] { 1, 2, 4, 6, 7 })
        {
            references[i].Dispose();
        }

        Assert.Equal(0, t.Runtime.GetWeakRefCount(target.Value));
    }

    /// <summary>
    /// Checked mode used to walk the whole heap around every collection. A generation-0 collection now verifies only
    /// the lists it works on: an inconsistency planted in generation 2 is seen by a full collection, not by it.
    /// </summary>
    [Fact]
    public void Finding7_CheckedGenerationZeroCollection_DoesNotWalkTheOldGeneration()
    {
        using TestRuntime t = new(checkedMode: true);
        using Owned<Node> old = t.Node("old");
        t.Gc.Collect();
        Assert.Equal(2, old.Value._gcTag);
        using Owned<Node> young = t.Node("young");

        int slot = old.Value._gcSlot;
        old.Value._gcSlot = slot + 7;
        t.Gc.Collect(0);
        InvalidOperationException broken = Assert.Throws<InvalidOperationException>(() => t.Gc.Collect(2));
        old.Value._gcSlot = slot;

        Assert.Contains($"slot {slot + 7}", broken.Message, StringComparison.Ordinal);
    }
}
