using System.Numerics;

namespace Reclaim;

/// <summary>
/// One block of <see cref="WeakListSlab"/> slots, owned by one runtime at a time. It knows which of its slots are free,
/// so a runtime hands out and takes back slots without a free list of its own, and the slab can tell when the whole
/// chunk is free and may go to another runtime.
/// </summary>
/// <remarks>
/// Only the owning runtime's lock holder takes and frees slots and writes <see cref="Lists"/>. The owner changes only
/// while the chunk is entirely free (no object names one of its slots), under the slab's lock, and bumps
/// <see cref="_version"/> around the change (odd while changing), so that a thread reading a stale owner word can
/// tell that the owner it read may not be the object's (see <see cref="WeakListSlab.RuntimeIndexOf"/>).
/// </remarks>
internal sealed class WeakListChunk
{
    private const int WordBits = 64;

    // Bit i of the pair set: slot i is free.
    private ulong _freeLow = ulong.MaxValue;
    private ulong _freeHigh = ulong.MaxValue;
    private int _runtimeIndex;

    /// <summary>Even while the owner is stable; odd while <see cref="SetOwner"/> changes it.</summary>
    internal int _version;

    public WeakListChunk(int runtimeIndex, int number)
    {
        _runtimeIndex = runtimeIndex;
        Number = number;
    }

    /// <summary>The owning runtime's index in <see cref="RuntimeIndexTable"/>; 0 while the chunk is in the slab's pool.</summary>
    public int RuntimeIndex => Volatile.Read(ref _runtimeIndex);

    /// <summary>The chunk's number in the slab: its slots are <c>Number * ChunkSize</c> onwards.</summary>
    public int Number { get; }

    /// <summary>How many of the chunk's slots are free.</summary>
    public int FreeCount { get; private set; } = WeakListSlab.ChunkSize;

    /// <summary>Whether no object names any of the chunk's slots.</summary>
    public bool IsEmpty => FreeCount == WeakListSlab.ChunkSize;

    /// <summary>Where the owning runtime's <see cref="WeakRefTable"/> keeps the chunk in its list (for O(1) removal).</summary>
    public int TableIndex { get; set; }

    /// <summary>The lists, by slot within the chunk.</summary>
    public WeakRefList?[] Lists { get; } = new WeakRefList?[WeakListSlab.ChunkSize];

    /// <summary>Gives the (entirely free) chunk to runtime <paramref name="runtimeIndex"/>, or to the pool (0); under the slab's lock.</summary>
    public void SetOwner(int runtimeIndex)
    {
        Volatile.Write(ref _version, _version + 1);
        Volatile.Write(ref _runtimeIndex, runtimeIndex);
        Volatile.Write(ref _version, _version + 1);
    }

    /// <summary>Takes the lowest free slot; the chunk must have one. Returns the slab-wide slot number.</summary>
    public int TakeSlot()
    {
        int index;
        if (_freeLow != 0)
        {
            index = BitOperations.TrailingZeroCount(_freeLow);
            _freeLow &= _freeLow - 1;
        }
        else
        {
            index = WordBits + BitOperations.TrailingZeroCount(_freeHigh);
            _freeHigh &= _freeHigh - 1;
        }

        FreeCount--;
        return (Number * WeakListSlab.ChunkSize) + index;
    }

    /// <summary>Frees slot <paramref name="index"/> (within the chunk) and empties it.</summary>
    public void FreeSlot(int index)
    {
        Lists[index] = null;
        if (index < WordBits)
        {
            _freeLow |= 1UL << index;
        }
        else
        {
            _freeHigh |= 1UL << (index - WordBits);
        }

        FreeCount++;
    }
}
