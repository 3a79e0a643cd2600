using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Reclaim.Generators.Model;

namespace Reclaim.Generators;

/// <summary>
/// Writes <c>TraverseReferences</c> and <c>ClearReferences</c> for every <c>partial</c> class deriving from <c>RcObject</c> that is marked
/// <c>[RcType]</c>. A class the generator cannot serve (not partial, not a runtime object, hooks written by hand) gets
/// nothing here and a diagnostic from <see cref="Analyzers.RcTypeUsageAnalyzer"/>; a class with no reference member gets
/// nothing either, so it stays an untracked leaf.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class RcTypeGenerator : IIncrementalGenerator
{
    private static readonly SymbolDisplayFormat s_declarationName = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameOnly,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers);

    /// <summary>Registers the pipeline: classes marked <c>[RcType]</c> → models → generated source.</summary>
    /// <param name="context">The generator's initialization context.</param>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<RcTypeModel> models = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownTypes.RcTypeAttributeName,
                predicate: static (node, _) => node is ClassDeclarationSyntax,
                transform: static (syntax, cancellationToken) => Describe(syntax, cancellationToken))
            .Where(static model => model is not null)
            .Select(static (model, _) => model!);

        context.RegisterSourceOutput(models, static (output, model) => output.AddSource(model.HintName, RcTypeEmitter.Emit(model)));
    }

    /// <summary>The model of one marked class, or <see langword="null"/> when nothing is to be generated for it.</summary>
    internal static RcTypeModel? Describe(GeneratorAttributeSyntaxContext syntax, CancellationToken cancellationToken)
    {
        if (syntax.TargetSymbol is not INamedTypeSymbol type || KnownTypes.From(syntax.SemanticModel.Compilation) is not { } known)
        {
            return null;
        }

        if (!known.DerivesFromRcObject(type)
            || PartialDeclarations.FirstNonPartial(type, cancellationToken) is not null
            || KnownTypes.DeclaredOverride(type, known.TraverseReferences) is not null
            || KnownTypes.DeclaredOverride(type, known.ClearReferences) is not null)
        {
            return null;
        }

        List<ReferenceMember> members = ReferenceMembers.Declared(type, known);
        if (members.Count == 0)
        {
            return null;
        }

        Compilation compilation = syntax.SemanticModel.Compilation;
        IAssemblySymbol runtime = known.RcObject.ContainingAssembly;
        bool seesInternals = SymbolEqualityComparer.Default.Equals(runtime, compilation.Assembly) || runtime.GivesAccessTo(compilation.Assembly);

        return new RcTypeModel(
            HintName: HintName(type) + ".RcType.g.cs",
            Namespace: type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString(),
            Containers: Containers(type),
            Name: type.ToDisplayString(s_declarationName),
            Accessibility: seesInternals ? "protected internal" : "protected",
            ChainToBase: type.BaseType is { } baseType && !KnownTypes.Is(baseType, known.RcObject),
            Members: new EquatableArray<ReferenceMemberModel>(members.Select(Describe).ToImmutableArray()));
    }

    private static ReferenceMemberModel Describe(ReferenceMember member) =>
        new(Escape(member.Name), member.Kind, member.Referent.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat));

    private static EquatableArray<ContainingTypeModel> Containers(INamedTypeSymbol type)
    {
        List<ContainingTypeModel> containers = [];
        for (INamedTypeSymbol? current = type.ContainingType; current is not null; current = current.ContainingType)
        {
            containers.Insert(0, new ContainingTypeModel(Keyword(current), current.ToDisplayString(s_declarationName)));
        }

        return new EquatableArray<ContainingTypeModel>([.. containers]);
    }

    private static string Keyword(INamedTypeSymbol type) => type switch
    {
        { TypeKind: TypeKind.Interface } => "interface",
        { IsRecord: true, TypeKind: TypeKind.Struct } => "record struct",
        { IsRecord: true } => "record",
        { TypeKind: TypeKind.Struct } => "struct",
        _ => "class",
    };

    internal static string HintName(INamedTypeSymbol type)
    {
        string name = type.MetadataName;
        for (INamedTypeSymbol? current = type.ContainingType; current is not null; current = current.ContainingType)
        {
            name = current.MetadataName + "." + name;
        }

        if (!type.ContainingNamespace.IsGlobalNamespace)
        {
            name = type.ContainingNamespace.ToDisplayString() + "." + name;
        }

        return name.Replace('`', '_');
    }

    private static string Escape(string identifier) =>
        SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None ? "@" + identifier : identifier;
}
