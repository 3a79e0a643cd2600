using Microsoft.CodeAnalysis;

namespace Reclaim.Generators;

/// <summary>
/// Which members of a runtime type hold references, and which hold them wrongly. This is the compile-time twin of
/// the runtime's checked-mode audit (<c>CheckedAudit</c> in Reclaim), which counts the same field kinds:
/// <c>RcField&lt;T&gt;</c>, arrays of it and <c>RcList&lt;T&gt;</c> are reference members; an <c>Owned&lt;T&gt;</c> held
/// by a runtime object is flagged instead (RCL0006), because a handle is meant for ordinary .NET code.
/// </summary>
internal static class ReferenceMembers
{
    /// <summary>
    /// The reference members <paramref name="type"/> itself declares, in declaration order: fields, and auto-properties
    /// of array or list type (reached through the property). An <c>RcField&lt;T&gt;</c> that is readonly or behind a
    /// property is left out: it cannot hold a reference at all (RCL0008 reports it).
    /// </summary>
    public static List<ReferenceMember> Declared(INamedTypeSymbol type, KnownTypes known)
    {
        List<ReferenceMember> members = [];
        foreach (IFieldSymbol field in InstanceFields(type))
        {
            if (TryClassify(field.Type, known, out ReferenceKind kind, out ITypeSymbol? referent)
                && !(kind == ReferenceKind.Field && (field.IsReadOnly || field.AssociatedSymbol is not null)))
            {
                members.Add(new ReferenceMember(field.AssociatedSymbol ?? field, kind, referent!));
            }
        }

        return members;
    }

    /// <summary>The instance fields <paramref name="type"/> declares, auto-properties' backing fields included.</summary>
    public static IEnumerable<IFieldSymbol> InstanceFields(INamedTypeSymbol type)
    {
        foreach (ISymbol member in type.GetMembers())
        {
            if (member is IFieldSymbol { IsStatic: false, IsConst: false } field)
            {
                yield return field;
            }
        }
    }

    /// <summary>Whether a member of type <paramref name="type"/> is a reference member, and of which kind.</summary>
    public static bool TryClassify(ITypeSymbol type, KnownTypes known, out ReferenceKind kind, out ITypeSymbol? referent)
    {
        if (type is INamedTypeSymbol named && named.TypeArguments.Length == 1)
        {
            if (KnownTypes.Is(named, known.RcField))
            {
                kind = ReferenceKind.Field;
                referent = named.TypeArguments[0];
                return true;
            }

            if (KnownTypes.Is(named, known.RcList))
            {
                kind = ReferenceKind.List;
                referent = named.TypeArguments[0];
                return true;
            }
        }

        if (type is IArrayTypeSymbol { Rank: 1, ElementType: INamedTypeSymbol element } && KnownTypes.Is(element, known.RcField))
        {
            kind = ReferenceKind.FieldArray;
            referent = element.TypeArguments[0];
            return true;
        }

        kind = default;
        referent = null;
        return false;
    }

    /// <summary>
    /// Why an instance member of type <paramref name="type"/> holds a runtime object that no count or traversal
    /// covers (RCL0006), as "what it holds" and "what to use instead"; <see langword="null"/> when it does not.
    /// </summary>
    public static (string Holds, string Use)? Uncounted(ITypeSymbol type, KnownTypes known)
    {
        if (TryClassify(type, known, out _, out _))
        {
            return null;
        }

        if (known.IsRuntimeObject(type))
        {
            return ($"the runtime object type '{Display(type)}'", $"RcField<{Display(type)}>");
        }

        if (type is INamedTypeSymbol owned && KnownTypes.Is(owned, known.Owned))
        {
            string referent = Display(owned.TypeArguments[0]);
            return ($"an Owned<{referent}> handle", $"RcField<{referent}> (store it with SetOwned(handle.Take()))");
        }

        if (type is IArrayTypeSymbol array && known.IsRuntimeObject(array.ElementType))
        {
            string element = Display(array.ElementType);
            return ($"an array of the runtime object type '{element}'", $"RcField<{element}>[] or RcList<{element}>");
        }

        if (RuntimeObjectElement(type, known) is { } item)
        {
            return ($"a .NET collection of the runtime object type '{Display(item)}'", $"RcList<{Display(item)}>");
        }

        return null;
    }

    /// <summary>
    /// Why <paramref name="member"/>, of type <c>RcField&lt;T&gt;</c>, cannot hold a reference (RCL0008); <see langword="null"/> when it can.
    /// </summary>
    public static string? CopiedRcField(ISymbol member, KnownTypes known) => member switch
    {
        IFieldSymbol { IsStatic: false, AssociatedSymbol: null, IsReadOnly: true } field when KnownTypes.Is(field.Type, known.RcField) => "declared readonly",
        IPropertySymbol { IsStatic: false, ReturnsByRef: false, ReturnsByRefReadonly: false } property when KnownTypes.Is(property.Type, known.RcField) => "a property",
        _ => null,
    };

    private static ITypeSymbol? RuntimeObjectElement(ITypeSymbol type, KnownTypes known)
    {
        if (type.TypeKind == TypeKind.Delegate)
        {
            return null;
        }

        foreach (INamedTypeSymbol candidate in Enumerables(type))
        {
            ITypeSymbol element = candidate.TypeArguments[0];
            if (known.IsRuntimeObject(element))
            {
                return element;
            }

            // Dictionaries enumerate key/value pairs: either side can be the runtime object.
            if (element is INamedTypeSymbol { Name: "KeyValuePair", TypeArguments.Length: 2 } pair)
            {
                foreach (ITypeSymbol side in pair.TypeArguments)
                {
                    if (known.IsRuntimeObject(side))
                    {
                        return side;
                    }
                }
            }
        }

        return null;
    }

    private static IEnumerable<INamedTypeSymbol> Enumerables(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol self && IsGenericEnumerable(self))
        {
            yield return self;
        }

        foreach (INamedTypeSymbol implemented in type.AllInterfaces)
        {
            if (IsGenericEnumerable(implemented))
            {
                yield return implemented;
            }
        }
    }

    private static bool IsGenericEnumerable(INamedTypeSymbol type) =>
        type is { Name: "IEnumerable", TypeArguments.Length: 1, ContainingNamespace: { Name: "Generic", ContainingNamespace: { Name: "Collections", ContainingNamespace.Name: "System" } } };

    private static string Display(ITypeSymbol type) =>
        type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
}
