using System.Runtime.CompilerServices;

namespace Reclaim;

/// <summary>The common death, taken straight through from the fast path's <see cref="RcObject.Release"/>.</summary>
public sealed partial class Runtime
{
    /// <summary>What sends a death down the general path: anything that runs user code besides the clear.</summary>
    private const ObjectFlags GeneralDeathFlags =
        ObjectFlags.FinalizingOnRelease | ObjectFlags.HasFinalizer | ObjectFlags.HasWeakRefs | ObjectFlags.HasFreeHook;

    /// <summary>
    /// The death of an object whose count <see cref="RcObject.Release"/> took to zero on the fast path: the owner word
    /// equals the calling thread's token, so its runtime is running and held by this thread. Most deaths are plain (no
    /// finalizer, no weak references, no free hook, in generation 0 or never tracked, nothing else dying at the
    /// moment): they are untracked, cleared with their fields closed and freed here, in one frame, and what the clear
    /// released dies afterwards through the general drain. Every other death goes to <see cref="Deallocate"/>.
    /// </summary>
    /// <remarks>
    /// Same order and guarantees as <see cref="DeallocateOne"/>; kept separate because allocate-and-release is the
    /// most frequent thing a runtime does and every load and call on this path shows in it.
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void DieOnFastPath(RcObject obj)
    {
        Runtime runtime = RuntimeIndexTable.Running(obj._owner);
        byte tag = obj._gcTag;
        if ((obj._flags & GeneralDeathFlags) != 0 || runtime._deallocating || runtime._deferDepth != 0
            || (tag != GcTag.Generation0 && tag != GcTag.Untracked))
        {
            runtime.Deallocate(obj);
            return;
        }

        if (tag == GcTag.Generation0)
        {
            runtime._collector.UntrackYoung(obj);
        }

        if ((obj._flags & ObjectFlags.Container) != 0)
        {
            runtime._collector.OnContainerFreed();
        }

        int mark = runtime._deallocCount;
        runtime._deallocating = true;

        // RunClear, inlined by hand: .NET 10's JIT does not inline a method with a handler even when asked (its
        // disassembly keeps the call with [AggressiveInlining] on RunClear), and a second frame costs more than its body.
        bool outer = t_closing;
        t_closing = true;
        try
        {
            obj.ClearReferences();
        }
        catch (Exception exception)
        {
            t_closing = outer;
            runtime.ReportUnraisable(exception, UnraisablePhase.Clear, obj);
        }

        t_closing = outer;
        obj._state = RcObjectState.Freed;
        if (runtime._deallocCount == mark)
        {
            runtime._deallocating = false;
            return;
        }

        runtime.DrainReleasedBy(mark);
    }
}
