using System.Collections.Concurrent;
using System.Linq.Expressions;
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
            if (obj is not null && obj._gcRefs > obj._refCount)
            {
                throw new TraversalOvercountException(obj.GetType(), obj._refCount, obj._gcRefs, DescribeReferrers(collector, list, obj));
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
    private static TypeMembers Discover(Type type)
    {
        List<ReferenceMember> members = [];
        bool allVisible = true;
        for (Type? current = type; current is not null && current != typeof(RcObject); current = current.BaseType)
        {
            foreach (FieldInfo field in current.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                Type fieldType = field.FieldType;
                MethodInfo? reader = null;
                if (fieldType.IsGenericType && fieldType.GetGenericTypeDefinition() == typeof(RcField<>))
                {
                    reader = typeof(CheckedAudit).GetMethod(nameof(ReadField), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(fieldType.GetGenericArguments());
                }
                else if (fieldType.IsArray && fieldType.GetElementType() is { IsGenericType: true } element && element.GetGenericTypeDefinition() == typeof(RcField<>))
                {
                    reader = typeof(CheckedAudit).GetMethod(nameof(ReadArray), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(element.GetGenericArguments());
                }
                else if (fieldType.IsGenericType && fieldType.GetGenericTypeDefinition() == typeof(RcList<>))
                {
                    reader = typeof(CheckedAudit).GetMethod(nameof(ReadList), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(fieldType.GetGenericArguments());
                }
                else if (fieldType.IsGenericType && fieldType.GetGenericTypeDefinition() == typeof(Owned<>))
                {
                    reader = typeof(CheckedAudit).GetMethod(nameof(ReadOwned), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(fieldType.GetGenericArguments());
                }

                if (reader is not null)
                {
                    members.Add(new ReferenceMember($"{current.Name}.{field.Name}", reader.GetGenericArguments()[0], Compile(current, field, reader)));
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

    private static Action<RcObject, List<RcObject?>> Compile(Type declaring, FieldInfo field, MethodInfo reader)
    {
        ParameterExpression obj = Expression.Parameter(typeof(RcObject), "obj");
        ParameterExpression sink = Expression.Parameter(typeof(List<RcObject?>), "sink");
        Expression value = Expression.Field(Expression.Convert(obj, declaring), field);
        return Expression.Lambda<Action<RcObject, List<RcObject?>>>(Expression.Call(reader, value, sink), obj, sink).Compile();
    }

    private static void ReadField<T>(RcField<T> field, List<RcObject?> sink) where T : RcObject => sink.Add(field.Value);

    private static void ReadArray<T>(RcField<T>[]? fields, List<RcObject?> sink) where T : RcObject
    {
        if (fields is null)
        {
            return;
        }

        foreach (RcField<T> field in fields)
        {
            sink.Add(field.Value);
        }
    }

    private static void ReadList<T>(RcList<T>? list, List<RcObject?> sink) where T : RcObject
    {
        if (list is not null)
        {
            foreach (T item in list.Items)
            {
                sink.Add(item);
            }
        }
    }

    private static void ReadOwned<T>(Owned<T>? handle, List<RcObject?> sink) where T : RcObject => sink.Add(handle?.Peek);

    private sealed record TypeMembers(ReferenceMember[] Members, bool AllReferencesVisible);

    private sealed record ReferenceMember(string Name, Type ReferentType, Action<RcObject, List<RcObject?>> Read);
}
