using Microsoft.CodeAnalysis;

namespace Reclaim.Generators;

/// <summary>The Reclaim runtime's types as seen by one compilation; <see langword="null"/> when the compilation does not reference Reclaim.</summary>
internal sealed class KnownTypes
{
    private KnownTypes(Compilation compilation, INamedTypeSymbol rcObject)
    {
        RcObject = rcObject;
        RcField = compilation.GetTypeByMetadataName("Reclaim.RcField`1");
        RcList = compilation.GetTypeByMetadataName("Reclaim.RcList`1");
        Owned = compilation.GetTypeByMetadataName("Reclaim.Owned`1");
        NewRef = compilation.GetTypeByMetadataName("Reclaim.NewRef`1");
        Visitor = compilation.GetTypeByMetadataName("Reclaim.Visitor");
        RcTypeAttribute = compilation.GetTypeByMetadataName(RcTypeAttributeName);
        GeneratedCodeAttribute = compilation.GetTypeByMetadataName("System.CodeDom.Compiler.GeneratedCodeAttribute");
        TraverseReferences = FindHook(rcObject, "TraverseReferences");
        ClearReferences = FindHook(rcObject, "ClearReferences");
    }

    /// <summary>The attribute's metadata name, which the generator's pipeline is keyed on.</summary>
    public const string RcTypeAttributeName = "Reclaim.RcTypeAttribute";

    public INamedTypeSymbol RcObject { get; }

    public INamedTypeSymbol? RcField { get; }

    public INamedTypeSymbol? RcList { get; }

    public INamedTypeSymbol? Owned { get; }

    /// <summary><c>NewRef&lt;T&gt;</c>, the typed new reference.</summary>
    public INamedTypeSymbol? NewRef { get; }

    public INamedTypeSymbol? Visitor { get; }

    public INamedTypeSymbol? RcTypeAttribute { get; }

    public INamedTypeSymbol? GeneratedCodeAttribute { get; }

    /// <summary><c>RcObject.TraverseReferences(ref Visitor)</c>.</summary>
    public IMethodSymbol? TraverseReferences { get; }

    /// <summary><c>RcObject.ClearReferences()</c>.</summary>
    public IMethodSymbol? ClearReferences { get; }

    public static KnownTypes? From(Compilation compilation) =>
        compilation.GetTypeByMetadataName("Reclaim.RcObject") is { } rcObject ? new KnownTypes(compilation, rcObject) : null;

    /// <summary>Whether <paramref name="type"/> is <c>RcObject</c> or derives from it.</summary>
    public bool IsRuntimeObject(ITypeSymbol? type)
    {
        for (ITypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, RcObject))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="type"/> derives from <c>RcObject</c> (and is not <c>RcObject</c> itself).</summary>
    public bool DerivesFromRcObject(INamedTypeSymbol type) => type.TypeKind == TypeKind.Class && !Is(type, RcObject) && IsRuntimeObject(type);

    public static bool Is(ITypeSymbol? type, INamedTypeSymbol? definition) =>
        type is not null && definition is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, definition);

    /// <summary>Whether <paramref name="method"/> overrides (directly or not) the given <c>RcObject</c> hook.</summary>
    public static bool Overrides(IMethodSymbol method, IMethodSymbol? hook)
    {
        if (hook is null)
        {
            return false;
        }

        for (IMethodSymbol? current = method.OverriddenMethod; current is not null; current = current.OverriddenMethod)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, hook))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The override of <paramref name="hook"/> that <paramref name="type"/> itself declares, if any.</summary>
    public static IMethodSymbol? DeclaredOverride(INamedTypeSymbol type, IMethodSymbol? hook)
    {
        if (hook is null)
        {
            return null;
        }

        foreach (ISymbol member in type.GetMembers(hook.Name))
        {
            if (member is IMethodSymbol { IsOverride: true } method && Overrides(method, hook))
            {
                return method;
            }
        }

        return null;
    }

    /// <summary>Whether a class between <paramref name="type"/> (exclusive) and <c>RcObject</c> overrides <paramref name="hook"/>.</summary>
    public bool BaseOverrides(INamedTypeSymbol type, IMethodSymbol? hook)
    {
        for (INamedTypeSymbol? current = type.BaseType; current is not null && !Is(current, RcObject); current = current.BaseType)
        {
            if (DeclaredOverride(current, hook) is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="type"/> carries <c>[RcType]</c>.</summary>
    public bool HasRcTypeAttribute(INamedTypeSymbol type)
    {
        foreach (AttributeData attribute in type.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, RcTypeAttribute))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="method"/> was written by Reclaim's generator (it marks what it writes).</summary>
    public bool IsGenerated(IMethodSymbol method)
    {
        foreach (AttributeData attribute in method.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, GeneratedCodeAttribute)
                && attribute.ConstructorArguments.Length > 0
                && attribute.ConstructorArguments[0].Value as string == GeneratorInfo.Name)
            {
                return true;
            }
        }

        return false;
    }

    private static IMethodSymbol? FindHook(INamedTypeSymbol rcObject, string name)
    {
        foreach (ISymbol member in rcObject.GetMembers(name))
        {
            if (member is IMethodSymbol { IsVirtual: true } method)
            {
                return method;
            }
        }

        return null;
    }
}
