using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Reclaim.Generators.Analyzers;
using Reclaim.Generators.CodeFixes;
using Reclaim.Generators.Tests.Support;

namespace Reclaim.Generators.Tests.Analyzers;

/// <summary>The code fixes for RCL0004 (make partial) and RCL0002 (add [RcType]): input → the fixed source.</summary>
public sealed class CodeFixTests
{
    [Fact]
    public void MakePartial_ClassAndItsContainer_BothBecomePartial()
    {
        string fixedSource = ApplyFix("RCL0004", """
            using Reclaim;

            public class Outer
            {
                [RcType]
                public sealed class Node : RcObject
                {
                    public RcField<Node> Next;
                }
            }
            """);

        SourceAssert.Equal("""
            using Reclaim;

            public partial class Outer
            {
                [RcType]
                public sealed partial class Node : RcObject
                {
                    public RcField<Node> Next;
                }
            }
            """, fixedSource);
    }

    [Fact]
    public void AddRcType_UntracedClass_GetsTheAttributeAndPartial()
    {
        string fixedSource = ApplyFix("RCL0002", """
            using Reclaim;

            namespace Sample
            {
                /// <summary>A field descriptor.</summary>
                [System.Serializable]
                internal sealed class CField : RcObject
                {
                    public RcField<RcObject> Type;
                }
            }
            """);

        SourceAssert.Equal("""
            using Reclaim;

            namespace Sample
            {
                /// <summary>A field descriptor.</summary>
                [RcType]
                [System.Serializable]
                internal sealed partial class CField : RcObject
                {
                    public RcField<RcObject> Type;
                }
            }
            """, fixedSource);
    }

    [Fact]
    public void AddRcType_WithoutUsingReclaim_QualifiesTheAttributeAndFixesTheDiagnostic()
    {
        const string source = """
            class Untraced : Reclaim.RcObject
            {
                public Reclaim.RcField<Reclaim.RcObject> Next;
            }
            """;

        string fixedSource = ApplyFix("RCL0002", source);

        SourceAssert.Equal("""
            [Reclaim.RcType]
            partial class Untraced : Reclaim.RcObject
            {
                public Reclaim.RcField<Reclaim.RcObject> Next;
            }
            """, fixedSource);
        Assert.Empty(TestCompilation.Analyze(fixedSource));
    }

    private static string ApplyFix(string id, string source)
    {
        using AdhocWorkspace workspace = new();
        CSharpCompilation compilation = TestCompilation.Create("Fixed", source);
        Project project = workspace.AddProject("Fixed", LanguageNames.CSharp)
            .WithCompilationOptions(compilation.Options)
            .WithParseOptions(new CSharpParseOptions(LanguageVersion.Latest))
            .WithMetadataReferences(compilation.References);
        Document document = project.AddDocument("Input.cs", source);

        Compilation built = document.Project.GetCompilationAsync().GetAwaiter().GetResult()!;
        ImmutableArray<DiagnosticAnalyzer> analyzers = [new ReferenceMemberAnalyzer(), new RcTypeUsageAnalyzer()];
        Diagnostic diagnostic = Assert.Single(built.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult(), d => d.Id == id);

        RcTypeCodeFixProvider provider = new();
        List<CodeAction> actions = [];
        CodeFixContext context = new(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        provider.RegisterCodeFixesAsync(context).GetAwaiter().GetResult();
        CodeAction fix = Assert.Single(actions);

        ApplyChangesOperation apply = Assert.Single(fix.GetOperationsAsync(CancellationToken.None).GetAwaiter().GetResult().OfType<ApplyChangesOperation>());
        return apply.ChangedSolution.GetDocument(document.Id)!.GetTextAsync().GetAwaiter().GetResult().ToString();
    }
}
