namespace Reclaim.Python.Syntax.Parsing;

/// <summary>
/// A backslash escape that does not decode, with the span of the literal body it covers (characters, end exclusive),
/// as CPython's escape decoder reports it.
/// </summary>
internal sealed class EscapeError : FormatException
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">CPython's reason, e.g. <c>truncated \xXX escape</c>.</param>
    /// <param name="start">Index in the body of the escape's backslash.</param>
    /// <param name="end">Index in the body where the decoder stopped (exclusive).</param>
    public EscapeError(string message, int start, int end)
        : base(message)
    {
        Start = start;
        End = end;
    }

    /// <summary>Index in the body of the escape's backslash.</summary>
    public int Start { get; }

    /// <summary>Index in the body where the decoder stopped (exclusive).</summary>
    public int End { get; }

    /// <summary>
    /// CPython's message for a str literal: it hands the decoder the body with every non-ASCII character rewritten
    /// as a ten-byte <c>\UXXXXXXXX</c> escape (and a backslash before one as <c>\u005c</c>), so the positions it
    /// prints count those bytes.
    /// </summary>
    /// <param name="body">The literal body (or f-string literal part) that was decoded.</param>
    /// <returns>The message after <c>(unicode error) </c>.</returns>
    public string UnicodeEscapeMessage(ReadOnlySpan<char> body) =>
        $"'unicodeescape' codec can't decode bytes in position {EscapedOffset(body, Start)}-{EscapedOffset(body, End) - 1}: {Message}";

    private static int EscapedOffset(ReadOnlySpan<char> body, int index)
    {
        int offset = 0;
        for (int i = 0; i < index && i < body.Length; i++)
        {
            char c = body[i];
            if (c == '\\')
            {
                // The backslash is copied with the character after it; before a non-ASCII one it becomes \u005c.
                bool plainNext = i + 1 < body.Length && body[i + 1] < 0x80;
                offset += plainNext ? 2 : 6;
                if (plainNext)
                {
                    i++;
                }
            }
            else if (c < 0x80)
            {
                offset++;
            }
            else if (!char.IsLowSurrogate(c))
            {
                // One \UXXXXXXXX per code point: the high surrogate of a pair counts for both halves.
                offset += 10;
            }
        }

        return offset;
    }
}
