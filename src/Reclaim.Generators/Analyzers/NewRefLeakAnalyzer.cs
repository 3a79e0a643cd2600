using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Reclaim.Generators.Analyzers;

/// <summary>
/// RCL0011: a <c>NewRef&lt;T&gt;</c> that is neither handed on nor released. Two shapes: a new reference dropped where
/// it is made (a call whose <c>NewRef&lt;T&gt;</c> result is discarded or only read through <c>Value</c>), and a local
/// or parameter that some path from its assignment to the method's end never hands on or releases (or overwrites
/// first), found on the method's control flow graph (<see cref="NewRefFlow"/>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NewRefLeakAnalyzer : ReclaimAnalyzer
{
    /// <summary>Members that read a <c>NewRef&lt;T&gt;</c> without ending its life.</summary>
    internal static readonly ImmutableHashSet<string> BorrowingMembers =
        ["Value", "ValueOrNull", "IsNull", "ToString", "GetHashCode", "Equals", "GetType"];

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [DiagnosticDescriptors.NewRefLeaked];

    private protected override void Register(CompilationStartAnalysisContext start, KnownTypes known)
    {
        if (known.NewRef is not { } newRef)
        {
            return;
        }

        start.RegisterOperationAction(
            context => AnalyzeProduced(context, newRef),
            OperationKind.Invocation,
            OperationKind.PropertyReference);
        start.RegisterOperationAction(
            context => NewRefFlow.Analyze(context, context.GetControlFlowGraph(), newRef),
            OperationKind.MethodBody,
            OperationKind.ConstructorBody);
    }

    /// <summary>A call that returns a new reference, where nothing takes the reference.</summary>
    private static void AnalyzeProduced(OperationAnalysisContext context, INamedTypeSymbol newRef)
    {
        IOperation produced = context.Operation;
        if (!KnownTypes.Is(produced.Type, newRef) || KnownTypes.Is(ContainingTypeOf(produced), newRef) || !IsDropped(produced))
        {
            return;
        }

        string what = produced switch
        {
            IInvocationOperation invocation => $"the new reference returned by '{invocation.TargetMethod.Name}' is dropped here",
            IPropertyReferenceOperation property => $"the new reference returned by '{property.Property.Name}' is dropped here",
            _ => "a new reference is dropped here",
        };
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.NewRefLeaked, produced.Syntax.GetLocation(), what));
    }

    private static ITypeSymbol? ContainingTypeOf(IOperation operation) => operation switch
    {
        IInvocationOperation invocation => invocation.TargetMethod.ContainingType,
        IPropertyReferenceOperation property => property.Property.ContainingType,
        _ => null,
    };

    /// <summary>Whether the value is thrown away: a statement of its own, a discard, or only a borrowing member read on it.</summary>
    private static bool IsDropped(IOperation produced)
    {
        switch (produced.Parent)
        {
            case IExpressionStatementOperation:
                return true;
            case ISimpleAssignmentOperation { Target: IDiscardOperation } assignment when assignment.Value == produced:
                return true;
            case IPropertyReferenceOperation property when property.Instance == produced:
                return BorrowingMembers.Contains(property.Property.Name);
            case IInvocationOperation invocation when invocation.Instance == produced:
                return BorrowingMembers.Contains(invocation.TargetMethod.Name);
            default:
                return false;
        }
    }
}
