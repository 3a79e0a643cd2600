using System.Runtime.CompilerServices;

namespace Reclaim;

/// <summary>
/// The encoding of an object's owner word (<see cref="RcObject._owner"/>): a 4-byte stand-in for a reference to the
/// owning runtime, so that the header stays at 16 bytes.
/// </summary>
/// <remarks>
/// <para>
/// Zero: not adopted. A plain value (neither marker bit set): the owning runtime's index in
/// <see cref="RuntimeIndexTable"/>, which is also the fast-path token a thread holds while it may change the runtime's
/// counts without further checks (<see cref="Runtime.t_fastPathToken"/>). Either marker bit makes the word differ
/// from every token, so the object's count changes take the slow path, which looks at its state:
/// </para>
/// <list type="bullet">
/// <item><see cref="Cleared"/> | runtime index: the collector cleared the object; <c>AddRef</c> must refuse it.</item>
/// <item><see cref="Weak"/> | slot: the object has weak references; the slot names its <see cref="WeakRefList"/> in
/// <see cref="WeakListSlab"/>, whose chunk names the runtime. The collector reaches the list with two array reads, no
/// hash look-up. The slot goes back to the chunk once the object has no weak references left, and a chunk whose slots
/// are all free may serve another runtime.</item>
/// </list>
/// </remarks>
internal static class OwnerWord
{
    /// <summary>The word of an object no runtime adopted.</summary>
    public const int None = 0;

    /// <summary>Marker: the collector cleared the object (the rest of the word is the runtime index).</summary>
    public const int Cleared = 1 << 30;

    /// <summary>Marker: the object has weak references (the rest of the word is its slot in <see cref="WeakListSlab"/>).</summary>
    public const int Weak = 1 << 29;

    /// <summary>The index or slot part of the word.</summary>
    public const int IndexMask = Weak - 1;

    /// <summary>The owner word of an object of runtime <paramref name="runtimeIndex"/> without weak references.</summary>
    public static int Plain(RcObject obj, int runtimeIndex) =>
        obj._state == RcObjectState.Cleared ? runtimeIndex | Cleared : runtimeIndex;

    /// <summary>The index of the runtime that owns <paramref name="obj"/>; 0 before adoption. Any thread.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int RuntimeIndex(RcObject obj)
    {
        int word = obj._owner;
        return (word & Weak) != 0 ? WeakListSlab.RuntimeIndexOf(obj, word) : word & IndexMask;
    }
}
