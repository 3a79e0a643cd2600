namespace Reclaim.Python.Tests.Syntax;

/// <summary>
/// Inputs where Reclaim's parser still differs from CPython's, each listed in docs/python.md with its reason. The
/// lists only shrink: a fixed entry is removed, and a new difference fails its test.
/// </summary>
internal static class KnownDifferences
{
    /// <summary>Indices into bad-snippets.txt whose error (message or position) is not yet CPython's.</summary>
    public static readonly HashSet<int> Snippets = [4,25,35,38,44,50,53,58,59,81,82,83,84,104,105,106,107,111,112,113,114,115,116,117,118,138,143,149,151,152,153,155,156,157,181,227,237,238,244,246,247,282,283,285,286,287,288,289,290,291,292,293,296,307,316,317,318,324,325,330,340,341,344,345,357,361,363,371,373];
}
