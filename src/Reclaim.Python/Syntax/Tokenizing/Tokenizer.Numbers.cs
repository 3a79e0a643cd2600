namespace Reclaim.Python.Syntax.Tokenizing;

/// <summary>Hexadecimal, octal and binary literals, with the errors (and their columns) of CPython 3.11's tokenizer.</summary>
internal sealed partial class Tokenizer
{
    // A letter, digit, underscore or any non-ASCII char: what CPython will not accept right after a number.
    private static bool IsPotentialIdentifierChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_' || c >= 0x80;

    private static bool IsRadixDigit(char c, char radix) => radix switch
    {
        'x' => char.IsAsciiHexDigit(c),
        'o' => c is >= '0' and <= '7',
        _ => c is '0' or '1',
    };

    /// <summary>Reads <c>0x…</c>, <c>0o…</c> or <c>0b…</c> starting at <paramref name="start"/> (the <c>0</c>).</summary>
    /// <remarks>
    /// Groups of digits with one underscore before each; a group that does not start with a digit of the radix is
    /// "invalid … literal" at the char before it (CPython backs up over it), a decimal digit that does not belong is
    /// "invalid digit" at that digit, and a letter, digit or underscore right after the number is "invalid … literal".
    /// </remarks>
    private void ReadRadixNumber(int start)
    {
        char radix = (char)(_source[start + 1] | 0x20);
        string kind = radix == 'x' ? "hexadecimal" : radix == 'o' ? "octal" : "binary";
        int p = start + 2;
        while (true)
        {
            char c = At(p);
            if (c == '_')
            {
                c = At(++p);
            }

            if (!IsRadixDigit(c, radix))
            {
                if (radix != 'x' && char.IsAsciiDigit(c))
                {
                    throw Error("SyntaxError", $"invalid digit '{c}' in {kind} literal", _line, ByteCol(p));
                }

                throw Error("SyntaxError", $"invalid {kind} literal", _line, ByteCol(p - 1));
            }

            do
            {
                p++;
            }
            while (IsRadixDigit(At(p), radix));

            if (At(p) != '_')
            {
                break;
            }
        }

        char next = At(p);
        if (radix != 'x' && char.IsAsciiDigit(next))
        {
            throw Error("SyntaxError", $"invalid digit '{next}' in {kind} literal", _line, ByteCol(p));
        }

        _pos = p;
        if (next != '\0' && IsPotentialIdentifierChar(next) && !IsNumberFollowedByKeyword())
        {
            throw Error("SyntaxError", $"invalid {kind} literal", _line, ByteCol(p - 1));
        }

        Add(TokenKind.Number, _source[start.._pos], start, _pos);
    }

    private char At(int index) => index < _source.Length ? _source[index] : '\0';
}
