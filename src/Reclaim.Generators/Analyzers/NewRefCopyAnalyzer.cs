using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Reclaim.Generators.Analyzers;

/// <summary>
/// The copy traps of <c>NewRef&lt;T&gt;</c>, under the ids of the same traps for <c>RcField&lt;T&gt;</c>: a variable
/// holding one read into a second owner (RCL0009), and one kept in a field or property or as a type argument of a
/// .NET collection (RCL0010), where it outlives the few statements it is meant for.
/// </summary>
/// <remarks>
/// Handing the reference on is a move, not a copy: passing it to a <c>NewRef&lt;T&gt;</c> parameter, returning it,
/// calling its members. A copy is what makes a second variable own the same count: <c>var b = a;</c>, <c>b = a;</c>,
/// a boxing or other conversion, a parameter of another type (<c>object</c>, a generic <c>T</c>), a tuple or array
/// element. Delegates that produce or take one (<c>Func&lt;NewRef&lt;T&gt;&gt;</c>) are not holders.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NewRefCopyAnalyzer : ReclaimAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        [DiagnosticDescriptors.RcFieldCopiedByValue, DiagnosticDescriptors.RcFieldInStructOrCollection];

    private protected override void Register(CompilationStartAnalysisContext start, KnownTypes known)
    {
        if (known.NewRef is null)
        {
            return;
        }

        start.RegisterOperationAction(
            context => AnalyzeRead(context, known),
            OperationKind.LocalReference,
            OperationKind.ParameterReference,
            OperationKind.FieldReference);
        start.RegisterSymbolAction(context => AnalyzeDeclaration(context, known), SymbolKind.Field, SymbolKind.Property);
    }

    private static void AnalyzeRead(OperationAnalysisContext context, KnownTypes known)
    {
        IOperation read = context.Operation;
        if (!KnownTypes.Is(read.Type, known.NewRef) || !IsCopy(read, known))
        {
            return;
        }

        string name = read.Syntax.ToString();
        string why = "NewRef<T> owns one reference, and a copy makes two owners of one count (one of them releases a reference it no longer owns); "
            + "hand it on directly (RcField.Set, RcList.Add, a NewRef<T> parameter, return) instead";
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.RcFieldCopiedByValue, read.Syntax.GetLocation(), name, why));
    }

    /// <summary>Whether reading the variable here puts the same count into a second owner.</summary>
    private static bool IsCopy(IOperation read, KnownTypes known)
    {
        switch (read.Parent)
        {
            case IVariableInitializerOperation:
                return true;
            case ISimpleAssignmentOperation assignment when assignment.Value == read:
                return assignment.Target is not IDiscardOperation;
            case IConversionOperation:
            case ITupleOperation:
            case IArrayInitializerOperation:
                return true;
            case IArgumentOperation { Parameter: { } parameter } when parameter.RefKind == RefKind.None:
                // A NewRef<T> parameter takes the reference over; any other (object, a generic T) keeps a copy.
                return !KnownTypes.Is(parameter.OriginalDefinition.Type, known.NewRef);
            default:
                return false;
        }
    }

    private static void AnalyzeDeclaration(SymbolAnalysisContext context, KnownTypes known)
    {
        ISymbol symbol = context.Symbol;
        if (symbol.IsImplicitlyDeclared || symbol.Locations.IsEmpty || !symbol.Locations[0].IsInSource
            || KnownTypes.Is(symbol.ContainingType, known.NewRef))
        {
            return;
        }

        ITypeSymbol? type = symbol switch
        {
            IFieldSymbol field => field.Type,
            IPropertySymbol property => property.Type,
            _ => null,
        };
        if (type is null || !Holds(type, known))
        {
            return;
        }

        string what = "a NewRef<T> in a " + (symbol is IFieldSymbol ? "field" : "property")
            + ": a new reference lives for a few statements and is handed on or released; keep a reference in an Owned<T> "
            + "(an ordinary .NET object's field) or an RcField<T> (a runtime object's field)";
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.RcFieldInStructOrCollection, symbol.Locations[0], symbol.Name, what));
    }

    /// <summary>Whether values of <paramref name="type"/> keep a <c>NewRef&lt;T&gt;</c>: the type itself, an array of it, a generic holder of it.</summary>
    private static bool Holds(ITypeSymbol type, KnownTypes known)
    {
        if (KnownTypes.Is(type, known.NewRef))
        {
            return true;
        }

        if (type is IArrayTypeSymbol array)
        {
            return Holds(array.ElementType, known);
        }

        return type is INamedTypeSymbol { IsGenericType: true } generic && generic.TypeKind != TypeKind.Delegate
            && generic.TypeArguments.Any(argument => Holds(argument, known));
    }
}
