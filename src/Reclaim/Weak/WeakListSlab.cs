using System.Runtime.CompilerServices;

namespace Reclaim;

/// <summary>
/// Where the <see cref="WeakRefList"/> of every object with weak references lives, process-wide: a slot number in the
/// object's owner word (<see cref="OwnerWord.Weak"/>) names it, so finding it costs two array reads and no hash
/// look-up, and no header carries a list reference.
/// </summary>
/// <remarks>
/// <para>
/// Slots come in chunks of <see cref="ChunkSize"/> (<see cref="WeakListChunk"/>), each chunk owned by one runtime at a
/// time (which records its index, so a slot also names the object's runtime). Only the owner's lock holder writes a
/// chunk's entries, so they need no lock; only moving chunks in and out of a runtime does.
/// </para>
/// <para>
/// A chunk whose slots are all free names no object, so it may serve another runtime: a runtime gives such chunks
/// back to a process-wide pool, and a new runtime takes them from there before allocating, so a steady workload (a
/// runtime per request or per repetition) stops allocating chunks and the slab stops growing. Beyond
/// <see cref="PoolLimit"/> pooled chunks, a freed chunk is dropped and only its number is kept for reuse. A chunk an
/// object still names (an object of a shut-down or collected runtime may outlive it) never changes owner; its number is
/// reused only once its runtime was collected and it was empty.
/// </para>
/// <para>
/// The slab holds a running runtime's chunks and the pool strongly, a shut-down runtime's chunks weakly (its runtime
/// holds them until .NET collects it), so the objects that outlive a shutdown keep their weak references while the
/// runtime can still be asked about them, and the slab keeps nothing of a runtime that is gone.
/// </para>
/// </remarks>
internal static class WeakListSlab
{
    /// <summary>Slots per chunk.</summary>
    public const int ChunkSize = 1 << ChunkBits;

    /// <summary>
    /// How many free chunks the pool keeps (8 MB of lists' slots, for a million referents): enough for a repeated
    /// workload of that size to reuse every chunk, little against the referents that needed them.
    /// </summary>
    public const int PoolLimit = 8192;

    private const int ChunkBits = 7;
    private static readonly Lock s_gate = new();
    private static readonly Stack<WeakListChunk> s_pool = new();
    private static readonly Stack<int> s_freeNumbers = new();
    private static WeakListChunk?[] s_chunks = new WeakListChunk?[16];
    private static WeakReference<WeakListChunk>?[] s_retired = new WeakReference<WeakListChunk>?[16];
    private static int s_chunkCount;

    /// <summary>Gives runtime <paramref name="runtimeIndex"/> a chunk with every slot free: a pooled one if any.</summary>
    public static WeakListChunk TakeChunk(int runtimeIndex)
    {
        lock (s_gate)
        {
            if (s_pool.TryPop(out WeakListChunk? pooled))
            {
                pooled.SetOwner(runtimeIndex);
                return pooled;
            }

            if (!s_freeNumbers.TryPop(out int number))
            {
                number = s_chunkCount;
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

                s_chunkCount = number + 1;
            }

            WeakListChunk chunk = new(runtimeIndex, number);
            Volatile.Write(ref s_chunks[number], chunk);
            return chunk;
        }
    }

    /// <summary>Takes back an entirely free chunk of a running runtime, for another runtime to use.</summary>
    public static void Release(WeakListChunk chunk)
    {
        lock (s_gate)
        {
            Pool(chunk);
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
    /// Lets go of <paramref name="chunk"/>: its runtime was collected, so no table can use it any more. An empty chunk
    /// goes to the pool; one that an object still names leaves the slab for good (the object finds no runtime and
    /// reports it shut down), and its number is never reused.
    /// </summary>
    public static void Forget(WeakListChunk chunk)
    {
        lock (s_gate)
        {
            s_retired[chunk.Number] = null;
            if (chunk.IsEmpty)
            {
                Pool(chunk);
            }
            else
            {
                s_chunks[chunk.Number] = null;
            }
        }
    }

    /// <summary>The chunk of <paramref name="slot"/>: only for the owning runtime, whose running chunks are always found.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static WeakListChunk? ChunkOf(int slot) => Chunk(slot);

    /// <summary>The list in <paramref name="slot"/> (null when its runtime is gone).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static WeakRefList? Get(int slot) => Chunk(slot)?.Lists[slot & (ChunkSize - 1)];

    /// <summary>
    /// The index of the runtime that owns <paramref name="obj"/>, whose owner word <paramref name="word"/> (read by
    /// the caller) names a slot; 0 when that runtime is gone. Any thread: a thread without the runtime's lock may read
    /// a word whose slot was given back meanwhile, and its chunk may since serve another runtime, so the answer counts
    /// only if the object still names the slot and the chunk's owner did not change around the reads.
    /// </summary>
    public static int RuntimeIndexOf(RcObject obj, int word)
    {
        while (true)
        {
            if (Chunk(word & OwnerWord.IndexMask) is not { } chunk)
            {
                return 0;
            }

            int version = Volatile.Read(ref chunk._version);
            int runtimeIndex = chunk.RuntimeIndex;
            int now = Volatile.Read(ref obj._owner);
            if (now == word && (version & 1) == 0 && Volatile.Read(ref chunk._version) == version)
            {
                // The object named the slot when `now` was read, so the slot's chunk was its runtime's then, and this
                // chunk's owner did not change between the two version reads, which enclose both. Owner 0: this chunk
                // left the slab before the first read and the number now names another chunk; read again.
                if (runtimeIndex != 0)
                {
                    return runtimeIndex;
                }

                continue;
            }

            if ((now & OwnerWord.Weak) == 0)
            {
                return now & OwnerWord.IndexMask;
            }

            word = now;
        }
    }

    // The collector and every slow path of an object with weak references come here: the running case inline.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static WeakListChunk? Chunk(int slot) => Volatile.Read(ref s_chunks)[slot >> ChunkBits] ?? RetiredChunk(slot >> ChunkBits);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakListChunk? RetiredChunk(int number) =>
        Volatile.Read(ref s_retired)[number] is { } entry && entry.TryGetTarget(out WeakListChunk? chunk) ? chunk : null;

    /// <summary>Puts an entirely free chunk in the pool, or drops it and keeps its number when the pool is full; under the lock.</summary>
    private static void Pool(WeakListChunk chunk)
    {
        chunk.SetOwner(0);
        if (s_pool.Count < PoolLimit)
        {
            Volatile.Write(ref s_chunks[chunk.Number], chunk);
            s_pool.Push(chunk);
        }
        else
        {
            Volatile.Write(ref s_chunks[chunk.Number], null);
            s_freeNumbers.Push(chunk.Number);
        }
    }
}
