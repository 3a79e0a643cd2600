namespace Reclaim.Generators.Model;

/// <summary>One reference member as the emitter needs it.</summary>
/// <param name="Name">The member's name.</param>
/// <param name="Kind">How it holds references.</param>
/// <param name="Referent">The fully qualified runtime type it refers to.</param>
internal sealed record ReferenceMemberModel(string Name, ReferenceKind Kind, string Referent);
