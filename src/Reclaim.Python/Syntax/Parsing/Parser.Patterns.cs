using Reclaim.Python.Syntax.Ast;
using Reclaim.Python.Syntax.Errors;
using Reclaim.Python.Syntax.Tokenizing;

namespace Reclaim.Python.Syntax.Parsing;

/// <summary>The <c>match</c> statement and its patterns.</summary>
internal sealed partial class Parser
{
    /// <summary>A <c>match</c> statement if the soft keyword starts one here; otherwise null with the mark unchanged.</summary>
    private Stmt? TryMatch()
    {
        int start = _mark;
        Next();
        Expr subject;
        bool missingColon = false;
        try
        {
            if (!StartsExpression() || Kind == TokenKind.Lambda)
            {
                _mark = start;
                return null;
            }

            subject = StarNamedExpression();
            if (Kind == TokenKind.Comma)
            {
                var items = new List<Expr> { subject };
                while (Accept(TokenKind.Comma) && Kind != TokenKind.Colon)
                {
                    items.Add(StarNamedExpression());
                }

                subject = At(new TupleExpr(items, ExprContext.Load), start + 1);
            }

            if (Kind == TokenKind.Newline && _tokens[start + 1].Kind is TokenKind.Name or TokenKind.Number or TokenKind.String
                or TokenKind.None or TokenKind.True or TokenKind.False)
            {
                // `match x` then the line's end: no expression statement starts with two such atoms, so this can
                // only be a match statement missing its colon (CPython's invalid_match_stmt).
                missingColon = true;
            }

            if (Kind != TokenKind.Colon && !missingColon)
            {
                _mark = start;
                return null;
            }
        }
        catch (PythonSyntaxError)
        {
            _mark = start;
            return null;
        }

        if (missingColon)
        {
            throw SyntaxErrorAt(Current, "expected ':'");
        }

        Next();
        Expect(TokenKind.Newline);
        if (Kind != TokenKind.Indent)
        {
            throw SyntaxErrorAt(Current, $"expected an indented block after 'match' statement on line {_tokens[start].Line}", type: "IndentationError");
        }

        Next();
        var cases = new List<MatchCase>();
        while (IsSoftKeyword("case"))
        {
            int caseLine = Next().Line;
            Pattern pattern = Patterns();
            Expr? guard = Accept(TokenKind.If) ? NamedExpression() : null;
            ExpectBlockColon();
            cases.Add(new MatchCase(pattern, guard, Block("'case' statement", caseLine)));
        }

        Expect(TokenKind.Dedent);
        return At(new MatchStmt(subject, cases), start);
    }

    private Pattern Patterns()
    {
        int start = _mark;
        Pattern first = MaybeStarPattern();
        if (Kind != TokenKind.Comma)
        {
            if (first is MatchStar)
            {
                return At(new MatchSequence(new[] { first }), start);
            }

            return first;
        }

        var items = new List<Pattern> { first };
        while (Accept(TokenKind.Comma) && Kind is not (TokenKind.Colon or TokenKind.If))
        {
            items.Add(MaybeStarPattern());
        }

        return At(new MatchSequence(items), start);
    }

    private Pattern MaybeStarPattern()
    {
        int start = _mark;
        if (Accept(TokenKind.Star))
        {
            string name = ExpectName();
            return At(new MatchStar(name == "_" ? null : name), start);
        }

        return AsPattern();
    }

    private Pattern AsPattern()
    {
        int start = _mark;
        Enter();
        Pattern pattern = OrPattern();
        if (Accept(TokenKind.As))
        {
            if (IsSoftKeyword("_"))
            {
                throw SyntaxErrorAt(Current, "cannot use '_' as a target");
            }

            if (Kind != TokenKind.Name && StartsExpression())
            {
                throw SyntaxErrorAt(Current, "invalid pattern target");
            }

            string name = ExpectName();
            pattern = At(new MatchAs(pattern, name), start);
        }

        Leave();
        return pattern;
    }

    private Pattern OrPattern()
    {
        int start = _mark;
        Pattern first = ClosedPattern();
        if (Kind != TokenKind.VBar)
        {
            return first;
        }

        var items = new List<Pattern> { first };
        while (Accept(TokenKind.VBar))
        {
            items.Add(ClosedPattern());
        }

        return At(new MatchOr(items), start);
    }

    private Pattern ClosedPattern()
    {
        int start = _mark;
        switch (Kind)
        {
            case TokenKind.None or TokenKind.True or TokenKind.False:
                TokenKind kind = Next().Kind;
                return At(new MatchSingleton(kind == TokenKind.None ? null : kind == TokenKind.True), start);
            case TokenKind.Number or TokenKind.Minus or TokenKind.String:
                return At(new MatchValue(LiteralPatternValue()), start);
            case TokenKind.LPar or TokenKind.LSqb:
                return SequencePattern();
            case TokenKind.LBrace:
                return MappingPattern();
            case TokenKind.Name:
                if (PeekKind(1) is not (TokenKind.Dot or TokenKind.LPar))
                {
                    string name = Next().Text!;
                    return At(new MatchAs(null, name == "_" ? null : name), start);
                }

                Expr dotted = NameOrAttribute();
                return Kind == TokenKind.LPar ? ClassPattern(dotted, start) : At(new MatchValue(dotted), start);
            default:
                throw SyntaxErrorAt(Current, "invalid syntax");
        }
    }

    private Expr LiteralPatternValue()
    {
        int start = _mark;
        if (Kind == TokenKind.String)
        {
            return Strings();
        }

        Expr real = SignedNumber();
        if (Kind is TokenKind.Plus or TokenKind.Minus)
        {
            BinaryOperator op = Next().Kind == TokenKind.Plus ? BinaryOperator.Add : BinaryOperator.Sub;
            Expr imag = Atom();
            if (imag is not ConstantExpr { Value: System.Numerics.Complex })
            {
                throw SyntaxErrorAt(imag, "imaginary number required in complex literal");
            }

            Expr realNumber = real is UnaryOpExpr negated ? negated.Operand : real;
            if (realNumber is ConstantExpr { Value: System.Numerics.Complex })
            {
                throw SyntaxErrorAt(realNumber, "real number required in complex literal");
            }

            return At(new BinOpExpr(real, op, imag), start);
        }

        return real;
    }

    private Expr SignedNumber()
    {
        int start = _mark;
        if (Accept(TokenKind.Minus))
        {
            Expr number = Atom();
            return At(new UnaryOpExpr(UnaryOperator.USub, number), start);
        }

        return Atom();
    }

    private Expr NameOrAttribute()
    {
        int start = _mark;
        Token first = Next();
        Expr result = new NameExpr(first.Text!, ExprContext.Load, first.Line, first.Col, first.EndLine, first.EndCol);
        while (Accept(TokenKind.Dot))
        {
            string attr = ExpectName();
            result = At(new AttributeExpr(result, attr, ExprContext.Load), start);
        }

        return result;
    }

    private Pattern SequencePattern()
    {
        int start = _mark;
        bool list = Next().Kind == TokenKind.LSqb;
        TokenKind close = list ? TokenKind.RSqb : TokenKind.RPar;
        var items = new List<Pattern>();
        bool comma = false;
        while (Kind != close)
        {
            items.Add(MaybeStarPattern());
            if (!Accept(TokenKind.Comma))
            {
                break;
            }

            comma = true;
        }

        Expect(close);
        if (!list && !comma && items.Count == 1 && items[0] is not MatchStar)
        {
            return items[0];
        }

        return At(new MatchSequence(items), start);
    }

    private Pattern MappingPattern()
    {
        int start = _mark;
        Next();
        var keys = new List<Expr>();
        var patterns = new List<Pattern>();
        string? rest = null;
        while (Kind != TokenKind.RBrace)
        {
            if (Accept(TokenKind.DoubleStar))
            {
                // `**rest` takes no wildcard and comes last (a trailing comma allowed): CPython's grammar has no
                // alternative for anything else, so the error is plain invalid syntax at the offending token.
                if (IsSoftKeyword("_"))
                {
                    throw SyntaxErrorAt(Current, "invalid syntax");
                }

                rest = ExpectName();
                Accept(TokenKind.Comma);
                if (Kind != TokenKind.RBrace)
                {
                    throw SyntaxErrorAt(Current, "invalid syntax");
                }

                break;
            }
            else
            {
                keys.Add(Kind == TokenKind.Name ? NameOrAttribute() : Kind is TokenKind.None or TokenKind.True or TokenKind.False ? Atom() : LiteralPatternValue());
                Expect(TokenKind.Colon);
                patterns.Add(AsPattern());
            }

            if (!Accept(TokenKind.Comma))
            {
                break;
            }
        }

        Expect(TokenKind.RBrace);
        return At(new MatchMapping(keys, patterns, rest), start);
    }

    private Pattern ClassPattern(Expr cls, int start)
    {
        Expect(TokenKind.LPar);
        var patterns = new List<Pattern>();
        var kwdAttrs = new List<string>();
        var kwdPatterns = new List<Pattern>();
        bool sawKeyword = false;
        while (Kind != TokenKind.RPar)
        {
            if (Kind == TokenKind.Name && PeekKind(1) == TokenKind.Equal)
            {
                sawKeyword = true;
                kwdAttrs.Add(Next().Text!);
                Next();
                kwdPatterns.Add(AsPattern());
            }
            else
            {
                int patternStart = _mark;
                patterns.Add(AsPattern());
                if (sawKeyword)
                {
                    throw SyntaxErrorAt(_tokens[patternStart], "positional patterns follow keyword patterns");
                }
            }

            if (!Accept(TokenKind.Comma))
            {
                break;
            }
        }

        Expect(TokenKind.RPar);
        return At(new MatchClass(cls, patterns, kwdAttrs, kwdPatterns), start);
    }
}
