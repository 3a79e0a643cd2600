using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Reclaim.Generators.Analyzers;

/// <summary>
/// RCL0001: a hand-written <c>TraverseReferences</c> must hand every reference member its class declares to
/// <c>visitor.Visit</c>, and must call <c>base.TraverseReferences</c> when a base class has a traversal of its own.
/// </summary>
/// <remarks>
/// A member counts as visited when it is read inside an argument of <c>visitor.Visit</c>, or read into a local
/// (a declaration, an assignment or a <c>foreach</c> over it) that is then read inside such an argument.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TraverseCoverageAnalyzer : TraverseBodyAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [DiagnosticDescriptors.TraverseMissesReference];

    private protected override void AnalyzeTraverse(OperationBlockAnalysisContext context, KnownTypes known, IMethodSymbol method)
    {
        INamedTypeSymbol type = method.ContainingType;
        Flow flow = new(known);
        foreach (IOperation block in context.OperationBlocks)
        {
            flow.Walk(block, insideVisit: false);
        }

        foreach (ReferenceMember member in ReferenceMembers.Declared(type, known))
        {
            if (!flow.Reaches(member.Symbol))
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.TraverseMissesReference, method.Locations[0], type.Name, member.Name));
            }
        }

        if (!flow.CallsBase && known.BaseOverrides(type, known.TraverseReferences))
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.TraverseMissesReference, method.Locations[0], type.Name, "its base class's references (call base.TraverseReferences(ref visitor))"));
        }
    }

    /// <summary>Which members reach <c>visitor.Visit</c>, directly or through locals.</summary>
    private sealed class Flow(KnownTypes known)
    {
        private readonly HashSet<ISymbol> _visited = new(SymbolEqualityComparer.Default);
        private readonly HashSet<ILocalSymbol> _visitedLocals = new(SymbolEqualityComparer.Default);
        private readonly Dictionary<ILocalSymbol, HashSet<ISymbol>> _localSources = new(SymbolEqualityComparer.Default);

        public bool CallsBase { get; private set; }

        public bool Reaches(ISymbol member)
        {
            if (_visited.Contains(member))
            {
                return true;
            }

            foreach (ILocalSymbol local in _visitedLocals)
            {
                if (_localSources.TryGetValue(local, out HashSet<ISymbol>? sources) && sources.Contains(member))
                {
                    return true;
                }
            }

            return false;
        }

        public void Walk(IOperation operation, bool insideVisit)
        {
            switch (operation)
            {
                case IInvocationOperation invocation when TraverseMethods.IsVisit(invocation.TargetMethod, known):
                    insideVisit = true;
                    break;
                case IInvocationOperation invocation when TraverseMethods.IsBaseTraverse(invocation, known):
                    CallsBase = true;
                    break;
                case IFieldReferenceOperation field when insideVisit:
                    _visited.Add(field.Field.OriginalDefinition);
                    break;
                case IPropertyReferenceOperation property when insideVisit:
                    _visited.Add(property.Property.OriginalDefinition);
                    break;
                case ILocalReferenceOperation local when insideVisit:
                    _visitedLocals.Add(local.Local);
                    break;
                case IVariableDeclaratorOperation { Initializer: { } initializer } declarator:
                    Feed(declarator.Symbol, initializer.Value);
                    break;
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment:
                    Feed(target.Local, assignment.Value);
                    break;
                case IIsPatternOperation pattern:
                    foreach (IOperation part in pattern.Pattern.DescendantsAndSelf())
                    {
                        if (DeclaredLocal(part) is { } declared)
                        {
                            Feed(declared, pattern.Value);
                        }
                    }

                    break;
                case IForEachLoopOperation loop:
                    foreach (ILocalSymbol local in loop.Locals)
                    {
                        Feed(local, loop.Collection);
                    }

                    break;
            }

            foreach (IOperation child in operation.ChildOperations)
            {
                Walk(child, insideVisit);
            }
        }

        private static ILocalSymbol? DeclaredLocal(IOperation pattern) => pattern switch
        {
            IDeclarationPatternOperation { DeclaredSymbol: ILocalSymbol local } => local,
            IRecursivePatternOperation { DeclaredSymbol: ILocalSymbol local } => local,
            _ => null,
        };

        private void Feed(ILocalSymbol local, IOperation source)
        {
            if (!_localSources.TryGetValue(local, out HashSet<ISymbol>? sources))
            {
                sources = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
                _localSources.Add(local, sources);
            }

            foreach (IOperation operation in source.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IFieldReferenceOperation field:
                        sources.Add(field.Field.OriginalDefinition);
                        break;
                    case IPropertyReferenceOperation property:
                        sources.Add(property.Property.OriginalDefinition);
                        break;
                    case ILocalReferenceOperation other when _localSources.TryGetValue(other.Local, out HashSet<ISymbol>? inherited):
                        sources.UnionWith(inherited);
                        break;
                }
            }
        }
    }
}
