using Microsoft.CodeAnalysis.Diagnostics;

namespace Reclaim.Generators.Analyzers;

/// <summary>
/// What every Reclaim analyzer does first: skip generated code (the generator's output is right by construction),
/// run concurrently, and do nothing at all in a compilation that does not reference the runtime.
/// </summary>
public abstract class ReclaimAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (KnownTypes.From(start.Compilation) is { } known)
            {
                Register(start, known);
            }
        });
    }

    /// <summary>Registers the analyzer's actions for a compilation that references Reclaim.</summary>
    private protected abstract void Register(CompilationStartAnalysisContext start, KnownTypes known);
}
