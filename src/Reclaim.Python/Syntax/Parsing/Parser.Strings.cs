using System.Text;
using Reclaim.Python.Syntax.Ast;
using Reclaim.Python.Syntax.Errors;
using Reclaim.Python.Syntax.Tokenizing;

namespace Reclaim.Python.Syntax.Parsing;

/// <summary>
/// <c>strings</c>: adjacent literals joined into one <c>Constant</c>, or a <c>JoinedStr</c> when any is an f-string.
/// Inside a <c>JoinedStr</c>, literal parts and <c>FormattedValue</c>s span the whole run of literals and a format
/// spec spans its own token, as CPython 3.11 places them; the embedded expressions keep their true positions.
/// </summary>
internal sealed partial class Parser
{
    private Expr Strings()
    {
        int start = _mark;
        int first = _mark;
        bool anyFormatted = false;
        bool anyBytes = false;
        bool anyText = false;
        while (Kind == TokenKind.String)
        {
            StringPrefix prefix = StringPrefix.Of(Current.Text!);
            anyFormatted |= prefix.Formatted;
            anyBytes |= prefix.Bytes;
            anyText |= !prefix.Bytes;
            Next();
        }

        int end = _mark;
        if (anyBytes && anyText)
        {
            throw SyntaxErrorAt(_tokens[end - 1], "cannot mix bytes and nonbytes literals", afterToken: true);
        }

        if (anyBytes)
        {
            var bytes = new List<byte>();
            for (int i = first; i < end; i++)
            {
                StringPrefix prefix = StringPrefix.Of(_tokens[i].Text!);
                string body = prefix.Body(_tokens[i].Text!).ToString();
                foreach (char c in body)
                {
                    if (c >= 0x80)
                    {
                        throw SyntaxErrorAt(_tokens[i], "bytes can only contain ASCII literal characters");
                    }
                }

                bytes.AddRange(prefix.Raw ? Encoding.Latin1.GetBytes(body) : DecodeBytes(body));
            }

            return At(new ConstantExpr(bytes.ToArray(), null), start);
        }

        string? kind = _tokens[first].Text![0] is 'u' or 'U' ? "u" : null;
        if (!anyFormatted)
        {
            var text = new StringBuilder();
            List<int> lone = _loneSurrogates;
            lone.Clear();
            for (int i = first; i < end; i++)
            {
                StringPrefix prefix = StringPrefix.Of(_tokens[i].Text!);
                string body = prefix.Body(_tokens[i].Text!).ToString();
                text.Append(prefix.Raw ? body : DecodeString(body, lone, text.Length));
            }

            object value = lone.Count == 0 ? text.ToString() : new CodePointString(text.ToString(), lone);
            return At(new ConstantExpr(value, kind), start);
        }

        var joined = At(new JoinedStrExpr(Array.Empty<Expr>()), start);
        var parts = new FStringParts(joined, joined);
        for (int i = first; i < end; i++)
        {
            Token token = _tokens[i];
            StringPrefix prefix = StringPrefix.Of(token.Text!);
            if (prefix.Formatted)
            {
                int bodyStart = token.Start + prefix.BodyOffset;
                int bodyEnd = token.Start + token.Text!.Length - prefix.QuoteLength;
                int position = bodyStart;
                FormattedString(token, prefix.Raw, ref position, bodyEnd, 0, parts);
            }
            else
            {
                string body = prefix.Body(token.Text!).ToString();
                parts.Literal.Append(prefix.Raw ? body : DecodeString(body));
            }
        }

        joined.Values = parts.Finish();
        return joined;
    }

    // CPython decodes a literal's escapes in the action of its `strings` rule, once the token after the run of adjacent
    // literals has been read: that token is where it reports an escape that does not decode.
    // Reused by each plain str literal: indices of the surrogates its escapes wrote (see CodePointString).
    private readonly List<int> _loneSurrogates = new();

    private string DecodeString(string body, List<int>? lone = null, int offset = 0)
    {
        try
        {
            return Literals.DecodeString(body, lone, offset);
        }
        catch (EscapeError e)
        {
            throw EscapeErrorAt(Current, "(unicode error) " + e.UnicodeEscapeMessage(body));
        }
    }

    // A source read from bytes gets this error's column in UTF-8 bytes from CPython, not in characters.
    // (compile() of a str counts characters; the parser is not told which it was given, so it follows files.)
    private PythonSyntaxError EscapeErrorAt(Token token, string message) =>
        new("SyntaxError", message, token.Line, token.Col + 1, Tokenizer.LineText(_source, token.Line));

    private byte[] DecodeBytes(string body)
    {
        try
        {
            return Literals.DecodeBytes(body);
        }
        catch (EscapeError e)
        {
            throw EscapeErrorAt(Current, "(value error) " + e.Message);
        }
    }

    /// <summary>The literal parts and replacement fields of one f-string body (or format spec), appended to <paramref name="parts"/>.</summary>
    private void FormattedString(Token token, bool raw, ref int i, int end, int depth, FStringParts parts)
    {
        while (i < end)
        {
            int literalStart = i;
            while (i < end)
            {
                char c = _source[i];
                if (!raw && c == '\\' && i + 1 < end)
                {
                    if (_source[i + 1] == 'N' && i + 2 < end && _source[i + 2] == '{')
                    {
                        int close = _source.IndexOf('}', i + 3, end - i - 3);
                        i = close < 0 ? end : close + 1;
                        continue;
                    }

                    i += 2;
                    continue;
                }

                if (c is '{' or '}')
                {
                    break;
                }

                i++;
            }

            AppendLiteral(parts.Literal, literalStart, i, raw);
            if (i >= end)
            {
                return;
            }

            char brace = _source[i];
            if (depth == 0 && i + 1 < end && _source[i + 1] == brace)
            {
                parts.Literal.Append(brace);
                i += 2;
                continue;
            }

            if (brace == '}')
            {
                if (depth == 0)
                {
                    throw SyntaxErrorAt(token, "f-string: single '}' is not allowed", afterToken: true);
                }

                return;
            }

            ReplacementField(token, raw, ref i, end, depth, parts);
        }
    }

    private void AppendLiteral(StringBuilder literal, int start, int end, bool raw)
    {
        if (end > start)
        {
            string text = _source[start..end];
            literal.Append(raw ? text : DecodeString(text));
        }
    }

    private void ReplacementField(Token token, bool raw, ref int i, int end, int depth, FStringParts parts)
    {
        if (depth >= 2)
        {
            throw SyntaxErrorAt(token, "f-string: expressions nested too deeply", afterToken: true);
        }

        int open = i;
        i++;
        int exprStart = i;
        i = FindExpressionEnd(token, i, end);
        string exprText = _source[exprStart..i];
        if (string.IsNullOrWhiteSpace(exprText.Replace('\f', ' ')))
        {
            // `{}` is empty; `{!r}`, `{:x}` and `{=}` lack the expression before their conversion, spec or `=`.
            throw SyntaxErrorAt(token, _source[i] is '!' or ':' or '='
                ? $"f-string: expression required before '{_source[i]}'"
                : "f-string: empty expression not allowed", afterToken: true);
        }

        Expr value = FStringExpression(token, open, exprText);
        string? debugText = null;
        if (_source[i] == '=')
        {
            i++;
            while (i < end && _source[i] is ' ' or '\t' or '\n' or '\f' or '\r' or '\v')
            {
                i++;
            }

            debugText = _source[exprStart..i];
        }

        int conversion = -1;
        if (i < end && _source[i] == '!')
        {
            char c = i + 1 < end ? _source[i + 1] : '\0';
            if (c is not ('s' or 'r' or 'a'))
            {
                throw SyntaxErrorAt(token, "f-string: invalid conversion character: expected 's', 'r', or 'a'", afterToken: true);
            }

            conversion = c;
            i += 2;
        }

        Expr? formatSpec = null;
        if (i < end && _source[i] == ':')
        {
            i++;
            var spec = new JoinedStrExpr(Array.Empty<Expr>(), token.Line, token.Col, token.EndLine, token.EndCol);
            var specParts = new FStringParts(parts.Whole, spec);
            FormattedString(token, raw, ref i, end, depth + 1, specParts);
            spec.Values = specParts.Finish();
            formatSpec = spec;
        }

        if (i >= end || _source[i] != '}')
        {
            throw SyntaxErrorAt(token, "f-string: expecting '}'", afterToken: true);
        }

        i++;
        if (debugText is not null)
        {
            parts.Literal.Append(debugText);
            if (conversion == -1 && formatSpec is null)
            {
                conversion = 'r';
            }
        }

        parts.Add(new FormattedValueExpr(value, conversion, formatSpec));
    }

    /// <summary>Where an f-string expression ends: a top-level <c>!</c>, <c>:</c>, <c>=</c> or <c>}</c> outside brackets and strings.</summary>
    private int FindExpressionEnd(Token token, int i, int end)
    {
        int nesting = 0;
        var opened = new Stack<char>();
        char quote = '\0';
        bool tripleQuoted = false;
        for (; i < end; i++)
        {
            char c = _source[i];
            if (c == '\\')
            {
                throw SyntaxErrorAt(token, "f-string expression part cannot include a backslash", afterToken: true);
            }

            if (quote != '\0')
            {
                if (c == quote)
                {
                    if (!tripleQuoted)
                    {
                        quote = '\0';
                    }
                    else if (i + 2 < end && _source[i + 1] == quote && _source[i + 2] == quote)
                    {
                        i += 2;
                        quote = '\0';
                    }
                }

                continue;
            }

            if (c is '\'' or '"')
            {
                tripleQuoted = i + 2 < end && _source[i + 1] == c && _source[i + 2] == c;
                i += tripleQuoted ? 2 : 0;
                quote = c;
            }
            else if (c is '[' or '(' or '{')
            {
                nesting++;
                opened.Push(c);
            }
            else if (c == '#')
            {
                throw SyntaxErrorAt(token, "f-string expression part cannot include '#'", afterToken: true);
            }
            else if (nesting == 0 && c is '!' or ':' or '}' or '=' or '<' or '>')
            {
                char next = i + 1 < end ? _source[i + 1] : '\0';
                if (next == '=' && c is '!' or '=' or '<' or '>')
                {
                    i++;
                    continue;
                }

                if (c is '<' or '>')
                {
                    continue;
                }

                return i;
            }
            else if (c is ']' or ')' or '}')
            {
                // CPython checks the brackets of the expression text itself, before parsing it.
                if (nesting == 0)
                {
                    throw SyntaxErrorAt(token, $"f-string: unmatched '{c}'", afterToken: true);
                }

                char open = opened.Pop();
                if (c != (open == '(' ? ')' : open == '[' ? ']' : '}'))
                {
                    throw SyntaxErrorAt(token, $"f-string: closing parenthesis '{c}' does not match opening parenthesis '{open}'", afterToken: true);
                }

                nesting--;
            }
        }

        throw SyntaxErrorAt(token, quote != '\0' ? "f-string: unterminated string" : "f-string: expecting '}'", afterToken: true);
    }

    /// <summary>Parses an f-string's embedded expression as CPython does: as <c>(text)</c> with the parenthesis on the brace.</summary>
    private Expr FStringExpression(Token token, int open, string text)
    {
        (int line, int col) = SourcePosition(token, open);
        List<Token> tokens = Tokenizer.Tokenize("(" + text + ")", line, col);
        var sub = new Parser(tokens, "(" + text + ")") { _depth = _depth };
        try
        {
            Expr value = sub.StarExpressions();
            if (sub.Kind is not (TokenKind.Newline or TokenKind.EndMarker))
            {
                throw sub.SyntaxErrorAt(sub.Current, "invalid syntax");
            }

            return value;
        }
        catch (PythonSyntaxError e) when (!e.Message.StartsWith("f-string", StringComparison.Ordinal))
        {
            // CPython reports errors inside the braces against the "(expr)" text it parsed, with an "f-string: " prefix.
            throw new PythonSyntaxError(e.TypeName, "f-string: " + e.Message, e.Lineno, e.Lineno == line ? e.Offset - col : e.Offset, e.Text);
        }
    }

    /// <summary>The line and UTF-8 column of source index <paramref name="index"/> inside <paramref name="token"/>.</summary>
    private (int Line, int Col) SourcePosition(Token token, int index)
    {
        int line = token.Line;
        int lineStart = -1;
        for (int k = token.Start; k < index; k++)
        {
            if (_source[k] == '\n')
            {
                line++;
                lineStart = k + 1;
            }
        }

        int col = lineStart < 0
            ? token.Col + Encoding.UTF8.GetByteCount(_source.AsSpan(token.Start, index - token.Start))
            : Encoding.UTF8.GetByteCount(_source.AsSpan(lineStart, index - lineStart));
        return (line, col);
    }

    /// <summary>
    /// The parts of a <c>JoinedStr</c> being built: adjacent literal text merges into one constant. Parts take the
    /// span of the whole run of literals, except the literal that ends a format spec, which takes the spec's own.
    /// </summary>
    private sealed class FStringParts(Located whole, Located own)
    {
        private readonly List<Expr> _values = new();

        public Located Whole { get; } = whole;

        public StringBuilder Literal { get; } = new();

        public void Add(FormattedValueExpr value)
        {
            Flush();
            _values.Add(Span(value, Whole, Whole));
        }

        public List<Expr> Finish()
        {
            Flush(own);
            return _values;
        }

        private void Flush(Located? span = null)
        {
            if (Literal.Length > 0)
            {
                _values.Add(Span(new ConstantExpr(Literal.ToString(), null), span ?? Whole, span ?? Whole));
                Literal.Clear();
            }
        }
    }
}
