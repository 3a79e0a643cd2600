namespace Reclaim.Python.Syntax.Parsing;

/// <summary>What a string token's prefix says (raw, bytes, formatted) and where its body lies.</summary>
/// <param name="Raw">An <c>r</c> prefix.</param>
/// <param name="Bytes">A <c>b</c> prefix.</param>
/// <param name="Formatted">An <c>f</c> prefix.</param>
/// <param name="BodyOffset">Index of the body's first character in the token text.</param>
/// <param name="QuoteLength">1 or 3.</param>
internal readonly record struct StringPrefix(bool Raw, bool Bytes, bool Formatted, int BodyOffset, int QuoteLength)
{
    /// <summary>Reads the prefix of a STRING token's text.</summary>
    /// <param name="text">The token text.</param>
    /// <returns>The prefix facts.</returns>
    public static StringPrefix Of(string text)
    {
        bool raw = false, bytes = false, formatted = false;
        int i = 0;
        while (text[i] is not ('\'' or '"'))
        {
            switch (text[i] | 0x20)
            {
                case 'r': raw = true; break;
                case 'b': bytes = true; break;
                case 'f': formatted = true; break;
            }

            i++;
        }

        char quote = text[i];
        int quotes = text.Length - i >= 6 && text[i + 1] == quote && text[i + 2] == quote ? 3 : 1;
        return new StringPrefix(raw, bytes, formatted, i + quotes, quotes);
    }

    /// <summary>The text between the quotes.</summary>
    /// <param name="text">The token text.</param>
    /// <returns>The body.</returns>
    public ReadOnlySpan<char> Body(string text) => text.AsSpan(BodyOffset, text.Length - BodyOffset - QuoteLength);
}
