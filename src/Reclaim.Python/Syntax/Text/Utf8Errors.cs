using Reclaim.Python.Syntax.Errors;

namespace Reclaim.Python.Syntax.Text;

/// <summary>
/// CPython's report of invalid UTF-8: the tokenizer lets the bytes through and the string literal holding them fails
/// to decode, so the message names the byte's position in the literal's body and the error sits just past the
/// literal; bytes outside any literal are reported on their line.
/// </summary>
internal static class Utf8Errors
{
    /// <summary>Builds the error for the first invalid sequence of <paramref name="source"/>.</summary>
    /// <param name="source">Bytes that do not decode as UTF-8.</param>
    /// <returns>The error.</returns>
    public static PythonSyntaxError Describe(ReadOnlySpan<byte> source)
    {
        (int bad, string reason) = FirstInvalid(source);
        int lineStart = bad == 0 ? 0 : source[..bad].LastIndexOf((byte)'\n') + 1;
        int line = 1;
        foreach (byte b in source[..lineStart])
        {
            line += b == '\n' ? 1 : 0;
        }

        ReadOnlySpan<byte> before = source[lineStart..bad];
        int quote = before.LastIndexOfAny((byte)'"', (byte)'\'');
        if (quote >= 0)
        {
            byte q = before[quote];
            int lineEnd = source[bad..].IndexOf((byte)'\n');
            ReadOnlySpan<byte> after = lineEnd < 0 ? source[bad..] : source[bad..(bad + lineEnd)];
            int close = after.IndexOf(q);
            int position = bad - (lineStart + quote + 1);
            int offset = close < 0 ? bad - lineStart + 1 : bad - lineStart + close + 2;
            string text = $"(unicode error) 'utf-8' codec can't decode byte 0x{source[bad]:x2} in position {position}: {reason}";
            return new PythonSyntaxError("SyntaxError", text, line, offset, null);
        }

        return new PythonSyntaxError("SyntaxError", $"(unicode error) 'utf-8' codec can't decode byte 0x{source[bad]:x2} in position {bad - lineStart}: {reason}", line, 0, null);
    }

    private static (int Index, string Reason) FirstInvalid(ReadOnlySpan<byte> s)
    {
        int i = 0;
        while (i < s.Length)
        {
            byte b = s[i];
            int need = b < 0x80 ? 0 : b is >= 0xC2 and <= 0xDF ? 1 : b is >= 0xE0 and <= 0xEF ? 2 : b is >= 0xF0 and <= 0xF4 ? 3 : -1;
            if (need < 0)
            {
                return (i, "invalid start byte");
            }

            for (int k = 1; k <= need; k++)
            {
                if (i + k >= s.Length)
                {
                    return (i, "unexpected end of data");
                }

                byte c = s[i + k];
                bool ok = (c & 0xC0) == 0x80
                    && !(k == 1 && ((b == 0xE0 && c < 0xA0) || (b == 0xED && c > 0x9F) || (b == 0xF0 && c < 0x90) || (b == 0xF4 && c > 0x8F)));
                if (!ok)
                {
                    return (i, "invalid continuation byte");
                }
            }

            i += need + 1;
        }

        return (0, "invalid start byte");
    }
}
