using System.Text;

namespace Reclaim.Generators.Tests.Support;

/// <summary>Compares generated source with the expected text and, when they differ, shows a line-by-line diff.</summary>
internal static class SourceAssert
{
    public static void Equal(string expected, string actual)
    {
        string[] expectedLines = Normalize(expected);
        string[] actualLines = Normalize(actual);
        if (expectedLines.SequenceEqual(actualLines))
        {
            return;
        }

        StringBuilder diff = new("Generated source differs from the expected text ('-' expected only, '+' generated only):\n");
        foreach ((char mark, string line) in Diff(expectedLines, actualLines))
        {
            diff.Append(mark).Append(' ').AppendLine(line);
        }

        Assert.Fail(diff.ToString());
    }

    /// <summary>A line diff from the longest common subsequence: unchanged lines marked ' ', removed '-', added '+'.</summary>
    private static List<(char Mark, string Line)> Diff(string[] expected, string[] actual)
    {
        int[,] common = new int[expected.Length + 1, actual.Length + 1];
        for (int i = expected.Length - 1; i >= 0; i--)
        {
            for (int j = actual.Length - 1; j >= 0; j--)
            {
                common[i, j] = expected[i] == actual[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        List<(char, string)> lines = [];
        int e = 0;
        int a = 0;
        while (e < expected.Length || a < actual.Length)
        {
            if (e < expected.Length && a < actual.Length && expected[e] == actual[a])
            {
                lines.Add((' ', expected[e++]));
                a++;
            }
            else if (a < actual.Length && (e == expected.Length || common[e, a + 1] >= common[e + 1, a]))
            {
                lines.Add(('+', actual[a++]));
            }
            else
            {
                lines.Add(('-', expected[e++]));
            }
        }

        return lines;
    }

    private static string[] Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
}
