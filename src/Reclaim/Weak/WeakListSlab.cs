using System.Runtime.CompilerServices;

namespace Reclaim;

/// <summary>
/// Where the <see cref="WeakRefList"/> of every object with weak references lives, process-wide: a slot number in the
/// object's owner word (<see cref="OwnerWord.Weak"/>) names it, so finding it costs two array reads and no hash
/// look-up, and no header carries a list reference.
/// </summary>
/// <remarks>
/// Slots come in chunks of <see cref="ChunkSize"/>, each chunk owned by one runtime (which records its index, so a slot
/// also names the object's runtime). Only the owner's lock holder writes a chunk's entries, so they need no lock;
/// only taking a new chunk does. A chunk is never reused by another runtime: an object of a shut-down runtime may
/// still carry one of its slots. The slab holds a running runtime's chunks strongly and a shut-down one's weakly
/// (its runtime holds them until .NET collects it), so the objects that outlive a shutdown keep their weak
/// references while the runtime can still be asked about them, and the slab keeps nothing of a runtime that is gone.
/// </remarks>
internal static class WeakListSlab
{
    /// <summary>Slots per chunk.</summary>
    public const int ChunkSize = 1 << ChunkBits;

    private const int ChunkBits = 7;
    private static readonly Lock s_gate = new();
    private static WeakListChunk?[] s_chunks = new WeakListChunk?[16];
    private static WeakReference<WeakListChunk>?[] s_retired = new WeakReference<WeakListChunk>?[16];
    private static int s_chunkCount;

    /// <summary>Takes a new chunk for runtime <paramref name="runtimeIndex"/>; returns it and its first slot.</summary>
    public static (WeakListChunk Chunk, int FirstSlot) NewChunk(int runtimeIndex)
    {
        lock (s_gate)
        {
            int number = s_chunkCount;
            if ((long)(number + 1) << ChunkBits > OwnerWord.IndexMask)
            {
                throw new InvalidOperationException("The process ran out of weak-reference list slots.");
            }

            if (number == s_chunks.Length)
            {
                WeakReference<WeakListChunk>?[] retired = s_retired;
                Array.Resize(ref retired, number * 2);
                Volatile.Write(ref s_retired, retired);
                WeakListChunk?[] bigger = s_chunks;
                Array.Resize(ref bigger, number * 2);
                Volatile.Write(ref s_chunks, bigger);
            }

            WeakListChunk chunk = new(runtimeIndex, number);
            Volatile.Write(ref s_chunks[number], chunk);
            s_chunkCount = number + 1;
            return (chunk, number << ChunkBits);
        }
    }

    /// <summary>Holds <paramref name="chunk"/> only weakly from now on (its runtime shut down).</summary>
    public static void Retire(WeakListChunk chunk)
    {
        lock (s_gate)
        {
            // Weak entry first: a reader that finds the strong one gone must find the weak one.
            s_retired[chunk.Number] = new WeakReference<WeakListChunk>(chunk);
            Volatile.Write(ref s_chunks[chunk.Number], null);
        }
    }

    /// <summary>
    /// Drops <paramref name="chunk"/> from the slab altogether: its runtime was collected, so no table can use it any
    /// more, and an object that still names one of its slots finds no runtime (and reports it shut down).
    /// </summary>
    public static void Forget(WeakListChunk chunk)
    {
        lock (s_gate)
        {
            s_chunks[chunk.Number] = null;
            s_retired[chunk.Number] = null;
        }
    }

    /// <summary>The list in <paramref name="slot"/> (null when its runtime is gone).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static WeakRefList? Get(int slot) => Chunk(slot)?.Lists[slot & (ChunkSize - 1)];

    /// <summary>Puts <paramref name="list"/> (or null) in <paramref name="slot"/>; only the owning runtime's lock holder.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Set(int slot, WeakRefList? list)
    {
        if (Chunk(slot) is { } chunk)
        {
            chunk.Lists[slot & (ChunkSize - 1)] = list;
        }
    }

    /// <summary>The index of the runtime that owns <paramref name="slot"/>; 0 when that runtime is gone.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int RuntimeIndexOf(int slot) => Chunk(slot)?.RuntimeIndex ?? 0;

    // The collector and every slow path of an object with weak references come here: the running case inline.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static WeakListChunk? Chunk(int slot) => Volatile.Read(ref s_chunks)[slot >> ChunkBits] ?? RetiredChunk(slot >> ChunkBits);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakListChunk? RetiredChunk(int number) =>
        Volatile.Read(ref s_retired)[number] is { } entry && entry.TryGetTarget(out WeakListChunk? chunk) ? chunk : null;
}

/// <summary>One runtime's block of <see cref="WeakListSlab"/> slots.</summary>
internal sealed class WeakListChunk
{
    public WeakListChunk(int runtimeIndex, int number)
    {
        RuntimeIndex = runtimeIndex;
        Number = number;
    }

    /// <summary>The owning runtime's index in <see cref="RuntimeIndexTable"/>.</summary>
    public int RuntimeIndex { get; }

    /// <summary>The chunk's number in the slab.</summary>
    public int Number { get; }

    /// <summary>The lists, by slot within the chunk.</summary>
    public WeakRefList?[] Lists { get; } = new WeakRefList?[WeakListSlab.ChunkSize];
}
