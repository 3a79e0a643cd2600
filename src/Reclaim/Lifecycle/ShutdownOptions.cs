namespace Reclaim;

/// <summary>How <see cref="Runtime.Shutdown"/> ends a runtime.</summary>
public sealed class ShutdownOptions
{
    /// <summary>The defaults: every step, up to five final collections.</summary>
    public static ShutdownOptions Default { get; } = new();

    /// <summary>
    /// Skip the final collections and the release of registered roots: cyclic garbage and everything the roots
    /// hold is abandoned to .NET (their finalizers and free hooks never run). The report says what was skipped.
    /// At-exit callbacks still run. For processes that are about to exit anyway.
    /// </summary>
    public bool FastExit { get; init; }

    /// <summary>
    /// The most full collections run before the roots are released; they stop early once one frees nothing
    /// (Gecko stops at 5 too: finalizers that keep creating garbage must not hold shutdown hostage). Default 5.
    /// </summary>
    public int MaxFinalCollections
    {
        get => _maxFinalCollections;
        init => _maxFinalCollections = value >= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(MaxFinalCollections), value, "At least one final collection is needed; use FastExit to skip them.");
    }

    private readonly int _maxFinalCollections = 5;
}
