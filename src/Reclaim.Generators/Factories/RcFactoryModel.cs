namespace Reclaim.Generators.Factories;

/// <summary>One constructor registration to write.</summary>
/// <param name="HintName">The generated file's name, unique in the compilation.</param>
/// <param name="TypeName">The class's fully qualified name (<c>global::…</c>).</param>
internal sealed record RcFactoryModel(string HintName, string TypeName);
