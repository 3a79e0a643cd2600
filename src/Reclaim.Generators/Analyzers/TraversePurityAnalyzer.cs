using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Reclaim.Generators.Analyzers;

/// <summary>
/// RCL0003: a <c>TraverseReferences</c> body may only read fields and locals, loop over arrays and lists, and call
/// <c>visitor.Visit</c> or <c>base.TraverseReferences</c>. Anything else — a count change, an allocation, a call into the
/// runtime or into any other code — is reported where it happens (seed 002, PyO3 #3165).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TraversePurityAnalyzer : TraverseBodyAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [DiagnosticDescriptors.ImpureTraverse];

    private protected override void AnalyzeTraverse(OperationBlockAnalysisContext context, KnownTypes known, IMethodSymbol method)
    {
        TraversePurity purity = new(known);
        foreach (IOperation block in context.OperationBlocks)
        {
            Walk(block);
        }

        void Walk(IOperation operation)
        {
            if (purity.Violation(operation) is { } problem)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ImpureTraverse, operation.Syntax.GetLocation(), method.ContainingType.Name, problem));
                return;
            }

            foreach (IOperation child in operation.ChildOperations)
            {
                Walk(child);
            }
        }
    }
}
