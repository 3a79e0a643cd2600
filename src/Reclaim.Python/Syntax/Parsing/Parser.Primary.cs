using Reclaim.Python.Syntax.Ast;
using Reclaim.Python.Syntax.Tokenizing;

namespace Reclaim.Python.Syntax.Parsing;

/// <summary><c>primary</c>: atoms followed by attribute access, calls and subscripts.</summary>
internal sealed partial class Parser
{
    private Expr Primary()
    {
        int start = _mark;
        Expr result = Atom();
        return Trailers(result, start);
    }

    private Expr Trailers(Expr result, int start)
    {
        while (true)
        {
            switch (Kind)
            {
                case TokenKind.Dot:
                    Next();
                    string attr = ExpectName();
                    result = At(new AttributeExpr(result, attr, ExprContext.Load), start);
                    break;
                case TokenKind.LPar:
                    result = Call(result, start);
                    break;
                case TokenKind.LSqb:
                    Next();
                    Expr slice = Slices();
                    Expect(TokenKind.RSqb);
                    result = At(new SubscriptExpr(result, slice, ExprContext.Load), start);
                    break;
                default:
                    return result;
            }
        }
    }

    private Expr Call(Expr func, int start)
    {
        int open = _mark;
        Expect(TokenKind.LPar);
        var args = new List<Expr>();
        var keywords = new List<Keyword>();
        string? positionalAfterKeyword = null;
        while (Kind != TokenKind.RPar)
        {
            int itemStart = _mark;
            if (Kind == TokenKind.DoubleStar)
            {
                Next();
                Expr value = Expression();
                keywords.Add(At(new Keyword(null, value), itemStart));
            }
            else if (Kind == TokenKind.Star)
            {
                if (keywords.Any(k => k.Arg is null))
                {
                    throw SyntaxErrorAt(Current, "iterable argument unpacking follows keyword argument unpacking");
                }

                Next();
                Expr value = Expression();
                args.Add(At(new StarredExpr(value, ExprContext.Load), itemStart));
            }
            else if (Kind == TokenKind.Name && PeekKind(1) == TokenKind.Equal)
            {
                string name = Next().Text!;
                Next();
                Expr value = Expression();
                keywords.Add(At(new Keyword(name, value), itemStart));
            }
            else
            {
                Expr value = Kind == TokenKind.Name && PeekKind(1) == TokenKind.ColonEqual ? NamedExpression() : Expression();
                if (Kind == TokenKind.Equal)
                {
                    throw value is ConstantExpr { Value: null or bool }
                        ? SyntaxErrorAt(value, $"cannot assign to {Describe(value)}")
                        : SyntaxErrorAt(value, "expression cannot contain assignment, perhaps you meant \"==\"?");
                }

                if (Kind is TokenKind.For or TokenKind.Async)
                {
                    List<Comprehension> generators = ForIfClauses();
                    if (args.Count > 0 || keywords.Count > 0 || Kind != TokenKind.RPar)
                    {
                        throw SyntaxErrorAt(_tokens[itemStart], "Generator expression must be parenthesized");
                    }

                    if (args.Count == 0 && keywords.Count == 0 && Kind == TokenKind.RPar)
                    {
                        Next();
                        var genexp = At(new GeneratorExpExpr(value, generators), open);
                        args.Add(genexp);
                        return At(new CallExpr(func, args, keywords), start);
                    }

                    throw SyntaxErrorAt(_tokens[itemStart], "Generator expression must be parenthesized");
                }

                if (keywords.Count > 0)
                {
                    positionalAfterKeyword = keywords.Any(k => k.Arg is null) ? "positional argument follows keyword argument unpacking" : "positional argument follows keyword argument";
                }

                args.Add(value);
                CheckForgottenComma(itemStart);
            }

            if (!Accept(TokenKind.Comma))
            {
                break;
            }
        }

        if (positionalAfterKeyword is not null && Kind == TokenKind.RPar)
        {
            throw SyntaxErrorAt(Current, positionalAfterKeyword);
        }

        Expect(TokenKind.RPar);
        return At(new CallExpr(func, args, keywords), start);
    }

    /// <summary><c>slices</c>: one slice, or a tuple of slices and starred expressions.</summary>
    private Expr Slices()
    {
        int start = _mark;
        Expr first = Slice();
        if (Kind != TokenKind.Comma)
        {
            // A lone starred expression is not a slice: the grammar's tuple alternative takes it.
            return first is StarredExpr ? At(new TupleExpr(new[] { first }, ExprContext.Load), start) : first;
        }

        var items = new List<Expr> { first };
        while (Accept(TokenKind.Comma))
        {
            if (Kind == TokenKind.RSqb)
            {
                break;
            }

            items.Add(Slice());
        }

        return At(new TupleExpr(items, ExprContext.Load), start);
    }

    private Expr Slice()
    {
        int start = _mark;
        if (Kind == TokenKind.Star)
        {
            return StarExpression();
        }

        Expr? lower = Kind == TokenKind.Colon ? null : NamedExpression();
        if (Kind != TokenKind.Colon)
        {
            return lower!;
        }

        Next();
        Expr? upper = Kind is TokenKind.Colon or TokenKind.Comma or TokenKind.RSqb ? null : Expression();
        Expr? step = null;
        if (Accept(TokenKind.Colon))
        {
            step = Kind is TokenKind.Comma or TokenKind.RSqb ? null : Expression();
        }

        return At(new SliceExpr(lower, upper, step), start);
    }

    /// <summary>
    /// CPython's <c>invalid_expression</c> inside brackets: an expression directly followed by another means a
    /// forgotten comma (not after <c>print</c>/<c>exec</c>, nor a name before a string, as in a prefix typo).
    /// </summary>
    private void CheckForgottenComma(int elementStart)
    {
        if (!StartsExpression() || Kind is TokenKind.Not or TokenKind.Star)
        {
            return;
        }

        Token first = _tokens[elementStart];
        if (first.Kind == TokenKind.Name && (first.Text is "print" or "exec" || (_mark == elementStart + 1 && Kind == TokenKind.String)))
        {
            return;
        }

        if (first.Kind == TokenKind.Name && _mark == elementStart + 1 && first.Text is "match" or "case" or "_")
        {
            return;
        }

        throw SyntaxErrorAt(first, "invalid syntax. Perhaps you forgot a comma?");
    }

    private Expr Atom()
    {
        Token token = Current;
        switch (token.Kind)
        {
            case TokenKind.Name:
                Next();
                return new NameExpr(token.Text!, ExprContext.Load, token.Line, token.Col, token.EndLine, token.EndCol);
            case TokenKind.Number:
                Next();
                return new ConstantExpr(Literals.ParseNumber(token.Text!), null, token.Line, token.Col, token.EndLine, token.EndCol);
            case TokenKind.String:
                return Strings();
            case TokenKind.True or TokenKind.False or TokenKind.None or TokenKind.Ellipsis:
                Next();
                object? value = token.Kind switch
                {
                    TokenKind.True => true,
                    TokenKind.False => false,
                    TokenKind.Ellipsis => ConstantValues.Ellipsis,
                    _ => null,
                };
                return new ConstantExpr(value, null, token.Line, token.Col, token.EndLine, token.EndCol);
            case TokenKind.LPar:
                return ParenthesizedAtom();
            case TokenKind.LSqb:
                return ListAtom();
            case TokenKind.LBrace:
                return BraceAtom();
            default:
                throw UnexpectedToken();
        }
    }

    private Errors.PythonSyntaxError UnexpectedToken()
    {
        Token token = Current;
        if (token.Kind == TokenKind.Indent)
        {
            return SyntaxErrorAt(token, "unexpected indent", type: "IndentationError");
        }

        if (token.Kind == TokenKind.EndMarker || token.Kind == TokenKind.Newline && PeekKind(1) == TokenKind.EndMarker && _mark > 0)
        {
            return SyntaxErrorAt(token, "invalid syntax");
        }

        return SyntaxErrorAt(token, "invalid syntax");
    }
}
