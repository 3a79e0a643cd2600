using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Reclaim.Generators.Analyzers;

/// <summary>
/// Reports <c>[RcType]</c> where the generator cannot serve it: a class that is not partial (RCL0004), does not
/// derive from <c>RcObject</c> (RCL0005) or already writes <c>TraverseReferences</c> or <c>ClearReferences</c> by hand (RCL0007).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RcTypeUsageAnalyzer : ReclaimAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        [DiagnosticDescriptors.RcTypeNotPartial, DiagnosticDescriptors.RcTypeNotRcObject, DiagnosticDescriptors.RcTypeWithHandWrittenHooks];

    private protected override void Register(CompilationStartAnalysisContext start, KnownTypes known)
    {
        if (known.RcTypeAttribute is not null)
        {
            start.RegisterSymbolAction(symbol => Analyze(symbol, known), SymbolKind.NamedType);
        }
    }

    private static void Analyze(SymbolAnalysisContext context, KnownTypes known)
    {
        INamedTypeSymbol type = (INamedTypeSymbol)context.Symbol;
        if (!known.HasRcTypeAttribute(type))
        {
            return;
        }

        Location location = type.Locations[0];
        if (!known.DerivesFromRcObject(type))
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.RcTypeNotRcObject, location, type.Name));
            return;
        }

        if (PartialDeclarations.FirstNonPartial(type, context.CancellationToken) is { } notPartial)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.RcTypeNotPartial, location, type.Name, notPartial.Name));
        }

        foreach (IMethodSymbol? hook in new[] { known.TraverseReferences, known.ClearReferences })
        {
            if (KnownTypes.DeclaredOverride(type, hook) is { } handWritten && !known.IsGenerated(handWritten))
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.RcTypeWithHandWrittenHooks, handWritten.Locations[0], type.Name, handWritten.Name));
            }
        }
    }
}
