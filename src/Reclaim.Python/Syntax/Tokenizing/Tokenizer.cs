using System.Text;
using Reclaim.Python.Syntax.Errors;

namespace Reclaim.Python.Syntax.Tokenizing;

/// <summary>
/// Splits decoded source text into tokens as CPython 3.11's tokenizer does: logical lines, INDENT/DEDENT from
/// indentation (tabs to multiples of 8, form feeds reset, TabError on inconsistent use), brackets that join lines,
/// backslash continuation, comments skipped. Positions are UTF-8 byte columns.
/// </summary>
internal sealed partial class Tokenizer
{
    /// <summary>CPython's limit on open brackets (MAXLEVEL).</summary>
    private const int MaxBracketDepth = 200;

    /// <summary>CPython's limit on indentation levels (MAXINDENT).</summary>
    private const int MaxIndentDepth = 100;

    private readonly string _source;
    private readonly List<Token> _tokens;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _namesBySpan =
        new Dictionary<string, string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    private readonly List<int> _indents = new() { 0 };
    private readonly List<int> _altIndents = new() { 0 };
    private readonly Stack<(char Bracket, int Line, int Col)> _brackets = new();
    private int _pos;
    private int _line = 1;
    private int _lineStart;
    private int _byteCacheIndex;
    private int _byteCacheValue;
    private int _commentStart = -1;

    private Tokenizer(string source, List<Token> tokens)
    {
        _source = source;
        _tokens = tokens;
    }

    /// <summary>Tokenizes <paramref name="source"/>.</summary>
    /// <param name="source">Decoded text with <c>\n</c> line ends.</param>
    /// <returns>The tokens, ending with ENDMARKER.</returns>
    /// <exception cref="PythonSyntaxError">The text cannot be tokenized.</exception>
    public static List<Token> Tokenize(string source) => Tokenize(source, new List<Token>((source.Length / 6) + 16));

    /// <summary>Tokenizes <paramref name="source"/> into <paramref name="tokens"/>, which must be empty (a buffer reused across files).</summary>
    /// <param name="source">Decoded text with <c>\n</c> line ends.</param>
    /// <param name="tokens">An empty list the tokens are added to.</param>
    /// <returns><paramref name="tokens"/>, ending with ENDMARKER.</returns>
    /// <exception cref="PythonSyntaxError">The text cannot be tokenized.</exception>
    public static List<Token> Tokenize(string source, List<Token> tokens)
    {
        var tokenizer = new Tokenizer(source, tokens);
        tokenizer.Run();
        return tokens;
    }

    /// <summary>Tokenizes a fragment that sits at <paramref name="firstLine"/>, <paramref name="firstCol"/> of a larger source (an f-string expression).</summary>
    /// <param name="source">The fragment.</param>
    /// <param name="firstLine">The line of the fragment's first character.</param>
    /// <param name="firstCol">The UTF-8 column of the fragment's first character.</param>
    /// <returns>The tokens with positions in the larger source.</returns>
    public static List<Token> Tokenize(string source, int firstLine, int firstCol)
    {
        List<Token> tokens = Tokenize(source);
        for (int i = 0; i < tokens.Count; i++)
        {
            Token t = tokens[i];
            tokens[i] = t with
            {
                Line = t.Line + firstLine - 1,
                Col = t.Line == 1 ? t.Col + firstCol : t.Col,
                EndLine = t.EndLine + firstLine - 1,
                EndCol = t.EndLine == 1 ? t.EndCol + firstCol : t.EndCol,
            };
        }

        return tokens;
    }

    /// <summary>The text of line <paramref name="line"/> (from 1), with its newline, for error messages.</summary>
    /// <param name="source">The source.</param>
    /// <param name="line">The line number.</param>
    /// <returns>The line, or null past the end.</returns>
    public static string? LineText(string source, int line)
    {
        int start = 0;
        for (int i = 1; i < line; i++)
        {
            int next = source.IndexOf('\n', start);
            if (next < 0)
            {
                return null;
            }

            start = next + 1;
        }

        int end = source.IndexOf('\n', start);
        return end < 0 ? source[start..] + "\n" : source[start..(end + 1)];
    }

    private void Run()
    {
        bool atLineStart = true;
        while (true)
        {
            if (atLineStart)
            {
                if (!ReadIndentation())
                {
                    continue;
                }

                atLineStart = false;
            }

            SkipBlanks();
            if (_pos >= _source.Length)
            {
                Finish();
                return;
            }

            char c = _source[_pos];
            if (c == '#')
            {
                SkipComment();
                continue;
            }

            if (c == '\n')
            {
                if (_brackets.Count == 0)
                {
                    Add(TokenKind.Newline, null, NewlineStart(), _pos + 1);
                    atLineStart = true;
                }


                NewLine(_pos + 1);
                continue;
            }

            if (c == '\\')
            {
                ReadContinuation();
                continue;
            }

            if (IdentifierCharsAt(_pos, start: true) > 0)
            {
                if (!TryReadString())
                {
                    ReadName();
                }
            }
            else if (c is >= '0' and <= '9' || (c == '.' && _pos + 1 < _source.Length && char.IsAsciiDigit(_source[_pos + 1])))
            {
                ReadNumber();
            }
            else if (c is '"' or '\'')
            {
                ReadString(_pos, _pos);
            }
            else
            {
                ReadOperator(c);
            }
        }
    }

    /// <summary>Measures the indentation of a new line; false when the line is blank or a comment.</summary>
    private bool ReadIndentation()
    {
        int col = 0;
        int alt = 0;
        while (_pos < _source.Length)
        {
            char c = _source[_pos];
            if (c == ' ')
            {
                col++;
                alt++;
            }
            else if (c == '\t')
            {
                col = ((col / 8) + 1) * 8;
                alt++;
            }
            else if (c == '\f')
            {
                col = alt = 0;
            }
            else
            {
                break;
            }

            _pos++;
        }

        if (_pos >= _source.Length)
        {
            return true;
        }

        char first = _source[_pos];
        if (first is '#' or '\n')
        {
            if (first == '#')
            {
                SkipComment();
            }

            if (_pos < _source.Length && _source[_pos] == '\n')
            {
                NewLine(_pos + 1);
            }

            return _pos >= _source.Length;
        }

        Indent(col, alt);
        return true;
    }

    private void Indent(int col, int alt)
    {
        int top = _indents[^1];
        if (col == top)
        {
            if (alt != _altIndents[^1])
            {
                throw TabError();
            }

            return;
        }

        if (col > top)
        {
            if (_indents.Count >= MaxIndentDepth)
            {
                throw Error("IndentationError", "too many levels of indentation", _line, 0);
            }

            if (alt <= _altIndents[^1])
            {
                throw TabError();
            }

            _indents.Add(col);
            _altIndents.Add(alt);
            Add(TokenKind.Indent, null, _lineStart, _pos);
            return;
        }

        while (_indents.Count > 1 && col < _indents[^1])
        {
            _indents.RemoveAt(_indents.Count - 1);
            _altIndents.RemoveAt(_altIndents.Count - 1);
            Add(TokenKind.Dedent, null, _pos, _pos);
        }

        if (col != _indents[^1])
        {
            int lineEnd = _source.IndexOf('\n', _pos);
            throw Error("IndentationError", "unindent does not match any outer indentation level", _line, ByteCol(lineEnd < 0 ? _source.Length : lineEnd));
        }

        if (alt != _altIndents[^1])
        {
            throw TabError();
        }
    }

    private PythonSyntaxError TabError() =>
        Error("TabError", "inconsistent use of tabs and spaces in indentation", _line, 0);

    private void Finish()
    {
        if (_brackets.Count > 0)
        {
            (char bracket, int line, int col) = _brackets.Peek();
            throw Error("SyntaxError", $"'{bracket}' was never closed", line, col);
        }

        if (_tokens.Count > 0 && !_tokens[^1].IsWhitespace)
        {
            Add(TokenKind.Newline, null, NewlineStart(), _pos);
        }

        while (_indents.Count > 1)
        {
            _indents.RemoveAt(_indents.Count - 1);
            Add(TokenKind.Dedent, null, _pos, _pos);
        }

        Add(TokenKind.EndMarker, null, _pos, _pos);
    }

    private void SkipBlanks()
    {
        while (_pos < _source.Length && _source[_pos] is ' ' or '\t' or '\f')
        {
            _pos++;
        }
    }

    /// <summary>Where a NEWLINE token starts: as in CPython, at the comment that ends the line, if there is one.</summary>
    private int NewlineStart() => _commentStart >= 0 ? _commentStart : _pos;

    private void SkipComment()
    {
        _commentStart = _pos;
        int end = _source.IndexOf('\n', _pos);
        _pos = end < 0 ? _source.Length : end;
    }

    private void ReadContinuation()
    {
        if (_pos + 1 < _source.Length && _source[_pos + 1] == '\n')
        {
            NewLine(_pos + 2);
            if (_pos >= _source.Length)
            {
                throw Error("SyntaxError", "unexpected EOF while parsing", _line, 0);
            }

            return;
        }

        if (_pos + 1 >= _source.Length)
        {
            throw Error("SyntaxError", "unexpected EOF while parsing", _line, ByteCol(_pos));
        }

        throw Error("SyntaxError", "unexpected character after line continuation character", _line, ByteCol(_pos) + 1);
    }

    private void NewLine(int next)
    {
        _pos = next;
        _line++;
        _lineStart = next;
        _byteCacheIndex = next;
        _byteCacheValue = 0;
        _commentStart = -1;
    }

    /// <summary>The UTF-8 byte column of <paramref name="index"/> on the current line.</summary>
    private int ByteCol(int index) => ByteColFrom(_lineStart, index);

    private int ByteColFrom(int lineStart, int index)
    {
        if (lineStart != _lineStart || index < _byteCacheIndex)
        {
            return Encoding.UTF8.GetByteCount(_source.AsSpan(lineStart, index - lineStart));
        }

        int bytes = _byteCacheValue;
        for (int i = _byteCacheIndex; i < index; i++)
        {
            char c = _source[i];
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : char.IsSurrogate(c) ? 2 : 3;
        }

        _byteCacheIndex = index;
        _byteCacheValue = bytes;
        return bytes;
    }

    private void Add(TokenKind kind, string? text, int start, int end)
    {
        int col = ByteCol(start);
        _tokens.Add(new Token(kind, text, _line, col, _line, col + (end == start ? 0 : ByteColDelta(start, end)), start));
    }

    private int ByteColDelta(int start, int end)
    {
        int bytes = 0;
        for (int i = start; i < end; i++)
        {
            char c = _source[i];
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : char.IsSurrogate(c) ? 2 : 3;
        }

        return bytes;
    }

    private PythonSyntaxError Error(string type, string message, int line, int byteCol)
    {
        string? text = LineText(_source, line);
        int offset = text is null ? byteCol + 1 : CharOffset(text, byteCol) + 1;
        return new PythonSyntaxError(type, message, line, offset, text);
    }

    /// <summary>Turns a UTF-8 byte column of <paramref name="line"/> into a character count.</summary>
    internal static int CharOffset(string line, int byteCol)
    {
        int bytes = 0;
        int i = 0;
        while (i < line.Length && bytes < byteCol)
        {
            char c = line[i];
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : char.IsSurrogate(c) ? 2 : 3;
            i++;
        }

        return i;
    }
}
