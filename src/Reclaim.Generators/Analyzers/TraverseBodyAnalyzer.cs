using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Reclaim.Generators.Analyzers;

/// <summary>An analyzer of hand-written <c>TraverseReferences</c> bodies: it is handed each <c>TraverseReferences</c> override of a runtime type.</summary>
public abstract class TraverseBodyAnalyzer : ReclaimAnalyzer
{
    private protected sealed override void Register(CompilationStartAnalysisContext start, KnownTypes known)
    {
        if (known.Visitor is null)
        {
            return;
        }

        start.RegisterOperationBlockAction(block =>
        {
            if (TraverseMethods.IsTraverse(block.OwningSymbol, known, out IMethodSymbol? method))
            {
                AnalyzeTraverse(block, known, method!);
            }
        });
    }

    /// <summary>Analyzes one <c>TraverseReferences</c> override's body.</summary>
    private protected abstract void AnalyzeTraverse(OperationBlockAnalysisContext context, KnownTypes known, IMethodSymbol method);
}
