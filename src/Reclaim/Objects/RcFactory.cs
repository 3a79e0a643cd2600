using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace Reclaim;

/// <summary>
/// How <see cref="Runtime.New{T}"/> and <see cref="Runtime.Allocate{T}"/> construct a <typeparamref name="T"/>: a
/// constructor call registered for the type, or, for a type without one, <c>new T()</c>.
/// </summary>
/// <remarks>
/// <c>new T()</c> in generic code that .NET shares between reference types compiles to <c>Activator</c>'s path, which
/// looks the constructor up through a cache on every call, even where the caller knows <typeparamref name="T"/>. A
/// registered delegate calls the constructor directly. The <c>[RcType]</c> generator registers one for every
/// non-generic class it sees from a module initializer; nothing else needs to call <see cref="Register"/>.
/// </remarks>
/// <typeparam name="T">The runtime type constructed.</typeparam>
public static class RcFactory<T> where T : RcObject, new()
{
    private static Func<T>? s_create;

    /// <summary>Registers the constructor call for <typeparamref name="T"/> (generated code calls this at module load).</summary>
    /// <param name="create">Returns a new, unadopted <typeparamref name="T"/> made by its parameterless constructor.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void Register(Func<T> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        s_create = create;
    }

    /// <summary>Whether a constructor call is registered (for tests and diagnostics).</summary>
    internal static bool IsRegistered => s_create is not null;

    /// <summary>A new, unadopted instance.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static T Create()
    {
        Func<T>? create = s_create;
        return create is null ? new T() : create();
    }
}
