using System.Globalization;
using System.Text;
using Reclaim.Python.Syntax.Dump;

namespace Reclaim.Python.Syntax.Tokenizing;

/// <summary>Names, keywords, numbers, strings and operators.</summary>
internal sealed partial class Tokenizer
{
    private static readonly Dictionary<string, TokenKind> Keywords = new(StringComparer.Ordinal)
    {
        ["False"] = TokenKind.False, ["None"] = TokenKind.None, ["True"] = TokenKind.True, ["and"] = TokenKind.And,
        ["as"] = TokenKind.As, ["assert"] = TokenKind.Assert, ["async"] = TokenKind.Async, ["await"] = TokenKind.Await,
        ["break"] = TokenKind.Break, ["class"] = TokenKind.Class, ["continue"] = TokenKind.Continue, ["def"] = TokenKind.Def,
        ["del"] = TokenKind.Del, ["elif"] = TokenKind.Elif, ["else"] = TokenKind.Else, ["except"] = TokenKind.Except,
        ["finally"] = TokenKind.Finally, ["for"] = TokenKind.For, ["from"] = TokenKind.From, ["global"] = TokenKind.Global,
        ["if"] = TokenKind.If, ["import"] = TokenKind.Import, ["in"] = TokenKind.In, ["is"] = TokenKind.Is,
        ["lambda"] = TokenKind.Lambda, ["nonlocal"] = TokenKind.Nonlocal, ["not"] = TokenKind.Not, ["or"] = TokenKind.Or,
        ["pass"] = TokenKind.Pass, ["raise"] = TokenKind.Raise, ["return"] = TokenKind.Return, ["try"] = TokenKind.Try,
        ["while"] = TokenKind.While, ["with"] = TokenKind.With, ["yield"] = TokenKind.Yield,
    };

    private static bool IsIdentifierStart(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_' || (c >= 0x80 && Unicode14Identifiers.IsStart(c));

    private static bool IsIdentifierPart(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_' or (>= '0' and <= '9')
        || (c >= 0x80 && Unicode14Identifiers.IsContinue(c));

    // Non-ASCII name characters are Unicode 14's XID_Start and XID_Continue, as CPython 3.11 reads them; a character
    // beyond the BMP is a surrogate pair (U+1D400, a letter, is a name character; U+1D120, a symbol, is not). Returns
    // the chars it takes, 0 when it is not one.
    private int IdentifierCharsAt(int index, bool start)
    {
        char c = _source[index];
        if (!char.IsSurrogate(c))
        {
            return (start ? IsIdentifierStart(c) : IsIdentifierPart(c)) ? 1 : 0;
        }

        if (!char.IsHighSurrogate(c) || index + 1 >= _source.Length || !char.IsLowSurrogate(_source[index + 1]))
        {
            return 0;
        }

        int code = char.ConvertToUtf32(c, _source[index + 1]);
        return (start ? Unicode14Identifiers.IsStart(code) : Unicode14Identifiers.IsContinue(code)) ? 2 : 0;
    }

    private static readonly Dictionary<string, TokenKind>.AlternateLookup<ReadOnlySpan<char>> KeywordsBySpan =
        Keywords.GetAlternateLookup<ReadOnlySpan<char>>();

    private void ReadName()
    {
        int start = _pos;
        bool ascii = true;
        int width;
        while (_pos < _source.Length && (width = IdentifierCharsAt(_pos, start: false)) > 0)
        {
            ascii &= _source[_pos] < 0x80;
            _pos += width;
        }

        ReadOnlySpan<char> span = _source.AsSpan(start, _pos - start);
        if (ascii && KeywordsBySpan.TryGetValue(span, out TokenKind keyword))
        {
            Add(keyword, null, start, _pos);
            return;
        }

        // One string per distinct name in the file: the lookup by span allocates nothing for a name seen before. A
        // non-ASCII name is never a keyword, even when its normal form spells one (CPython matches keywords on the
        // text as written: "aſ" is the name "as").
        string text;
        if (!ascii)
        {
            text = Nfkc.Normalize(span.ToString());
        }
        else if (!_namesBySpan.TryGetValue(span, out text!))
        {
            text = span.ToString();
            _namesBySpan.Dictionary[text] = text;
        }

        Add(TokenKind.Name, text, start, _pos);
    }

    /// <summary>Reads a prefixed string literal if one starts here (r, b, u, f and their pairs).</summary>
    private bool TryReadString()
    {
        int p = _pos;
        int letters = 0;
        while (p < _source.Length && letters < 2 && _source[p] is 'r' or 'R' or 'b' or 'B' or 'u' or 'U' or 'f' or 'F')
        {
            p++;
            letters++;
        }

        if (letters == 0 || p >= _source.Length || _source[p] is not ('"' or '\''))
        {
            return false;
        }

        string prefix = _source[_pos..p].ToLowerInvariant();
        if (prefix is not ("r" or "b" or "u" or "f" or "rb" or "br" or "fr" or "rf"))
        {
            return false;
        }

        ReadString(_pos, p);
        return true;
    }

    private void ReadString(int start, int quoteAt)
    {
        int startLine = _line;
        int startCol = ByteCol(start);
        char quote = _source[quoteAt];
        bool triple = quoteAt + 2 < _source.Length && _source[quoteAt + 1] == quote && _source[quoteAt + 2] == quote;
        _pos = quoteAt + (triple ? 3 : 1);
        while (true)
        {
            if (_pos >= _source.Length)
            {
                throw triple
                    ? Error("SyntaxError", $"unterminated triple-quoted string literal (detected at line {(_source.EndsWith('\n') ? _line - 1 : _line)})", startLine, startCol)
                    : Error("SyntaxError", $"unterminated string literal (detected at line {startLine})", startLine, startCol);
            }

            char c = _source[_pos];
            if (c == quote)
            {
                if (!triple)
                {
                    _pos++;
                    break;
                }

                if (_pos + 2 < _source.Length && _source[_pos + 1] == quote && _source[_pos + 2] == quote)
                {
                    _pos += 3;
                    break;
                }

                _pos++;
            }
            else if (c == '\\')
            {
                if (_pos + 1 < _source.Length && _source[_pos + 1] == '\n')
                {
                    NewLine(_pos + 2);
                }
                else
                {
                    _pos += 2;
                }
            }
            else if (c == '\n')
            {
                if (!triple)
                {
                    throw Error("SyntaxError", $"unterminated string literal (detected at line {startLine})", startLine, startCol);
                }

                NewLine(_pos + 1);
            }
            else
            {
                _pos++;
            }
        }

        _pos = Math.Min(_pos, _source.Length);
        _tokens.Add(new Token(TokenKind.String, _source[start.._pos], startLine, startCol, _line, ByteCol(_pos), start));
    }

    private void ReadNumber()
    {
        int start = _pos;
        char c = _source[_pos];
        if (c == '0' && _pos + 1 < _source.Length && _source[_pos + 1] is 'x' or 'X' or 'o' or 'O' or 'b' or 'B')
        {
            ReadRadixNumber(start);
            return;
        }
        else
        {
            SkipDigits();
            bool fraction = _pos < _source.Length && _source[_pos] is '.' or 'e' or 'E' or 'j' or 'J';
            if (c == '0' && !fraction && _source.AsSpan(start, _pos - start).IndexOfAnyExcept('0', '_') >= 0)
            {
                throw Error("SyntaxError", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", _line, ByteCol(start));
            }

            if (_pos < _source.Length && _source[_pos] == '.')
            {
                _pos++;
                if (_pos < _source.Length && char.IsAsciiDigit(_source[_pos]))
                {
                    SkipDigits();
                }
            }

            if (_pos < _source.Length && _source[_pos] is 'e' or 'E')
            {
                int save = _pos;
                _pos++;
                if (_pos < _source.Length && _source[_pos] is '+' or '-')
                {
                    _pos++;
                    if (_pos >= _source.Length || !char.IsAsciiDigit(_source[_pos]))
                    {
                        // `1e+`, `1e-+4`: a sign commits to an exponent, and CPython blames the char after it.
                        throw Error("SyntaxError", "invalid decimal literal", _line, ByteCol(_pos - 1));
                    }
                }

                if (_pos < _source.Length && char.IsAsciiDigit(_source[_pos]))
                {
                    SkipDigits();
                }
                else
                {
                    _pos = save;
                }
            }

            if (_pos < _source.Length && _source[_pos] is 'j' or 'J')
            {
                _pos++;
                if (_pos < _source.Length && IsPotentialIdentifierChar(_source[_pos]) && !IsNumberFollowedByKeyword())
                {
                    throw Error("SyntaxError", "invalid imaginary literal", _line, ByteCol(_pos - 1));
                }
            }
        }

        int doubled = _source.AsSpan(start, _pos - start).IndexOf("__", StringComparison.Ordinal);
        if (doubled >= 0 || _source[_pos - 1] == '_')
        {
            throw Error("SyntaxError", "invalid decimal literal", _line, ByteCol(doubled >= 0 ? start + doubled : _pos - 1));
        }

        if (_pos < _source.Length && (IsIdentifierStart(_source[_pos]) || char.IsSurrogate(_source[_pos])) && !IsNumberFollowedByKeyword())
        {
            throw Error("SyntaxError", "invalid decimal literal", _line, ByteCol(_pos - 1));
        }

        Add(TokenKind.Number, _source[start.._pos], start, _pos);
    }

    /// <summary>CPython accepts <c>1if x else y</c> and friends (with a deprecation warning in later versions).</summary>
    private bool IsNumberFollowedByKeyword()
    {
        ReadOnlySpan<char> rest = _source.AsSpan(_pos);
        return rest.StartsWith("and") || rest.StartsWith("or") || rest.StartsWith("in") || rest.StartsWith("is")
            || rest.StartsWith("if") || rest.StartsWith("else") || rest.StartsWith("for") || rest.StartsWith("not");
    }

    // Digits with single underscores between them: an underscore not followed by a digit (`1_.5`, `1__0`, `1_`) is
    // where CPython's tokenizer reports the literal invalid.
    private void SkipDigits()
    {
        while (_pos < _source.Length)
        {
            char c = _source[_pos];
            if (c == '_')
            {
                if (_pos + 1 >= _source.Length || !char.IsAsciiDigit(_source[_pos + 1]))
                {
                    throw Error("SyntaxError", "invalid decimal literal", _line, ByteCol(_pos));
                }
            }
            else if (!char.IsAsciiDigit(c))
            {
                break;
            }

            _pos++;
        }
    }

    private void ReadOperator(char c)
    {
        int start = _pos;
        char n1 = _pos + 1 < _source.Length ? _source[_pos + 1] : '\0';
        char n2 = _pos + 2 < _source.Length ? _source[_pos + 2] : '\0';
        (TokenKind kind, int length) = c switch
        {
            '(' => (TokenKind.LPar, 1),
            ')' => (TokenKind.RPar, 1),
            '[' => (TokenKind.LSqb, 1),
            ']' => (TokenKind.RSqb, 1),
            '{' => (TokenKind.LBrace, 1),
            '}' => (TokenKind.RBrace, 1),
            ':' => n1 == '=' ? (TokenKind.ColonEqual, 2) : (TokenKind.Colon, 1),
            ',' => (TokenKind.Comma, 1),
            ';' => (TokenKind.Semi, 1),
            '+' => n1 == '=' ? (TokenKind.PlusEqual, 2) : (TokenKind.Plus, 1),
            '-' => n1 == '=' ? (TokenKind.MinEqual, 2) : n1 == '>' ? (TokenKind.RArrow, 2) : (TokenKind.Minus, 1),
            '*' => n1 == '*' ? (n2 == '=' ? (TokenKind.DoubleStarEqual, 3) : (TokenKind.DoubleStar, 2))
                : n1 == '=' ? (TokenKind.StarEqual, 2) : (TokenKind.Star, 1),
            '/' => n1 == '/' ? (n2 == '=' ? (TokenKind.DoubleSlashEqual, 3) : (TokenKind.DoubleSlash, 2))
                : n1 == '=' ? (TokenKind.SlashEqual, 2) : (TokenKind.Slash, 1),
            '|' => n1 == '=' ? (TokenKind.VBarEqual, 2) : (TokenKind.VBar, 1),
            '&' => n1 == '=' ? (TokenKind.AmperEqual, 2) : (TokenKind.Amper, 1),
            '<' => n1 == '<' ? (n2 == '=' ? (TokenKind.LeftShiftEqual, 3) : (TokenKind.LeftShift, 2))
                : n1 == '=' ? (TokenKind.LessEqual, 2) : n1 == '>' ? (TokenKind.NotEqual, 2) : (TokenKind.Less, 1),
            '>' => n1 == '>' ? (n2 == '=' ? (TokenKind.RightShiftEqual, 3) : (TokenKind.RightShift, 2))
                : n1 == '=' ? (TokenKind.GreaterEqual, 2) : (TokenKind.Greater, 1),
            '=' => n1 == '=' ? (TokenKind.EqEqual, 2) : (TokenKind.Equal, 1),
            '.' => n1 == '.' && n2 == '.' ? (TokenKind.Ellipsis, 3) : (TokenKind.Dot, 1),
            '%' => n1 == '=' ? (TokenKind.PercentEqual, 2) : (TokenKind.Percent, 1),
            '!' when n1 == '=' => (TokenKind.NotEqual, 2),
            '~' => (TokenKind.Tilde, 1),
            '^' => n1 == '=' ? (TokenKind.CircumflexEqual, 2) : (TokenKind.Circumflex, 1),
            '@' => n1 == '=' ? (TokenKind.AtEqual, 2) : (TokenKind.At, 1),
            _ => (TokenKind.EndMarker, 0),
        };

        if (length == 0)
        {
            throw BadCharacter(c);
        }

        if (c == '<' && n1 == '>')
        {
            throw Error("SyntaxError", "invalid syntax", _line, ByteCol(start));
        }

        TrackBracket(c, start);
        _pos += length;
        Add(kind, null, start, _pos);
    }

    private void TrackBracket(char c, int start)
    {
        if (c is '(' or '[' or '{')
        {
            if (_brackets.Count >= MaxBracketDepth)
            {
                throw Error("SyntaxError", "too many nested parentheses", _line, ByteCol(start));
            }

            _brackets.Push((c, _line, ByteCol(start)));
        }
        else if (c is ')' or ']' or '}')
        {
            if (_brackets.Count == 0)
            {
                throw Error("SyntaxError", $"unmatched '{c}'", _line, ByteCol(start));
            }

            (char open, int line, _) = _brackets.Pop();
            char expected = open == '(' ? ')' : open == '[' ? ']' : '}';
            if (c != expected)
            {
                string message = line == _line
                    ? $"closing parenthesis '{c}' does not match opening parenthesis '{open}'"
                    : $"closing parenthesis '{c}' does not match opening parenthesis '{open}' on line {line}";
                throw Error("SyntaxError", message, _line, ByteCol(start));
            }
        }
    }

    private Errors.PythonSyntaxError BadCharacter(char c)
    {
        if (c == '\0')
        {
            return Error("SyntaxError", "source code cannot contain null bytes", _line, ByteCol(_pos));
        }

        if (c == '$' || c == '?' || c == '`' || c == '!')
        {
            return Error("SyntaxError", "invalid syntax", _line, ByteCol(_pos));
        }

        int code = char.IsSurrogate(c) && _pos + 1 < _source.Length ? char.ConvertToUtf32(c, _source[_pos + 1]) : c;
        string shown = char.ConvertFromUtf32(code);
        // Printable as CPython 3.11 decides it (Unicode 14), not as .NET's newer data would.
        return Unicode14NonPrintable.Contains(code)
            ? Error("SyntaxError", $"invalid non-printable character U+{code:X4}", _line, ByteCol(_pos))
            : Error("SyntaxError", $"invalid character '{shown}' (U+{code:X4})", _line, ByteCol(_pos));
    }
}
