using System.Text;
using Reclaim.Python.Syntax.Ast;
using Reclaim.Python.Syntax.Parsing;

namespace Reclaim.Python.Execution.Traceback;

/// <summary>
/// The line of PEP 657 markers CPython 3.11.7 prints under a traceback's source line: <c>^</c> under the operation
/// that raised, or <c>~</c> under the operands and <c>^</c> under the operator of a binary operation or the brackets
/// of a subscript. No line when the operation covers the whole (left-stripped) source line and has no such anchors.
/// </summary>
internal static class MarkerLine
{
    private const char Primary = '~';
    private const char Secondary = '^';

    /// <summary>The marker line (without its newline) for <paramref name="span"/> under <paramref name="line"/>, or null.</summary>
    public static string? For(string line, SourceSpan span)
    {
        if (!span.HasColumns)
        {
            return null;
        }

        int[] chars = CodePoints(line);
        byte[] utf8 = Encoding.UTF8.GetBytes(line);
        int leading = 0;
        while (leading < chars.Length && IsBlank(chars[leading]))
        {
            leading++;
        }

        int start = CharOffset(utf8, span.Col);
        int end = CharOffset(utf8, span.EndCol);
        (int Left, int Right)? anchors = null;
        if (span.Line == span.EndLine)
        {
            if (start < end && end <= chars.Length)
            {
                anchors = Anchors(chars[start..end]);
            }
        }
        else
        {
            // A span over several lines is marked up to the last visible character of its first line.
            end = chars.Length;
            while (end > 0 && IsBlank(chars[end - 1]))
            {
                end--;
            }
        }

        if (end - start == chars.Length - leading && anchors is null)
        {
            return null;
        }

        if (end <= start)
        {
            return null;
        }

        int startWidth = DisplayWidth.Of(chars, start);
        int spanWidth = DisplayWidth.Of(chars, end) - startWidth;
        var sb = new StringBuilder("    ");
        sb.Append(' ', Math.Max(0, startWidth - leading));
        if (anchors is (int left, int right))
        {
            ReadOnlySpan<int> segment = chars.AsSpan(start, end - start);
            int leftWidth = DisplayWidth.Of(segment, left);
            int rightWidth = DisplayWidth.Of(segment, right);
            sb.Append(Primary, leftWidth);
            sb.Append(Secondary, Math.Max(0, rightWidth - leftWidth));
            sb.Append(Primary, Math.Max(0, spanWidth - rightWidth));
        }
        else
        {
            sb.Append('^', spanWidth);
        }

        return sb.ToString();
    }

    /// <summary>
    /// Where the operator of a binary operation, or the bracketed part of a subscript, lies in <paramref name="segment"/>
    /// (character offsets into it), when the segment alone parses as one such expression statement.
    /// </summary>
    private static (int Left, int Right)? Anchors(int[] segment)
    {
        string text = FromCodePoints(segment);
        Module module;
        try
        {
            module = Parser.ParseModule(text);
        }
        catch (Exception)
        {
            // Any segment that is not a program on its own simply gets plain markers.
            return null;
        }

        if (module.Body.Count != 1 || module.Body[0] is not ExprStmt { Value: var expr })
        {
            return null;
        }

        byte[] bytes = Encoding.UTF8.GetBytes(text);
        switch (expr)
        {
            case BinOpExpr b:
            {
                int i = b.Left.EndColOffset;
                while (i < b.Right.ColOffset && i < bytes.Length && (IsBlank(bytes[i]) || bytes[i] == ')'))
                {
                    i++;
                }

                if (i >= b.Right.ColOffset || i >= bytes.Length)
                {
                    return null;
                }

                // A second visible character before the right operand makes a two-character operator (//, **, <<...).
                int right = i + 1;
                if (right < b.Right.ColOffset && right < bytes.Length && !IsBlank(bytes[right]))
                {
                    right++;
                }

                return (CharOffset(bytes, i), CharOffset(bytes, right));
            }

            case SubscriptExpr s:
            {
                int left = s.Value.EndColOffset;
                while (left < bytes.Length && bytes[left] != '[')
                {
                    left++;
                }

                int right = s.Slice.EndColOffset + 1;
                while (right < bytes.Length && bytes[right] != ']')
                {
                    right++;
                }

                if (right < bytes.Length)
                {
                    right++;
                }

                return (CharOffset(bytes, left), CharOffset(bytes, Math.Min(right, bytes.Length)));
            }

            default:
                return null;
        }
    }

    /// <summary>
    /// The character offset of UTF-8 byte offset <paramref name="byteOffset"/>, as CPython converts it: the bytes before
    /// it decoded with replacement, so a cut through a character counts as one character.
    /// </summary>
    private static int CharOffset(byte[] utf8, int byteOffset)
    {
        int limit = Math.Min(byteOffset, utf8.Length + 1);
        int chars = 0;
        int i = 0;
        while (i < limit && i < utf8.Length)
        {
            int length = utf8[i] switch
            {
                < 0x80 => 1,
                >= 0xF0 => 4,
                >= 0xE0 => 3,
                >= 0xC0 => 2,
                _ => 1,
            };
            i += length;
            chars++;
        }

        return limit > utf8.Length ? chars + 1 : chars;
    }

    private static bool IsBlank(int c) => c is ' ' or '\t' or '\f';

    private static int[] CodePoints(string s)
    {
        var list = new List<int>(s.Length);
        foreach (Rune r in s.EnumerateRunes())
        {
            list.Add(r.Value);
        }

        return [.. list];
    }

    private static string FromCodePoints(int[] codePoints)
    {
        var sb = new StringBuilder(codePoints.Length);
        foreach (int c in codePoints)
        {
            sb.Append(char.ConvertFromUtf32(c));
        }

        return sb.ToString();
    }
}
