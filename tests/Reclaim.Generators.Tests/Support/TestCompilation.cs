using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Reclaim.Generators.Analyzers;

namespace Reclaim.Generators.Tests.Support;

/// <summary>
/// Compiles test sources against the running framework and the Reclaim runtime, runs the generator on them, and
/// runs every Reclaim analyzer on the result — the same order a real build uses.
/// </summary>
internal static class TestCompilation
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(LoadReferences);

    private static readonly ImmutableArray<DiagnosticAnalyzer> s_analyzers =
        [new TraverseCoverageAnalyzer(), new TraversePurityAnalyzer(), new RcTypeUsageAnalyzer(), new ReferenceMemberAnalyzer(), new RcFieldCopyAnalyzer(), new NewRefCopyAnalyzer(), new NewRefLeakAnalyzer()];

    /// <summary>A compilation of <paramref name="sources"/> (one file each) referencing the runtime.</summary>
    public static CSharpCompilation Create(string assemblyName, params string[] sources) =>
        CSharpCompilation.Create(
            assemblyName,
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest), path: $"Input{i}.cs")),
            s_references.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>Runs the generator on a compilation of <paramref name="sources"/>.</summary>
    public static GeneratorOutcome Generate(params string[] sources) => Generate(Create("Consumer", sources));

    /// <summary>Runs the hooks generator, or <paramref name="generator"/>, on <paramref name="compilation"/>.</summary>
    public static GeneratorOutcome Generate(CSharpCompilation compilation, IIncrementalGenerator? generator = null)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(generator ?? new RcTypeGenerator());
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);
        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        Assert.Empty(generatorDiagnostics);
        Dictionary<string, string> sources = result.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        return new GeneratorOutcome(sources, output);
    }

    /// <summary>
    /// Generates, then runs the analyzers; returns their diagnostics sorted by position. Fails if the sources plus the
    /// generated code do not compile, so that a test can never pass on broken input.
    /// </summary>
    public static IReadOnlyList<Diagnostic> Analyze(params string[] sources)
    {
        Compilation output = Generate(sources).Compilation;
        CompilerErrorsAssert.None(output);
        ImmutableArray<Diagnostic> diagnostics = output.WithAnalyzers(s_analyzers).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        return [.. diagnostics.OrderBy(d => d.Location.SourceSpan.Start)];
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        string platform = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        List<MetadataReference> references = [];
        foreach (string path in platform.Split(Path.PathSeparator))
        {
            string name = Path.GetFileNameWithoutExtension(path);
            if (name.StartsWith("System", StringComparison.Ordinal) || name is "mscorlib" or "netstandard")
            {
                references.Add(MetadataReference.CreateFromFile(path));
            }
        }

        references.Add(MetadataReference.CreateFromFile(typeof(RcObject).Assembly.Location));
        return [.. references];
    }
}
