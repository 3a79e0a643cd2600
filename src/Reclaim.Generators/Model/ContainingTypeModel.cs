namespace Reclaim.Generators.Model;

/// <summary>A type that encloses the generated one, re-declared as partial around it.</summary>
/// <param name="Keyword">How it is declared: <c>class</c>, <c>struct</c>, <c>interface</c>, <c>record</c> or <c>record struct</c>.</param>
/// <param name="Name">Its name with type parameters, as written in a declaration.</param>
internal sealed record ContainingTypeModel(string Keyword, string Name);
