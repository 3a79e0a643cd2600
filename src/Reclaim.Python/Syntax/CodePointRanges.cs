namespace Reclaim.Python.Syntax;

/// <summary>
/// Membership in a sorted table of code point ranges, as the generated Unicode 14 tables store them
/// (<c>Unicode14NonPrintable</c>, <c>Unicode14Identifiers</c>): first and last code point of each range, in order.
/// </summary>
internal static class CodePointRanges
{
    /// <summary>Whether <paramref name="code"/> falls in one of the ranges of <paramref name="ranges"/> (binary search).</summary>
    /// <param name="ranges">Pairs of first and last code point, sorted, not overlapping.</param>
    /// <param name="code">A code point.</param>
    /// <returns>True when a range holds it.</returns>
    public static bool Contains(int[] ranges, int code)
    {
        int low = 0;
        int high = (ranges.Length / 2) - 1;
        while (low <= high)
        {
            int middle = (low + high) >>> 1;
            if (code < ranges[2 * middle])
            {
                high = middle - 1;
            }
            else if (code > ranges[(2 * middle) + 1])
            {
                low = middle + 1;
            }
            else
            {
                return true;
            }
        }

        return false;
    }
}
