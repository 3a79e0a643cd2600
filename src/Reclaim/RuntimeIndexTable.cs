using System.Runtime.CompilerServices;

namespace Reclaim;

/// <summary>
/// Maps the index in an object's owner word (<see cref="OwnerWord"/>) to its runtime. Each runtime gets a fresh index
/// when it is created and indices are never reused, so an object of a runtime that was shut down can never be taken
/// for an object of a later one (issue 12's cross-runtime and dead-owner refusals hold).
/// </summary>
/// <remarks>
/// A running runtime is held strongly (the fast path finds it with one array read when a count reaches zero); a
/// shut-down one only weakly, so that the registry does not keep every runtime the process ever made alive: its
/// objects no longer keep it alive either (they hold its index, not a reference). Once .NET collected a shut-down
/// runtime, its objects report it as shut down. A runtime that is never disposed stays registered.
/// </remarks>
internal static class RuntimeIndexTable
{
    private static readonly Lock s_gate = new();
    private static Runtime?[] s_live = new Runtime?[16];
    private static WeakReference<Runtime>?[] s_retired = new WeakReference<Runtime>?[16];

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

            if (index == s_live.Length)
            {
                // Readers may still use the old arrays: every entry they can look up is the same in both.
                WeakReference<Runtime>?[] retired = s_retired;
                Array.Resize(ref retired, index * 2);
                Volatile.Write(ref s_retired, retired);
                Runtime?[] live = s_live;
                Array.Resize(ref live, index * 2);
                Volatile.Write(ref s_live, live);
            }

            s_live[index] = runtime;
            s_next = index + 1;
            return index;
        }
    }

    /// <summary>
    /// The running runtime of index <paramref name="index"/>: only for the fast path, whose token compare proved that
    /// the calling thread holds that runtime's lock, so that it is registered and running.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Runtime Running(int index) => Unsafe.As<Runtime>(s_live[index])!;

    /// <summary>The runtime of index <paramref name="index"/>, or <see langword="null"/> for 0 or a shut-down runtime .NET collected.</summary>
    public static Runtime? Find(int index)
    {
        Runtime?[] live = Volatile.Read(ref s_live);
        if ((uint)index < (uint)live.Length && live[index] is { } running)
        {
            return running;
        }

        return FindRetired(index);
    }

    /// <summary>Holds a shut-down runtime only weakly from now on.</summary>
    public static void Retire(int index, Runtime runtime)
    {
        lock (s_gate)
        {
            // Weak entry first: a reader that finds the strong one gone must find the weak one.
            s_retired[index] = new WeakReference<Runtime>(runtime);
            Volatile.Write(ref s_live[index], null);
        }
    }

    private static Runtime? FindRetired(int index)
    {
        WeakReference<Runtime>?[] retired = Volatile.Read(ref s_retired);
        return (uint)index < (uint)retired.Length && retired[index] is { } entry && entry.TryGetTarget(out Runtime? runtime)
            ? runtime
            : null;
    }
}
