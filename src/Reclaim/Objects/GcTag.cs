namespace Reclaim;

/// <summary>
/// Which collector list an object is in. Generations 0–2 and the permanent generation are the
/// <c>gc</c> module's; <see cref="Unreachable"/> marks objects a running collection found to be garbage.
/// </summary>
internal static class GcTag
{
    public const byte Generation0 = 0;
    public const byte Generation1 = 1;
    public const byte Generation2 = 2;
    public const byte Permanent = 3;
    public const byte Unreachable = 4;
    public const byte ListCount = 5;

    /// <summary>The object is not in any collector list (a leaf, or freed, or not yet adopted).</summary>
    public const byte Untracked = 0xFF;
}
