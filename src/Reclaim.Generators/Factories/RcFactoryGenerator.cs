using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Reclaim.Generators.Factories;

/// <summary>
/// Registers a direct constructor call (<c>RcFactory&lt;T&gt;.Register(static () =&gt; new T())</c>) from a module
/// initializer for every class marked <c>[RcType]</c> that <c>Runtime.New&lt;T&gt;()</c> can construct: a non-abstract,
/// non-generic runtime object with a public parameterless constructor, visible to the whole assembly. Without it,
/// <c>new T()</c> in the runtime's shared generic code goes through <c>Activator</c>'s constructor cache on every call.
/// </summary>
/// <remarks>
/// Independent of the hooks <see cref="RcTypeGenerator"/> writes: a leaf, or a class whose hooks are written by hand,
/// is constructed just as often. The registration lives in a file-local class of its own, so the marked class
/// gains no member and need not be partial.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class RcFactoryGenerator : IIncrementalGenerator
{
    /// <summary>Registers the pipeline: classes marked <c>[RcType]</c> → constructible ones → a registration each.</summary>
    /// <param name="context">The generator's initialization context.</param>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<RcFactoryModel> models = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownTypes.RcTypeAttributeName,
                predicate: static (node, _) => node is ClassDeclarationSyntax,
                transform: static (syntax, _) => Describe(syntax))
            .Where(static model => model is not null)
            .Select(static (model, _) => model!);

        context.RegisterSourceOutput(models, static (output, model) => output.AddSource(model.HintName, RcFactoryEmitter.Emit(model)));
    }

    /// <summary>The registration to write for one marked class, or <see langword="null"/> when it cannot have one.</summary>
    internal static RcFactoryModel? Describe(GeneratorAttributeSyntaxContext syntax)
    {
        if (syntax.TargetSymbol is not INamedTypeSymbol type
            || KnownTypes.From(syntax.SemanticModel.Compilation) is not { } known
            || !known.DerivesFromRcObject(type)
            || type.IsAbstract
            || type.IsStatic
            || !VisibleToAssembly(type)
            || !type.InstanceConstructors.Any(static c => c.Parameters.Length == 0 && c.DeclaredAccessibility == Accessibility.Public))
        {
            return null;
        }

        return new RcFactoryModel(
            HintName: RcTypeGenerator.HintName(type) + ".RcFactory.g.cs",
            TypeName: type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat));
    }

    /// <summary>Non-generic, and it and every type enclosing it public or internal: a module initializer can name it.</summary>
    private static bool VisibleToAssembly(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            if (current.TypeParameters.Length != 0
                || current.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal))
            {
                return false;
            }
        }

        return true;
    }
}
