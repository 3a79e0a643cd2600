using System.Runtime.CompilerServices;
using Reclaim.Tests.Support;

namespace Reclaim.Tests.Lifecycle;

/// <summary>
/// A runtime nobody disposed and nobody references any more is collected by .NET, and leaves nothing behind in the
/// process-wide tables (the runtime index table, the weak-list slab).
/// </summary>
public sealed class CollectedRuntimeTests
{
    /// <summary>
    /// The creating thread attaches to a runtime and, without disposing it, creates the next one (the bench's shapes
    /// do this once per repetition): the first runtime's fast-path token passed to the second, so the index table must
    /// not keep holding the first strongly.
    /// </summary>
    [Fact]
    public void UndisposedRuntime_CreatingThreadMovedOnToAnother_IsCollected()
    {
        Exception? failure = OtherThread.Run(() =>
        {
            WeakReference<Runtime> first = CreateAbandonedRuntime(out _, out _);
            using Runtime second = Runtime.Create();

            Assert.True(DotNetGc.Collected(first), "The abandoned runtime is still alive.");
        });

        Assert.Null(failure);
    }

    /// <summary>
    /// The objects of a collected runtime outlive it (.NET references hold them) but find no runtime: its weak-list
    /// chunks and index entry are gone, so the object's operations report a shut-down runtime and its weak reference
    /// is no longer reachable through the slab.
    /// </summary>
    [Fact]
    public void CollectedRuntime_ItsObjectsWithWeakReferences_FindNoRuntimeAndNoList()
    {
        Exception? failure = OtherThread.Run(() =>
        {
            WeakReference<Runtime> first = CreateAbandonedRuntime(out Node survivor, out int word);
            using Runtime second = Runtime.Create();

            Assert.True(DotNetGc.Collected(first), "The abandoned runtime is still alive.");
            Assert.NotEqual(0, word & OwnerWord.Weak);
            Assert.Equal(word, survivor._owner);
            Assert.Null(survivor.OwnerRuntime);
            Assert.Null(WeakListSlab.Get(word & OwnerWord.IndexMask));
            Assert.Throws<RuntimeShutDownException>(() => survivor.Runtime);
        });

        Assert.Null(failure);
    }

    /// <summary>Creates a runtime the calling thread attaches to, with one object that has a weak reference, and lets go of it.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference<Runtime> CreateAbandonedRuntime(out Node survivor, out int word)
    {
        Runtime runtime = Runtime.Create();
        survivor = runtime.Allocate<Node>();
        WeakRef weak = runtime.WeakRef(survivor).Take();
        GC.KeepAlive(weak);
        word = survivor._owner;
        return new WeakReference<Runtime>(runtime);
    }
}
