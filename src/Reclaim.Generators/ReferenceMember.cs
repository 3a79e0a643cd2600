using Microsoft.CodeAnalysis;

namespace Reclaim.Generators;

/// <summary>A member that holds counted references: what the generated traversal visits and the analyzers demand be visited.</summary>
/// <param name="Symbol">The field, or the auto-property whose backing field it is.</param>
/// <param name="Kind">How it holds its references.</param>
/// <param name="Referent">The runtime type it refers to (the <c>T</c> of <c>RcField&lt;T&gt;</c> or <c>RcList&lt;T&gt;</c>).</param>
internal readonly record struct ReferenceMember(ISymbol Symbol, ReferenceKind Kind, ITypeSymbol Referent)
{
    /// <summary>The name code uses to reach the member.</summary>
    public string Name => Symbol.Name;
}
