namespace Reclaim.Python.Tests.Syntax;

/// <summary>
/// Inputs where Reclaim's parser still differs from CPython's, each listed in docs/python.md with its reason. The
/// lists only shrink: a fixed entry is removed, and a new difference fails its test.
/// </summary>
internal static class KnownDifferences
{
    /// <summary>Indices into bad-snippets.txt whose error (message or position) is not yet CPython's.</summary>
    public static readonly HashSet<int> Snippets =
    [
        25, 35, 38, 44, 50, 149, 151, 152, 181, 244, 296, 427, 433, 443, 459, 461, 462, 465, 466, 496,
        497, 506, 507, 510, 530, 534, 537, 539, 543, 551, 556, 583, 584, 591, 610, 616, 636, 637, 655, 658,
        659, 660, 661, 662, 668, 749, 780, 794, 813, 814, 824, 825, 826, 915, 930, 938, 968, 969, 981, 982,
        1014, 1093, 1118, 1120, 1121, 1124, 1135, 1137, 1139, 1140, 1142, 1148, 1157, 1166, 1168, 1171, 1356, 1360, 1361, 1401,
        1402, 1404, 1466, 1558, 1570, 1579, 1583, 1630, 1645, 1692, 1693, 1703, 1720, 1730, 1790, 1809, 1840, 1857, 1879, 1880,
        1882, 1910, 1912, 1943, 1949, 2057,
    ];
}
