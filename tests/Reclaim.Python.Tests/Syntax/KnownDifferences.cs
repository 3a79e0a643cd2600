namespace Reclaim.Python.Tests.Syntax;

/// <summary>
/// Inputs where Reclaim's parser still differs from CPython's, each listed in docs/python.md with its reason. The
/// lists only shrink: a fixed entry is removed, and a new difference fails its test.
/// </summary>
internal static class KnownDifferences
{
    /// <summary>Indices into bad-snippets.txt whose error (message or position) is not yet CPython's.</summary>
    public static readonly HashSet<int> Snippets = [25,35,38,44,50,149,151,152,157,181,244,296];
}
