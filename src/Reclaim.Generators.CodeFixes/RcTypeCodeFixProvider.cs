using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Reclaim.Generators.CodeFixes;

/// <summary>
/// The two obvious fixes: RCL0004 (an <c>[RcType]</c> class that is not partial) gets <c>partial</c> on the class and
/// every type around it; RCL0002 (reference members nobody traverses) gets <c>[RcType]</c> and <c>partial</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RcTypeCodeFixProvider))]
[Shared]
public sealed class RcTypeCodeFixProvider : CodeFixProvider
{
    private const string UntracedReferences = "RCL0002";
    private const string RcTypeNotPartial = "RCL0004";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [UntracedReferences, RcTypeNotPartial];

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(context.Span).FirstAncestorOrSelf<ClassDeclarationSyntax>() is not { } declaration)
        {
            return;
        }

        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            bool addAttribute = diagnostic.Id == UntracedReferences;
            string title = addAttribute ? "Generate the traversal with [RcType]" : "Make the class partial";
            context.RegisterCodeFix(
                CodeAction.Create(title, _ => Task.FromResult(context.Document.WithSyntaxRoot(Fix(root, declaration, addAttribute))), equivalenceKey: diagnostic.Id),
                diagnostic);
        }
    }

    private static SyntaxNode Fix(SyntaxNode root, ClassDeclarationSyntax declaration, bool addAttribute)
    {
        TypeDeclarationSyntax[] targets = [.. declaration.AncestorsAndSelf().OfType<TypeDeclarationSyntax>()];
        return root.ReplaceNodes(targets, (original, rewritten) =>
        {
            TypeDeclarationSyntax result = MakePartial(rewritten);
            if (addAttribute && original == declaration)
            {
                result = AddRcType(root, result);
            }

            return result;
        });
    }

    private static TypeDeclarationSyntax MakePartial(TypeDeclarationSyntax declaration)
    {
        if (declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            return declaration;
        }

        // 'partial' goes last among the modifiers, right before the type keyword, where C# requires it.
        if (declaration.Modifiers.Count == 0)
        {
            SyntaxToken keyword = declaration.Keyword;
            SyntaxToken partial = SyntaxFactory.Token(keyword.LeadingTrivia, SyntaxKind.PartialKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space));
            return declaration.WithKeyword(keyword.WithLeadingTrivia(SyntaxFactory.TriviaList())).WithModifiers(SyntaxFactory.TokenList(partial));
        }

        return declaration.AddModifiers(SyntaxFactory.Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space));
    }

    private static TypeDeclarationSyntax AddRcType(SyntaxNode root, TypeDeclarationSyntax declaration)
    {
        // Written the way the file already refers to Reclaim, ending its line the way the file's lines end.
        bool imported = root.DescendantNodes(node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax)
            .OfType<UsingDirectiveSyntax>()
            .Any(directive => directive.Alias is null && directive.Name?.ToString() == "Reclaim");
        SyntaxTrivia newline = root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) is { RawKind: not 0 } existing
            ? existing
            : SyntaxFactory.LineFeed;
        SyntaxTriviaList leading = declaration.GetLeadingTrivia();
        SyntaxTriviaList indentation = SyntaxFactory.TriviaList(leading.Reverse().TakeWhile(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).Reverse());
        AttributeListSyntax attribute = SyntaxFactory.AttributeList(
                SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Attribute(SyntaxFactory.ParseName(imported ? "RcType" : "Reclaim.RcType"))))
            .WithLeadingTrivia(leading)
            .WithTrailingTrivia(newline);
        TypeDeclarationSyntax stripped = declaration.WithoutLeadingTrivia().WithLeadingTrivia(indentation);
        return stripped.WithAttributeLists(stripped.AttributeLists.Insert(0, attribute));
    }
}
