using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Reclaim.Generators.Analyzers;

/// <summary>
/// The path half of RCL0011: on one control flow graph, every assignment of a <c>NewRef&lt;T&gt;</c> local (and every
/// <c>NewRef&lt;T&gt;</c> parameter, owned from the method's entry) must reach a consumption on every normal path to the
/// method's end before the variable is assigned again.
/// </summary>
/// <remarks>
/// A consumption is any use of the variable other than a borrowing read (<c>Value</c>, <c>IsNull</c>, ...): a call of
/// <c>Release</c>/<c>ToOwned</c>/<c>Take</c>, passing it as an argument, returning it, copying it. Limits, all on the
/// silent side: paths that leave by an exception are not followed; a variable captured by a lambda or a local
/// function, or passed by <c>ref</c>, is taken as consumed; a consumption inside a <c>finally</c> block exempts the
/// variable altogether. Lambdas and local functions are analysed as methods of their own.
/// </remarks>
internal static class NewRefFlow
{
    private enum EventKind
    {
        Assigned,
        Consumed,
    }

    private readonly struct Event
    {
        public Event(EventKind kind, IOperation operation)
        {
            Kind = kind;
            Operation = operation;
        }

        public EventKind Kind { get; }

        public IOperation Operation { get; }
    }

    public static void Analyze(OperationAnalysisContext context, ControlFlowGraph graph, INamedTypeSymbol newRef)
    {
        Dictionary<ISymbol, List<(int Block, int Index, Event Event)>> events = new(SymbolEqualityComparer.Default);
        HashSet<ISymbol> exempt = Captured(graph.OriginalOperation, newRef);
        foreach (BasicBlock block in graph.Blocks)
        {
            bool inFinally = IsInFinally(block);
            int index = 0;
            foreach (IOperation root in RootsOf(block))
            {
                foreach (IOperation operation in root.DescendantsAndSelf())
                {
                    if (operation is IFlowAnonymousFunctionOperation lambda)
                    {
                        Analyze(context, graph.GetAnonymousFunctionControlFlowGraph(lambda), newRef);
                    }

                    if (Variable(operation, newRef) is not { } variable)
                    {
                        continue;
                    }

                    Event? found = Classify(operation);
                    if (found is not { } e)
                    {
                        continue;
                    }

                    if (inFinally && e.Kind == EventKind.Consumed)
                    {
                        exempt.Add(variable);
                    }

                    if (!events.TryGetValue(variable, out var list))
                    {
                        events[variable] = list = [];
                    }

                    list.Add((block.Ordinal, index++, e));
                }
            }
        }

        foreach (IMethodSymbol local in graph.LocalFunctions)
        {
            Analyze(context, graph.GetLocalFunctionControlFlowGraph(local), newRef);
        }

        foreach (KeyValuePair<ISymbol, List<(int Block, int Index, Event Event)>> pair in events)
        {
            if (!exempt.Contains(pair.Key))
            {
                CheckVariable(context, graph, pair.Key, pair.Value);
            }
        }

        if (graph.OriginalOperation is IMethodBodyOperation or IConstructorBodyOperation or ILocalFunctionOperation or IAnonymousFunctionOperation)
        {
            CheckParameters(context, graph, newRef, events, exempt);
        }
    }

    /// <summary>The variables that a lambda or local function inside <paramref name="root"/> uses: their fate is out of this graph's sight.</summary>
    private static HashSet<ISymbol> Captured(IOperation root, INamedTypeSymbol newRef)
    {
        HashSet<ISymbol> captured = new(SymbolEqualityComparer.Default);
        foreach (IOperation operation in root.Descendants())
        {
            if (operation is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                foreach (IOperation inner in operation.Descendants())
                {
                    if (Variable(inner, newRef) is { } variable)
                    {
                        captured.Add(variable);
                    }
                }
            }
        }

        return captured;
    }

    private static void CheckParameters(
        OperationAnalysisContext context,
        ControlFlowGraph graph,
        INamedTypeSymbol newRef,
        Dictionary<ISymbol, List<(int Block, int Index, Event Event)>> events,
        HashSet<ISymbol> exempt)
    {
        IMethodSymbol? method = graph.OriginalOperation switch
        {
            ILocalFunctionOperation local => local.Symbol,
            IAnonymousFunctionOperation lambda => lambda.Symbol,
            _ => context.ContainingSymbol as IMethodSymbol,
        };
        if (method is null)
        {
            return;
        }

        foreach (IParameterSymbol parameter in method.Parameters)
        {
            if (parameter.RefKind != RefKind.None || !KnownTypes.Is(parameter.Type, newRef) || exempt.Contains(parameter))
            {
                continue;
            }

            List<(int Block, int Index, Event Event)> list = events.TryGetValue(parameter, out var found) ? found : [];
            if (LeaksFrom(graph, parameter, list, graph.Blocks[0].Ordinal, -1))
            {
                Report(context, parameter.Locations[0], $"the parameter '{parameter.Name}' owns a new reference that some path neither hands on nor releases");
            }
        }
    }

    private static void CheckVariable(OperationAnalysisContext context, ControlFlowGraph graph, ISymbol variable, List<(int Block, int Index, Event Event)> list)
    {
        foreach ((int block, int index, Event e) in list)
        {
            if (e.Kind == EventKind.Assigned && LeaksFrom(graph, variable, list, block, index))
            {
                Report(context, e.Operation.Parent?.Syntax.GetLocation() ?? e.Operation.Syntax.GetLocation(),
                    $"'{variable.Name}' holds a new reference that some path from here neither hands on nor releases");
            }
        }
    }

    /// <summary>Whether a normal path from event <paramref name="index"/> in <paramref name="start"/> reaches the exit, or another assignment, before a consumption.</summary>
    private static bool LeaksFrom(ControlFlowGraph graph, ISymbol variable, List<(int Block, int Index, Event Event)> list, int start, int index)
    {
        Stack<int> pending = new();
        HashSet<int> seen = [];
        if (Next(list, start, index) is { } first)
        {
            return first.Kind == EventKind.Assigned;
        }

        pending.Push(start);
        seen.Add(start);
        while (pending.Count > 0)
        {
            BasicBlock block = graph.Blocks[pending.Pop()];
            ControlFlowBranch? whenEmpty = EmptyBranch(block, variable);
            foreach (ControlFlowBranch? branch in new[] { block.FallThroughSuccessor, block.ConditionalSuccessor })
            {
                if (branch is null || branch == whenEmpty || branch.Destination is not { } destination)
                {
                    continue;
                }

                if (destination.Kind == BasicBlockKind.Exit)
                {
                    return true;
                }

                if (!seen.Add(destination.Ordinal))
                {
                    continue;
                }

                if (Next(list, destination.Ordinal, -1) is { } e)
                {
                    if (e.Kind == EventKind.Assigned)
                    {
                        return true;
                    }

                    continue;
                }

                pending.Push(destination.Ordinal);
            }
        }

        return false;
    }

    /// <summary>
    /// The successor of <paramref name="block"/> taken when <paramref name="variable"/> is empty, if the block branches on
    /// its <c>IsNull</c> (or <c>!IsNull</c>): an empty reference owns nothing, so that path needs no consumption.
    /// </summary>
    private static ControlFlowBranch? EmptyBranch(BasicBlock block, ISymbol variable)
    {
        IOperation? condition = block.BranchValue;
        bool negated = false;
        while (condition is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not)
        {
            negated = !negated;
            condition = not.Operand;
        }

        if (condition is not IPropertyReferenceOperation { Property.Name: "IsNull", Instance: { } instance }
            || !SymbolEqualityComparer.Default.Equals(Target(instance), variable))
        {
            return null;
        }

        bool conditionalWhenTrue = block.ConditionKind == ControlFlowConditionKind.WhenTrue;
        return conditionalWhenTrue != negated ? block.ConditionalSuccessor : block.FallThroughSuccessor;
    }

    private static ISymbol? Target(IOperation operation) => operation switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        _ => null,
    };

    /// <summary>The first event in <paramref name="block"/> after position <paramref name="after"/>.</summary>
    private static Event? Next(List<(int Block, int Index, Event Event)> list, int block, int after)
    {
        foreach ((int b, int i, Event e) in list)
        {
            if (b == block && i > after)
            {
                return e;
            }
        }

        return null;
    }

    private static IEnumerable<IOperation> RootsOf(BasicBlock block)
    {
        foreach (IOperation operation in block.Operations)
        {
            yield return operation;
        }

        if (block.BranchValue is { } branch)
        {
            yield return branch;
        }
    }

    private static bool IsInFinally(BasicBlock block)
    {
        for (ControlFlowRegion? region = block.EnclosingRegion; region is not null; region = region.EnclosingRegion)
        {
            if (region.Kind == ControlFlowRegionKind.Finally)
            {
                return true;
            }
        }

        return false;
    }

    private static ISymbol? Variable(IOperation operation, INamedTypeSymbol newRef) => operation switch
    {
        ILocalReferenceOperation local when KnownTypes.Is(local.Local.Type, newRef) => local.Local,
        IParameterReferenceOperation parameter when KnownTypes.Is(parameter.Parameter.Type, newRef) && parameter.Parameter.RefKind == RefKind.None => parameter.Parameter,
        _ => null,
    };

    /// <summary>What a reference to the variable does; <see langword="null"/> for a borrowing read.</summary>
    private static Event? Classify(IOperation reference)
    {
        switch (reference.Parent)
        {
            case ISimpleAssignmentOperation assignment when assignment.Target == reference:
                return new Event(EventKind.Assigned, reference);
            case IArgumentOperation { Parameter.RefKind: RefKind.Out }:
            case IDeclarationExpressionOperation { Parent: IArgumentOperation { Parameter.RefKind: RefKind.Out } }:
                return new Event(EventKind.Assigned, reference);
            case IPropertyReferenceOperation property when property.Instance == reference && NewRefLeakAnalyzer.BorrowingMembers.Contains(property.Property.Name):
            case IInvocationOperation invocation when invocation.Instance == reference && NewRefLeakAnalyzer.BorrowingMembers.Contains(invocation.TargetMethod.Name):
                return null;
            default:
                return new Event(EventKind.Consumed, reference);
        }
    }

    private static void Report(OperationAnalysisContext context, Location location, string what) =>
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.NewRefLeaked, location, what));
}
