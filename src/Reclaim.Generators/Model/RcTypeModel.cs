namespace Reclaim.Generators.Model;

/// <summary>Everything the emitter needs to write one <c>[RcType]</c> class's <c>TraverseReferences</c> and <c>Clear</c>.</summary>
/// <param name="HintName">The generated file's name, unique in the compilation.</param>
/// <param name="Namespace">The class's namespace, or <see langword="null"/> for the global namespace.</param>
/// <param name="Containers">Enclosing types, outermost first.</param>
/// <param name="Name">The class's name with type parameters, as written in a declaration.</param>
/// <param name="Accessibility">The hooks' accessibility: <c>protected</c>, or <c>protected internal</c> where Reclaim's internals are visible.</param>
/// <param name="ChainToBase">Whether a base class other than <c>RcObject</c> exists whose traversal must be chained.</param>
/// <param name="Members">The reference members, in declaration order.</param>
internal sealed record RcTypeModel(
    string HintName,
    string? Namespace,
    EquatableArray<ContainingTypeModel> Containers,
    string Name,
    string Accessibility,
    bool ChainToBase,
    EquatableArray<ReferenceMemberModel> Members);
