using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Reclaim.Generators.Analyzers;

/// <summary>What the traversal analyzers need to recognise: a <c>TraverseReferences</c> override, a visit, a chained base traversal.</summary>
internal static class TraverseMethods
{
    /// <summary>Whether <paramref name="symbol"/> is a <c>TraverseReferences</c> override in a runtime type.</summary>
    public static bool IsTraverse(ISymbol symbol, KnownTypes known, out IMethodSymbol? method)
    {
        method = symbol as IMethodSymbol;
        return method is { IsOverride: true, MethodKind: MethodKind.Ordinary }
            && KnownTypes.Overrides(method, known.TraverseReferences)
            && known.DerivesFromRcObject(method.ContainingType);
    }

    /// <summary>Whether <paramref name="method"/> is one of <c>Visitor.Visit</c>'s overloads.</summary>
    public static bool IsVisit(IMethodSymbol method, KnownTypes known) =>
        method.Name == "Visit" && SymbolEqualityComparer.Default.Equals(method.ContainingType, known.Visitor);

    /// <summary>Whether <paramref name="invocation"/> is <c>base.TraverseReferences(ref visitor)</c>.</summary>
    public static bool IsBaseTraverse(IInvocationOperation invocation, KnownTypes known) =>
        !invocation.IsVirtual
        && invocation.Instance is IInstanceReferenceOperation
        && (SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.OriginalDefinition, known.TraverseReferences)
            || KnownTypes.Overrides(invocation.TargetMethod, known.TraverseReferences));
}
