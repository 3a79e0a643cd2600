using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Reclaim;

/// <summary>
/// Stores into the runtime's own <c>RcObject?[]</c> arrays (collector lists, the mark stack, the deallocation stack)
/// without the covariance check of an ordinary array store.
/// </summary>
/// <remarks>
/// .NET checks every reference stored into an array of a non-sealed element type against the array's actual element
/// type; for a subclass of <see cref="RcObject"/> that check walks the type's base classes. The collector stores every
/// object it moves, several times per collection, and the check was a fifth of a full collection's time. These arrays
/// are always created by the runtime as <c>RcObject?[]</c>, so the check can never fail; the GC write barrier remains.
/// The index is always checked: a bug or a race elsewhere must end in an exception, never in a store outside the array.
/// </remarks>
internal static class RcObjectArray
{
    /// <summary><c>array[index] = value</c>, without the covariance check but with the bounds check.</summary>
    /// <exception cref="IndexOutOfRangeException"><paramref name="index"/> is outside the array.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(RcObject?[] array, int index, RcObject? value)
    {
        if ((uint)index >= (uint)array.Length)
        {
            ThrowIndexOutOfRange();
        }

        Debug.Assert(array.GetType() == typeof(RcObject[]), "not an RcObject array");
        Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(array), index) = value;
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowIndexOutOfRange() => throw new IndexOutOfRangeException("A collector list index is outside its array.");
}
