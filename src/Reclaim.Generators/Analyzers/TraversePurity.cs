using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;

namespace Reclaim.Generators.Analyzers;

/// <summary>
/// Decides, one operation at a time, whether a traversal stays pure: an allow-list of what reading and visiting
/// needs, and a description of what is wrong with anything else.
/// </summary>
internal sealed class TraversePurity(KnownTypes known)
{
    /// <summary>What <paramref name="operation"/> does that a traversal must not, or <see langword="null"/> if it is allowed.</summary>
    public string? Violation(IOperation operation) => operation switch
    {
        IInvocationOperation invocation => Invocation(invocation),
        IPropertyReferenceOperation property => AllowedProperty(property.Property) ? null : Describe(property.Property, "reads"),
        IObjectCreationOperation or ITypeParameterObjectCreationOperation or IAnonymousObjectCreationOperation or IDynamicObjectCreationOperation
            => $"allocates ('{Brief(operation)}')",
        IArrayCreationOperation or IDelegateCreationOperation or IAnonymousFunctionOperation or IInterpolatedStringOperation
            => $"allocates ('{Brief(operation)}')",
        IConversionOperation conversion => Conversion(conversion),
        IBinaryOperation { OperatorMethod: { } method } => Describe(method, "calls"),
        IUnaryOperation { OperatorMethod: { } method } => Describe(method, "calls"),
        IIncrementOrDecrementOperation { OperatorMethod: { } method } => Describe(method, "calls"),
        ICompoundAssignmentOperation { OperatorMethod: { } method } => Describe(method, "calls"),
        IAssignmentOperation assignment => assignment.Target is ILocalReferenceOperation or IDiscardOperation ? null : $"writes to '{Brief(assignment.Target)}'",
        IIncrementOrDecrementOperation increment => increment.Target is ILocalReferenceOperation ? null : $"writes to '{Brief(increment.Target)}'",
        IForEachLoopOperation loop => AllowedCollection(loop.Collection) ? null : $"runs enumerator code (foreach over '{Brief(loop.Collection)}')",
        IThrowOperation => "throws an exception",
        ITryOperation => "catches or defers work (a try statement)",
        IUsingOperation or IUsingDeclarationOperation => "runs Dispose (a using statement)",
        ILockOperation => "takes a lock",
        IEventAssignmentOperation => "subscribes to an event",
        IInvalidOperation => null,
        _ => AllowedKind(operation.Kind) ? null : $"does something other than visiting ('{Brief(operation)}')",
    };

    private string? Invocation(IInvocationOperation invocation)
    {
        if (TraverseMethods.IsVisit(invocation.TargetMethod, known) || TraverseMethods.IsBaseTraverse(invocation, known))
        {
            return null;
        }

        return Describe(invocation.TargetMethod, "calls");
    }

    private string? Conversion(IConversionOperation conversion)
    {
        // An array's conversion to a span is a user-defined operator, and a pure one: it is how arrays reach Visit.
        if (conversion.OperatorMethod is { } method && !IsSpan(method.ContainingType.OriginalDefinition))
        {
            return Describe(method, "calls");
        }

        return conversion.GetConversion().IsBoxing ? $"allocates (boxes '{Brief(conversion.Operand)}')" : null;
    }

    private string Describe(ISymbol member, string verb)
    {
        string name = $"{member.ContainingType?.Name}.{member.Name}";
        INamedTypeSymbol? owner = member.ContainingType?.OriginalDefinition;
        if (ChangesCounts(member, owner))
        {
            return $"changes a reference count ({verb} '{name}')";
        }

        if (owner is not null && SymbolEqualityComparer.Default.Equals(owner.ContainingAssembly, known.RcObject.ContainingAssembly))
        {
            return $"calls into the runtime ({verb} '{name}')";
        }

        if (owner is { TypeKind: TypeKind.Delegate })
        {
            return $"runs other code (invokes the delegate '{owner.Name}')";
        }

        return $"runs other code ({verb} '{name}')";
    }

    private bool ChangesCounts(ISymbol member, INamedTypeSymbol? owner)
    {
        if (KnownTypes.Is(owner, known.RcField) || KnownTypes.Is(owner, known.RcList) || KnownTypes.Is(owner, known.Owned))
        {
            return member is IMethodSymbol;
        }

        return member.Name is "AddRef" or "Release" && known.IsRuntimeObject(owner);
    }

    private bool AllowedProperty(IPropertySymbol property)
    {
        INamedTypeSymbol owner = property.ContainingType.OriginalDefinition;
        if (KnownTypes.Is(owner, known.RcField))
        {
            return property.Name is "Value" or "IsNull";
        }

        if (KnownTypes.Is(owner, known.RcList))
        {
            return property.Name is "Count" || property.IsIndexer;
        }

        return owner.SpecialType == SpecialType.System_Array
            ? property.Name is "Length"
            : IsSpan(owner) && (property.Name is "Length" || property.IsIndexer);
    }

    private bool AllowedCollection(IOperation collection)
    {
        IOperation source = collection is IConversionOperation { OperatorMethod: null } conversion ? conversion.Operand : collection;
        return source.Type is IArrayTypeSymbol
            || (source.Type is INamedTypeSymbol named && (IsSpan(named.OriginalDefinition) || KnownTypes.Is(named, known.RcList)));
    }

    private static bool IsSpan(INamedTypeSymbol type) =>
        type is { Name: "Span" or "ReadOnlySpan", Arity: 1, ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };

    private static bool AllowedKind(OperationKind kind) => kind switch
    {
        OperationKind.Block or OperationKind.MethodBody or OperationKind.ExpressionStatement or OperationKind.Empty
            or OperationKind.VariableDeclarationGroup or OperationKind.VariableDeclaration or OperationKind.VariableDeclarator
            or OperationKind.VariableInitializer or OperationKind.LocalReference or OperationKind.ParameterReference
            or OperationKind.InstanceReference or OperationKind.FieldReference or OperationKind.ArrayElementReference
            or OperationKind.Literal or OperationKind.DefaultValue or OperationKind.NameOf or OperationKind.Argument
            or OperationKind.Return or OperationKind.Conditional or OperationKind.Coalesce or OperationKind.ConditionalAccess
            or OperationKind.ConditionalAccessInstance or OperationKind.Binary or OperationKind.Unary or OperationKind.Loop
            or OperationKind.Branch or OperationKind.Labeled or OperationKind.IsNull or OperationKind.IsType
            or OperationKind.IsPattern or OperationKind.ConstantPattern or OperationKind.TypePattern
            or OperationKind.DeclarationPattern or OperationKind.NegatedPattern or OperationKind.BinaryPattern
            or OperationKind.RelationalPattern or OperationKind.DiscardPattern or OperationKind.RecursivePattern
            or OperationKind.PropertySubpattern or OperationKind.Discard
            or OperationKind.Parenthesized or OperationKind.SizeOf or OperationKind.TypeOf => true,
        _ => false,
    };

    private static string Brief(IOperation operation)
    {
        string text = operation.Syntax.ToString();
        int newline = text.IndexOfAny(['\r', '\n']);
        if (newline >= 0)
        {
            text = text.Substring(0, newline) + " …";
        }

        return text.Length > 60 ? text.Substring(0, 57) + "..." : text;
    }
}
