using Microsoft.CodeAnalysis;

namespace Reclaim.Generators.Tests.Support;

/// <summary>What one generator run produced.</summary>
/// <param name="Sources">Generated sources by hint name.</param>
/// <param name="Compilation">The input compilation with the generated sources added.</param>
internal sealed record GeneratorOutcome(IReadOnlyDictionary<string, string> Sources, Compilation Compilation);
