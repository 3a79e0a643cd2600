using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace Reclaim;

/// <summary>
/// What a runtime type can do, worked out once per type from which hooks it overrides: a type that overrides
/// <see cref="RcObject.TraverseReferences"/> is a container (tracked); one that overrides <see cref="RcObject.OnFinalize"/> has a finalizer.
/// </summary>
internal static class TypeTraits
{
    private static readonly ConcurrentDictionary<Type, ObjectFlags> s_cache = new();

    public static ObjectFlags Of(Type type) => s_cache.GetOrAdd(type, Compute);

    /// <summary>
    /// The traits of <paramref name="instance"/>'s type. When it is exactly <typeparamref name="T"/> (always so for
    /// <see cref="Runtime.Allocate{T}"/>) the answer comes from a static field instead of a dictionary look-up,
    /// which matters on the allocation path.
    /// </summary>
    public static ObjectFlags Of<T>(T instance) where T : RcObject =>
        instance.GetType() == typeof(T) ? ExactTraits<T>.Flags : OfInstance(instance);

    private static ObjectFlags OfInstance(RcObject instance) => Of(Reflectable(instance.GetType()));

    /// <summary>
    /// Where an <see cref="RcObject"/>'s <c>GetType()</c> flows into a location annotated like <see cref="RcObject"/>
    /// itself. The Native AOT compiler applies a base type's <see cref="DynamicallyAccessedMembersAttribute"/> to the
    /// derived types only where it sees such a flow; this one keeps the methods and fields that <see cref="Compute"/>
    /// and the checked audit look up, on every runtime type, in any trimmed or native build.
    /// </summary>
    private static Type Reflectable(
        [DynamicallyAccessedMembers(
            DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.NonPublicMethods
            | DynamicallyAccessedMemberTypes.PublicFields | DynamicallyAccessedMemberTypes.NonPublicFields)]
        Type type) => type;

    private static class ExactTraits<T> where T : RcObject
    {
        public static readonly ObjectFlags Flags = Of(typeof(T));
    }

    /// <summary>
    /// Checked mode: a type that holds counted references in fields but does not override
    /// <see cref="RcObject.TraverseReferences"/> would be an untracked leaf whose references no collection ever sees.
    /// It is refused when first adopted, before it can hide anything.
    /// </summary>
    public static void VerifyLeafHoldsNoReferences(Type type, ObjectFlags flags)
    {
        if ((flags & ObjectFlags.Container) == 0 && CheckedAudit.FirstReferenceMember(type) is { } member)
        {
            throw new TraversalIncompleteException(type, member.Name, member.ReferentType);
        }
    }

    private static ObjectFlags Compute(Type type)
    {
        ObjectFlags flags = ObjectFlags.None;
        if (Overrides(type, nameof(RcObject.TraverseReferences), [typeof(Visitor).MakeByRefType()]))
        {
            flags |= ObjectFlags.Container;
        }

        if (Overrides(type, nameof(RcObject.OnFinalize), Type.EmptyTypes) && !FinalizesOnRequest(type))
        {
            flags |= ObjectFlags.HasFinalizer;
        }

        if (Overrides(type, nameof(RcObject.OnFree), Type.EmptyTypes))
        {
            flags |= ObjectFlags.HasFreeHook;
        }

        if (typeof(WeakRef).IsAssignableFrom(type))
        {
            flags |= ObjectFlags.IsWeakRef;
        }

        return flags;
    }

    // The declaring type of the OnFinalize override carries FinalizerOnRequestAttribute.
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "Every type asked about derives from RcObject, whose DynamicallyAccessedMembers keeps the methods of the whole hierarchy.")]
    private static bool FinalizesOnRequest(Type type)
    {
        MethodInfo? method = type.GetMethod(nameof(RcObject.OnFinalize), BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, null, Type.EmptyTypes, null);
        return method?.DeclaringType is { } declaring && declaring.IsDefined(typeof(FinalizerOnRequestAttribute), inherit: false);
    }

    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "Every type asked about derives from RcObject, whose DynamicallyAccessedMembers keeps the methods of the whole hierarchy.")]
    private static bool Overrides(Type type, string name, Type[] parameters)
    {
        MethodInfo? method = type.GetMethod(name, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, null, parameters, null);
        return method is not null && method.GetBaseDefinition().DeclaringType == typeof(RcObject) && method.DeclaringType != typeof(RcObject);
    }
}
