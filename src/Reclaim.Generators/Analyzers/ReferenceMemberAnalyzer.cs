using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Reclaim.Generators.Analyzers;

/// <summary>
/// Checks the members of every runtime type: reference members on a type nobody traverses (RCL0002), runtime
/// objects held where no count or traversal covers them (RCL0006), and <c>RcField&lt;T&gt;</c>s that can only ever be
/// copies (RCL0008).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ReferenceMemberAnalyzer : ReclaimAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        [DiagnosticDescriptors.UntracedReferences, DiagnosticDescriptors.UncountedReference, DiagnosticDescriptors.RcFieldCopied];

    private protected override void Register(CompilationStartAnalysisContext start, KnownTypes known) =>
        start.RegisterSymbolAction(symbol => Analyze(symbol, known), SymbolKind.NamedType);

    private static void Analyze(SymbolAnalysisContext context, KnownTypes known)
    {
        INamedTypeSymbol type = (INamedTypeSymbol)context.Symbol;
        if (!known.DerivesFromRcObject(type))
        {
            return;
        }

        foreach (ISymbol member in type.GetMembers())
        {
            if (ReferenceMembers.CopiedRcField(member, known) is { } why)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.RcFieldCopied, member.Locations[0], member.Name, type.Name, why));
            }
        }

        foreach (IFieldSymbol field in ReferenceMembers.InstanceFields(type))
        {
            ISymbol declared = field.AssociatedSymbol ?? field;
            if (declared.Locations.IsEmpty || !declared.Locations[0].IsInSource)
            {
                continue;
            }

            if (ReferenceMembers.Uncounted(field.Type, known) is { } uncounted)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UncountedReference, declared.Locations[0], declared.Name, type.Name, uncounted.Holds, uncounted.Use));
            }
        }

        if (!known.HasRcTypeAttribute(type) && KnownTypes.DeclaredOverride(type, known.TraverseReferences) is null)
        {
            List<ReferenceMember> members = ReferenceMembers.Declared(type, known);
            if (members.Count > 0)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UntracedReferences, type.Locations[0], type.Name, members[0].Name));
            }
        }
    }
}
