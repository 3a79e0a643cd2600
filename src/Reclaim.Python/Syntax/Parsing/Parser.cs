using Reclaim.Python.Syntax.Ast;
using Reclaim.Python.Syntax.Errors;
using Reclaim.Python.Syntax.Tokenizing;

namespace Reclaim.Python.Syntax.Parsing;

/// <summary>
/// A recursive-descent parser over CPython 3.11's grammar (<c>Grammar/python.gram</c>), building the
/// <see cref="Ast"/> tree with CPython's positions: a node spans from its first token to the last token that is
/// not NEWLINE, INDENT or DEDENT. Where the grammar needs PEG backtracking the parser saves and restores its mark.
/// </summary>
internal sealed partial class Parser
{
    /// <summary>CPython's parser stack limit (MAXSTACK); deeper input raises MemoryError as CPython's does.</summary>
    private const int MaxDepth = 6000;

    private readonly List<Token> _tokens;
    private readonly string _source;
    private int _mark;
    private int _depth;

    /// <summary>Line and column added to every token: f-string expressions are parsed as their own source.</summary>
    private Parser(List<Token> tokens, string source)
    {
        _tokens = tokens;
        _source = source;
    }

    /// <summary>Parses a whole module.</summary>
    /// <param name="source">Decoded source text.</param>
    /// <returns>The module.</returns>
    /// <exception cref="PythonSyntaxError">The source is not valid Python 3.11.</exception>
    public static Module ParseModule(string source)
    {
        List<Token> tokens = TokenBuffer.Rent();
        try
        {
            var parser = new Parser(Tokenizer.Tokenize(source, tokens), source);
            Module module = parser.File();
            Dump.DepthLimit.Check(module);
            return module;
        }
        finally
        {
            TokenBuffer.Return(tokens);
        }
    }

    private Token Current => _tokens[_mark];

    private TokenKind Kind => _tokens[_mark].Kind;

    private TokenKind PeekKind(int ahead) => _tokens[Math.Min(_mark + ahead, _tokens.Count - 1)].Kind;

    private Token Next()
    {
        Token token = _tokens[_mark];
        if (_mark < _tokens.Count - 1)
        {
            _mark++;
        }

        return token;
    }

    private bool Accept(TokenKind kind)
    {
        if (Kind != kind)
        {
            return false;
        }

        Next();
        return true;
    }

    private Token Expect(TokenKind kind)
    {
        if (Kind != kind)
        {
            throw Expected(kind);
        }

        return Next();
    }

    private bool IsSoftKeyword(string word) => Kind == TokenKind.Name && Current.Text == word;

    private string ExpectName()
    {
        if (Kind != TokenKind.Name)
        {
            throw SyntaxErrorAt(Current, "invalid syntax");
        }

        return Next().Text!;
    }

    /// <summary>Sets <paramref name="node"/>'s span from token <paramref name="start"/> to the last non-whitespace token consumed.</summary>
    private T At<T>(T node, int start)
        where T : Located
    {
        Token first = _tokens[start];
        Token last = LastToken();
        node.Lineno = first.Line;
        node.ColOffset = first.Col;
        node.EndLineno = last.EndLine;
        node.EndColOffset = last.EndCol;
        return node;
    }

    /// <summary>Sets <paramref name="node"/>'s span from <paramref name="from"/>'s start to <paramref name="to"/>'s end.</summary>
    private static T Span<T>(T node, Located from, Located to)
        where T : Located
    {
        node.Lineno = from.Lineno;
        node.ColOffset = from.ColOffset;
        node.EndLineno = to.EndLineno;
        node.EndColOffset = to.EndColOffset;
        return node;
    }

    private Token LastToken()
    {
        for (int m = _mark - 1; m >= 0; m--)
        {
            if (!_tokens[m].IsWhitespace)
            {
                return _tokens[m];
            }
        }

        return _tokens[0];
    }

    private void Enter()
    {
        if (++_depth > MaxDepth)
        {
            throw new PythonSyntaxError("MemoryError", string.Empty, 0, 0, null);
        }
    }

    private void Leave() => _depth--;

    /// <summary>
    /// The colon before a block of <c>if</c>, <c>elif</c>, <c>while</c>, <c>for</c>, <c>with</c>, <c>except</c>,
    /// <c>class</c> and <c>case</c>. CPython's grammar takes a plain <c>':'</c> there and says "expected ':'" only
    /// when the line ends instead (its invalid_ rules); any other token is plain invalid syntax at that token.
    /// </summary>
    private void ExpectBlockColon()
    {
        if (Kind == TokenKind.Colon)
        {
            Next();
            return;
        }

        throw SyntaxErrorAt(Current, Kind == TokenKind.Newline ? "expected ':'" : "invalid syntax");
    }

    /// <summary>
    /// The colon of <c>def</c>, <c>try</c>, <c>else</c> and <c>finally</c>: a forced token in CPython's grammar
    /// (<c>&amp;&amp;':'</c>), so "expected ':'" at whatever token stands there.
    /// </summary>
    private void ExpectForcedColon()
    {
        if (Kind == TokenKind.Colon)
        {
            Next();
            return;
        }

        throw SyntaxErrorAt(Current, "expected ':'");
    }

    private PythonSyntaxError Expected(TokenKind kind) => kind switch
    {
        TokenKind.Colon => SyntaxErrorAt(LastToken(), "expected ':'", afterToken: true),
        _ => SyntaxErrorAt(Current, "invalid syntax"),
    };

    private PythonSyntaxError SyntaxErrorAt(Token token, string message, bool afterToken = false, string type = "SyntaxError")
    {
        int line = afterToken ? token.EndLine : token.Line;
        int col = afterToken ? token.EndCol : token.Col;
        if (token.Kind == TokenKind.EndMarker || (token.Kind == TokenKind.Dedent && !afterToken))
        {
            line = token.Line;
        }

        string? text = Tokenizer.LineText(_source, line);
        int offset = text is null ? col + 1 : Tokenizer.CharOffset(text, col) + 1;
        if (type == "IndentationError" && token.Kind is TokenKind.EndMarker or TokenKind.Dedent)
        {
            offset--;
        }
        else if (token.Kind == TokenKind.Indent)
        {
            offset = token.EndCol;
        }

        return new PythonSyntaxError(type, message, line, offset, text);
    }

    private PythonSyntaxError SyntaxErrorAt(Located node, string message)
    {
        string? text = Tokenizer.LineText(_source, node.Lineno);
        int offset = text is null ? node.ColOffset + 1 : Tokenizer.CharOffset(text, node.ColOffset) + 1;
        return new PythonSyntaxError("SyntaxError", message, node.Lineno, offset, text);
    }
}
