using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Reclaim.Generators.Analyzers;

/// <summary>
/// The copy traps of a mutable struct: an <c>RcField&lt;T&gt;</c> read as a value (RCL0009), and one declared inside a
/// struct or used as a type argument of a .NET collection (RCL0010), where every access is a copy.
/// </summary>
/// <remarks>
/// Syntax-and-binding level only: it sees each read where it happens. It does not follow a ref local or a
/// <c>ref</c> return to where the reference ends up, and it does not see copies made by code outside the compilation.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RcFieldCopyAnalyzer : ReclaimAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        [DiagnosticDescriptors.RcFieldCopiedByValue, DiagnosticDescriptors.RcFieldInStructOrCollection];

    private protected override void Register(CompilationStartAnalysisContext start, KnownTypes known)
    {
        if (known.RcField is null)
        {
            return;
        }

        start.RegisterOperationAction(
            context => AnalyzeRead(context, known),
            OperationKind.FieldReference,
            OperationKind.ArrayElementReference);
        start.RegisterSymbolAction(context => AnalyzeDeclaration(context, known), SymbolKind.Field, SymbolKind.Property);
    }

    private static void AnalyzeRead(OperationAnalysisContext context, KnownTypes known)
    {
        IOperation read = context.Operation;
        if (!KnownTypes.Is(read.Type, known.RcField) || IsInPlace(read))
        {
            return;
        }

        string name = read is IFieldReferenceOperation field ? field.Field.Name : read.Syntax.ToString();
        string why = $"RcField<T> is a struct, so Set or Clear on the copy changes counts while '{name}' keeps its old value; use it in place ('{name}.Set(...)', '{name}.Value') or through a ref local";
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.RcFieldCopiedByValue, read.Syntax.GetLocation(), name, why));
    }

    /// <summary>
    /// Whether the field is used where it lives: a call or member read on it, a by-reference pass, a ref local or ref
    /// conditional, an assignment target, a pattern that only reads it.
    /// </summary>
    private static bool IsInPlace(IOperation read)
    {
        IOperation? parent = read.Parent;
        switch (parent)
        {
            case IInvocationOperation invocation when invocation.Instance == read:
            case IMemberReferenceOperation member when member.Instance == read:
            case IArgumentOperation { Parameter.RefKind: not RefKind.None }:
            case IAssignmentOperation assignment when assignment.Target == read:
            case INameOfOperation:
            case IConditionalOperation { IsRef: true }:
            case IPropertySubpatternOperation or IPatternOperation:
                return true;
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                return declarator.Symbol.RefKind != RefKind.None;
            case ISimpleAssignmentOperation { IsRef: true }:
                return true;
            case IReturnOperation when read.SemanticModel?.GetEnclosingSymbol(read.Syntax.SpanStart) is IMethodSymbol { RefKind: not RefKind.None }:
                return true;
            default:
                return false;
        }
    }

    private static void AnalyzeDeclaration(SymbolAnalysisContext context, KnownTypes known)
    {
        ISymbol symbol = context.Symbol;
        if (symbol.IsImplicitlyDeclared || symbol.Locations.IsEmpty || !symbol.Locations[0].IsInSource)
        {
            return;
        }

        ITypeSymbol? type = symbol switch
        {
            IFieldSymbol field => field.Type,
            IPropertySymbol property => property.Type,
            _ => null,
        };
        if (type is null)
        {
            return;
        }

        if (symbol is IFieldSymbol && !symbol.IsStatic && symbol.ContainingType.TypeKind == TypeKind.Struct
            && KnownTypes.Is(type, known.RcField) && !KnownTypes.Is(symbol.ContainingType, known.RcField))
        {
            Report(context, symbol, "inside the struct '" + symbol.ContainingType.Name + "'");
            return;
        }

        // A span of fields refers to them in place; every other generic holder stores copies.
        if (type is INamedTypeSymbol { IsGenericType: true, IsRefLikeType: false } generic && !KnownTypes.Is(generic, known.RcField)
            && generic.TypeArguments.Any(argument => KnownTypes.Is(argument, known.RcField)))
        {
            Report(context, symbol, "as a type argument of '" + generic.Name + "'");
        }
    }

    private static void Report(SymbolAnalysisContext context, ISymbol symbol, string where)
    {
        string what = $"RcField<T> {where}: every read copies the field, so its stores and releases act on copies and the collector never sees it; hold the reference in an RcField<T> field, an RcField<T>[] or an RcList<T> of a runtime object";
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.RcFieldInStructOrCollection, symbol.Locations[0], symbol.Name, what));
    }
}
