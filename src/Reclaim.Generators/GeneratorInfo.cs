namespace Reclaim.Generators;

/// <summary>How generated members are marked (<c>[GeneratedCode(Name, Version)]</c>), so that analyzers tell them from hand-written ones.</summary>
internal static class GeneratorInfo
{
    public const string Name = "Reclaim.Generators";

    public const string Version = "1.0.0";
}
