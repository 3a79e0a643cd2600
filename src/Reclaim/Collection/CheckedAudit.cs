using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace Reclaim;

/// <summary>
/// Checked mode's verification of traversals (invariant I2), run on the collected set before anything is
/// decided: every counted reference an object holds in a field must be visited, and no object may be
/// reported more often than it is counted. Either failure aborts the collection with nothing freed.
/// </summary>
internal static class CheckedAudit
{
    private static readonly ConcurrentDictionary<Type, TypeMembers> s_members = new();

    /// <summary>Throws <see cref="TraversalOvercountException"/> for the first object reported more often than it is counted.</summary>
    public static void VerifyCounts(Collector collector, GcList list)
    {
        RcObject?[] items = list.Items;
        for (int i = 0; i < list.Count; i++)
        {
            RcObject? obj = items[i];
            // During the count the slot word holds the slot plus the internal references (see RcObject._gcSlot).
            if (obj is not null && obj._gcSlot - i > obj._refCount)
            {
                throw new TraversalOvercountException(obj.GetType(), obj._refCount, obj._gcSlot - i, DescribeReferrers(collector, list, obj));
            }
        }
    }

    /// <summary>
    /// Throws <see cref="TraversalIncompleteException"/> for the first field reference a traversal misses,
    /// <see cref="TraversalOvercountException"/> for a visit no field backs (in a type whose every field the audit
    /// can read, so that an unbacked visit cannot be a reference held somewhere the audit does not see), and
    /// <see cref="WrongRuntimeException"/> for a reference into another runtime. Linear in the references of the set.
    /// </summary>
    public static void VerifyTraversalComplete(Collector collector, GcList list)
    {
        List<RcObject> visited = [];
        List<RcObject?> held = [];
        var visits = new Dictionary<RcObject, int>(ReferenceEqualityComparer.Instance);
        RcObject?[] items = list.Items;
        for (int i = 0; i < list.Count; i++)
        {
            RcObject? obj = items[i];
            if (obj is null)
            {
                continue;
            }

            visited.Clear();
            visits.Clear();
            collector.CollectReferents(obj, visited);
            foreach (RcObject referent in visited)
            {
                // Each runtime's collector sees only its own lists; an edge into another runtime would be
                // misread as an edge inside this one.
                if (!ReferenceEquals(referent.OwnerRuntime, obj.OwnerRuntime))
                {
                    throw new WrongRuntimeException(referent.GetType(), $"a reference from a '{obj.GetType().Name}' (TraverseReferences)");
                }

                visits[referent] = visits.GetValueOrDefault(referent) + 1;
            }

            TypeMembers members = MembersOf(obj.GetType());
            foreach (ReferenceMember member in members.Members)
            {
                held.Clear();
                member.Read(obj, held);
                foreach (RcObject? referent in held)
                {
                    if (referent is null)
                    {
                        continue;
                    }

                    if (!visits.TryGetValue(referent, out int remaining) || remaining == 0)
                    {
                        throw new TraversalIncompleteException(obj.GetType(), member.Name, referent.GetType());
                    }

                    visits[referent] = remaining - 1;
                }
            }

            if (members.AllReferencesVisible)
            {
                ThrowIfSurplusVisit(obj, visited, visits);
            }
        }
    }

    /// <summary>A visit left over after every field reference was matched is one the object does not own.</summary>
    private static void ThrowIfSurplusVisit(RcObject obj, List<RcObject> visited, Dictionary<RcObject, int> surplus)
    {
        foreach ((RcObject target, int extra) in surplus)
        {
            if (extra > 0)
            {
                int total = visited.Count(v => ReferenceEquals(v, target));
                throw new TraversalOvercountException(target.GetType(), obj.GetType(), total - extra, total);
            }
        }
    }

    private static string DescribeReferrers(Collector collector, GcList list, RcObject target)
    {
        List<string> names = [];
        List<RcObject> referents = [];
        RcObject?[] items = list.Items;
        for (int i = 0; i < list.Count; i++)
        {
            if (items[i] is not { } candidate)
            {
                continue;
            }

            referents.Clear();
            collector.CollectReferents(candidate, referents);
            foreach (RcObject referent in referents)
            {
                if (ReferenceEquals(referent, target))
                {
                    names.Add(candidate.GetType().Name);
                }
            }
        }

        return names.Count == 0 ? "<none>" : string.Join(", ", names);
    }

    private static TypeMembers MembersOf(Type type) => s_members.GetOrAdd(type, Discover);

    /// <summary>The first field of <paramref name="type"/> that holds counted references, if any.</summary>
    public static (string Name, Type ReferentType)? FirstReferenceMember(Type type) =>
        MembersOf(type).Members is [var first, ..] ? (first.Name, first.ReferentType) : null;

    /// <summary>Finds every field that holds counted references: <see cref="RcField{T}"/>, arrays of them, <see cref="RcList{T}"/> and <see cref="Owned{T}"/>.</summary>
    /// <remarks>
    /// Plain reflection reads (no compiled expressions, no generic instantiation made at run time), so the audit
    /// works the same in a Native AOT executable. The types' fields are kept there by <see cref="RcObject"/>'s
    /// <see cref="DynamicallyAccessedMembersAttribute"/> (every derived type) and the dependencies below (the holders).
    /// </remarks>
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicFields | DynamicallyAccessedMemberTypes.NonPublicFields, typeof(RcField<>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicFields | DynamicallyAccessedMemberTypes.NonPublicFields, typeof(Owned<>))]
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "Every type audited derives from RcObject, whose DynamicallyAccessedMembers keeps the fields of the whole hierarchy.")]
    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "The base types walked are RcObject's derived types too, kept by its DynamicallyAccessedMembers.")]
    [UnconditionalSuppressMessage("Trimming", "IL2072", Justification = "The holder types' fields are kept by the DynamicDependency attributes on this method.")]
    private static TypeMembers Discover(Type type)
    {
        List<ReferenceMember> members = [];
        bool allVisible = true;
        for (Type? current = type; current is not null && current != typeof(RcObject); current = current.BaseType)
        {
            foreach (FieldInfo field in current.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                Type fieldType = field.FieldType;
                Action<object?, List<RcObject?>>? read = null;
                Type? referent = null;
                if (IsHolder(fieldType, typeof(RcField<>)) || IsHolder(fieldType, typeof(Owned<>)))
                {
                    (FieldInfo inner, referent) = (HeldField(fieldType), fieldType.GetGenericArguments()[0]);
                    read = (value, sink) => sink.Add(value is null ? null : WithoutMarker(inner.GetValue(value) as RcObject));
                }
                else if (fieldType.IsArray && fieldType.GetElementType() is { } element && IsHolder(element, typeof(RcField<>)))
                {
                    (FieldInfo inner, referent) = (HeldField(element), element.GetGenericArguments()[0]);
                    read = (value, sink) => ReadArray(value as Array, inner, sink);
                }
                else if (IsHolder(fieldType, typeof(RcList<>)))
                {
                    referent = fieldType.GetGenericArguments()[0];
                    read = static (value, sink) => ReadList(value as IEnumerable, sink);
                }

                if (read is not null && referent is not null)
                {
                    FieldInfo member = field;
                    members.Add(new ReferenceMember($"{current.Name}.{field.Name}", referent, (obj, sink) => read(member.GetValue(obj), sink)));
                }
                else if (!InertFieldTypes.CannotHoldReferences(fieldType))
                {
                    // A field the audit cannot read might hold references the traversal rightly visits.
                    allVisible = false;
                }
            }
        }

        return new TypeMembers([.. members], allVisible);
    }

    /// <summary>A closed slot reads as empty, as <see cref="RcField{T}.Value"/> does.</summary>
    private static RcObject? WithoutMarker(RcObject? value) => value is ClosedSlot ? null : value;

    private static bool IsHolder(Type type, Type definition) => type.IsGenericType && type.GetGenericTypeDefinition() == definition;

    /// <summary>The one field of a holder (<see cref="RcField{T}"/> or <see cref="Owned{T}"/>) that holds its referent.</summary>
    private static FieldInfo HeldField([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields | DynamicallyAccessedMemberTypes.NonPublicFields)] Type holder)
    {
        Type referent = holder.GetGenericArguments()[0];
        // RcField<T> keeps its referent in an RcObject-typed slot (which may hold the closed-slot marker); Owned<T> in a T.
        return holder.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).Single(f => f.FieldType == referent || f.FieldType == typeof(RcObject));
    }

    private static void ReadArray(Array? fields, FieldInfo inner, List<RcObject?> sink)
    {
        if (fields is null)
        {
            return;
        }

        foreach (object? field in fields)
        {
            sink.Add(field is null ? null : WithoutMarker(inner.GetValue(field) as RcObject));
        }
    }

    private static void ReadList(IEnumerable? list, List<RcObject?> sink)
    {
        if (list is not null)
        {
            foreach (object? item in list)
            {
                sink.Add(item as RcObject);
            }
        }
    }

    private sealed record TypeMembers(ReferenceMember[] Members, bool AllReferencesVisible);

    private sealed record ReferenceMember(string Name, Type ReferentType, Action<RcObject, List<RcObject?>> Read);
}
