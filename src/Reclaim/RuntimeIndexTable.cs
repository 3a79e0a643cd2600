using System.Runtime.CompilerServices;

namespace Reclaim;

/// <summary>
/// Maps the index in an object's owner word (<see cref="OwnerWord"/>) to its runtime. Each runtime gets a fresh index
/// when it is created and indices are never reused, so an object of a runtime that was shut down can never be taken
/// for an object of a later one (issue 12's cross-runtime and dead-owner refusals hold).
/// </summary>
/// <remarks>
/// Objects hold their runtime's index, not a reference, so they do not keep it alive, and neither does this table:
/// it holds every runtime weakly, and strongly only while a thread holds the runtime's fast-path token (the lock
/// holder, which keeps the runtime alive anyway). That strong entry is what the fast path reads when a count reaches
/// zero, one array read; it is only a cache, and every reader falls back on the weak entry. Once .NET collected a
/// runtime that nothing referenced, its remaining objects report it as shut down.
/// </remarks>
internal static class RuntimeIndexTable
{
    private static readonly Lock s_gate = new();
    private static Runtime?[] s_held = new Runtime?[16];
    private static WeakReference<Runtime>?[] s_all = new WeakReference<Runtime>?[16];

    // Index 0 is OwnerWord.None, "not adopted".
    private static int s_next = 1;

    /// <summary>Gives <paramref name="runtime"/> its index.</summary>
    public static int Register(Runtime runtime)
    {
        lock (s_gate)
        {
            int index = s_next;
            if (index > OwnerWord.IndexMask)
            {
                throw new InvalidOperationException($"A process can create at most {OwnerWord.IndexMask} runtimes.");
            }

            if (index == s_all.Length)
            {
                // Readers may still use the old arrays: an entry missing there is found through the weak one.
                WeakReference<Runtime>?[] all = s_all;
                Array.Resize(ref all, index * 2);
                Volatile.Write(ref s_all, all);
                Runtime?[] held = s_held;
                Array.Resize(ref held, index * 2);
                Volatile.Write(ref s_held, held);
            }

            s_all[index] = new WeakReference<Runtime>(runtime);
            s_next = index + 1;
            return index;
        }
    }

    /// <summary>Drops the entry of a runtime .NET collected (see <see cref="WeakRefTable"/>'s finalizer).</summary>
    public static void Forget(int index)
    {
        lock (s_gate)
        {
            s_all[index] = null;
            s_held[index] = null;
        }
    }

    /// <summary>Holds <paramref name="runtime"/> strongly while a thread holds its token (see <see cref="Runtime.RefreshFastPath"/>).</summary>
    public static void Hold(Runtime runtime) => Volatile.Read(ref s_held)[runtime._index] = runtime;

    /// <summary>Lets go of the strong entry (the token was taken away).</summary>
    public static void Unhold(Runtime runtime) => Unhold(runtime._index);

    /// <summary>Lets go of the strong entry of index <paramref name="index"/> (its token was taken away).</summary>
    public static void Unhold(int index)
    {
        Runtime?[] held = Volatile.Read(ref s_held);
        if ((uint)index < (uint)held.Length)
        {
            held[index] = null;
        }
    }

    /// <summary>
    /// The running runtime of index <paramref name="index"/>: only for the fast path, whose token compare proved that
    /// the calling thread holds that runtime's lock, so that the runtime is alive.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Runtime Running(int index) => s_held[index] ?? Find(index)!;

    /// <summary>The runtime of index <paramref name="index"/>, or <see langword="null"/> for 0 or a runtime .NET collected.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Runtime? Find(int index)
    {
        Runtime?[] held = Volatile.Read(ref s_held);
        return (uint)index < (uint)held.Length && held[index] is { } running ? running : FindWeak(index);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Runtime? FindWeak(int index)
    {
        WeakReference<Runtime>?[] all = Volatile.Read(ref s_all);
        return (uint)index < (uint)all.Length && all[index] is { } entry && entry.TryGetTarget(out Runtime? runtime)
            ? runtime
            : null;
    }
}
