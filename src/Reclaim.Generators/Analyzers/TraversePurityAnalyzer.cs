using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Reclaim.Generators.Analyzers;

/// <summary>
/// RCL0003: a <c>Traverse</c> body may only read fields and locals, loop over arrays and lists, and call
/// <c>visitor.Visit</c> or <c>base.Traverse</c>. Anything else — a count change, an allocation, a call into the
/// runtime or into any other code — is reported where it happens (seed 002, PyO3 #3165).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TraversePurityAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [DiagnosticDescriptors.ImpureTraverse];

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (KnownTypes.From(start.Compilation) is { Visitor: not null } known)
            {
                start.RegisterOperationBlockAction(block => Analyze(block, known));
            }
        });
    }

    private static void Analyze(OperationBlockAnalysisContext context, KnownTypes known)
    {
        if (!TraverseMethods.IsTraverse(context.OwningSymbol, known, out IMethodSymbol? method))
        {
            return;
        }

        TraversePurity purity = new(known);
        foreach (IOperation block in context.OperationBlocks)
        {
            Walk(block);
        }

        void Walk(IOperation operation)
        {
            if (purity.Violation(operation) is { } problem)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ImpureTraverse, operation.Syntax.GetLocation(), method!.ContainingType.Name, problem));
                return;
            }

            foreach (IOperation child in operation.ChildOperations)
            {
                Walk(child);
            }
        }
    }
}
