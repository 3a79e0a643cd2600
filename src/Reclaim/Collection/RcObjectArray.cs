using System.Diagnostics;
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
/// </remarks>
internal static class RcObjectArray
{
    /// <summary><c>array[index] = value</c>, without the covariance check. The caller guarantees the index is in range.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(RcObject?[] array, int index, RcObject? value)
    {
        Debug.Assert((uint)index < (uint)array.Length, "index out of range");
        Debug.Assert(array.GetType() == typeof(RcObject[]), "not an RcObject array");
        Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(array), index) = value;
    }
}
