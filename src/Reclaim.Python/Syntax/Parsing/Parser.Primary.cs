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
                    if (args.Count == 0 && keywords.Count == 0 && Kind == TokenKind.RPar)
                    {
                        Next();
                        var genexp = At(new GeneratorExpExpr(value, generators), open);
                        args.Add(genexp);
                        return At(new CallExpr(func, args, keywords), start);
                    }

                    value = At(new GeneratorExpExpr(value, generators), itemStart);
                }

                args.Add(value);
                CheckForgottenComma(itemStart);
            }

            if (!Accept(TokenKind.Comma))
            {
                break;
            }
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

    private Expr ParenthesizedAtom()
    {
        int start = _mark;
        Enter();
        Next();
        Expr result;
        if (Kind == TokenKind.RPar)
        {
            Next();
            result = At(new TupleExpr(Array.Empty<Expr>(), ExprContext.Load), start);
        }
        else if (Kind == TokenKind.Yield)
        {
            result = YieldExpression();
            Expect(TokenKind.RPar);
        }
        else
        {
            Expr first = StarNamedExpression();
            CheckForgottenComma(start + 1);
            if (Kind is TokenKind.For or TokenKind.Async)
            {
                List<Comprehension> generators = ForIfClauses();
                Expect(TokenKind.RPar);
                result = At(new GeneratorExpExpr(first, generators), start);
            }
            else if (Kind == TokenKind.Comma)
            {
                var items = new List<Expr> { first };
                while (Accept(TokenKind.Comma) && Kind != TokenKind.RPar)
                {
                    int elementStart = _mark;
                    items.Add(StarNamedExpression());
                    CheckForgottenComma(elementStart);
                }

                Expect(TokenKind.RPar);
                result = At(new TupleExpr(items, ExprContext.Load), start);
            }
            else
            {
                Expect(TokenKind.RPar);
                if (first is StarredExpr)
                {
                    throw SyntaxErrorAt(first, "cannot use starred expression here");
                }

                result = first;
            }
        }

        Leave();
        return result;
    }

    private Expr ListAtom()
    {
        int start = _mark;
        Enter();
        Next();
        var items = new List<Expr>();
        if (Kind != TokenKind.RSqb)
        {
            Expr first = StarNamedExpression();
            if (Kind is TokenKind.For or TokenKind.Async)
            {
                List<Comprehension> generators = ForIfClauses();
                Expect(TokenKind.RSqb);
                Leave();
                return At(new ListCompExpr(first, generators), start);
            }

            items.Add(first);
            CheckForgottenComma(start + 1);
            while (Accept(TokenKind.Comma) && Kind != TokenKind.RSqb)
            {
                int elementStart = _mark;
                items.Add(StarNamedExpression());
                CheckForgottenComma(elementStart);
                if (Kind is TokenKind.For or TokenKind.Async)
                {
                    throw SyntaxErrorAt(items[0], "did you forget parentheses around the comprehension target?");
                }
            }
        }

        Expect(TokenKind.RSqb);
        Leave();
        return At(new ListExpr(items, ExprContext.Load), start);
    }

    private Expr BraceAtom()
    {
        int start = _mark;
        Enter();
        Next();
        Expr result;
        if (Kind == TokenKind.RBrace)
        {
            Next();
            result = At(new DictExpr(Array.Empty<Expr?>(), Array.Empty<Expr>()), start);
        }
        else if (Kind == TokenKind.DoubleStar)
        {
            result = DictDisplay(start, null);
        }
        else
        {
            Expr first = StarNamedExpression();
            if (Kind == TokenKind.Colon)
            {
                result = DictDisplay(start, first);
            }
            else if (Kind is TokenKind.For or TokenKind.Async)
            {
                List<Comprehension> generators = ForIfClauses();
                Expect(TokenKind.RBrace);
                result = At(new SetCompExpr(first, generators), start);
            }
            else
            {
                var items = new List<Expr> { first };
                CheckForgottenComma(start + 1);
                while (Accept(TokenKind.Comma) && Kind != TokenKind.RBrace)
                {
                    int elementStart = _mark;
                    items.Add(StarNamedExpression());
                    CheckForgottenComma(elementStart);
                }

                Expect(TokenKind.RBrace);
                result = At(new SetExpr(items), start);
            }
        }

        Leave();
        return result;
    }

    /// <summary>The rest of a dict display or comprehension; <paramref name="firstKey"/> is parsed already (null: starts with <c>**</c>).</summary>
    private Expr DictDisplay(int start, Expr? firstKey)
    {
        var keys = new List<Expr?>();
        var values = new List<Expr>();
        if (firstKey is not null)
        {
            Expr value = DictValue();
            if (Kind is TokenKind.For or TokenKind.Async)
            {
                List<Comprehension> generators = ForIfClauses();
                Expect(TokenKind.RBrace);
                return At(new DictCompExpr(firstKey, value, generators), start);
            }

            keys.Add(firstKey);
            values.Add(value);
            CheckForgottenComma(start + 1);
            if (!Accept(TokenKind.Comma))
            {
                Expect(TokenKind.RBrace);
                return At(new DictExpr(keys, values), start);
            }
        }

        while (Kind != TokenKind.RBrace)
        {
            if (Accept(TokenKind.DoubleStar))
            {
                keys.Add(null);
                values.Add(BitwiseOr());
            }
            else
            {
                int keyStart = _mark;
                keys.Add(Expression());
                if (Kind != TokenKind.Colon)
                {
                    CheckForgottenComma(keyStart);
                    throw SyntaxErrorAt(Kind is TokenKind.Comma or TokenKind.RBrace ? LastToken() : Current, "':' expected after dictionary key", afterToken: false);
                }

                values.Add(DictValue());
                CheckForgottenComma(keyStart);
            }

            if (!Accept(TokenKind.Comma))
            {
                break;
            }
        }

        Expect(TokenKind.RBrace);
        return At(new DictExpr(keys, values), start);
    }

    /// <summary>The <c>: value</c> of a dict item, with CPython's messages for a missing or starred value.</summary>
    private Expr DictValue()
    {
        Token colon = Expect(TokenKind.Colon);
        if (Kind == TokenKind.Star)
        {
            throw SyntaxErrorAt(Current, "cannot use a starred expression in a dictionary value");
        }

        if (Kind is TokenKind.Comma or TokenKind.RBrace)
        {
            throw SyntaxErrorAt(colon, "expression expected after dictionary key and ':'");
        }

        return Expression();
    }

    /// <summary><c>for_if_clauses</c>: <c>[async] for targets in disjunction (if disjunction)*</c>, repeated.</summary>
    private List<Comprehension> ForIfClauses()
    {
        var clauses = new List<Comprehension>();
        while (Kind is TokenKind.For || (Kind == TokenKind.Async && PeekKind(1) == TokenKind.For))
        {
            int isAsync = Accept(TokenKind.Async) ? 1 : 0;
            Expect(TokenKind.For);
            Expr target = StarTargets();
            Expect(TokenKind.In);
            Expr iter = Disjunction();
            var ifs = new List<Expr>();
            while (Accept(TokenKind.If))
            {
                ifs.Add(Disjunction());
            }

            clauses.Add(new Comprehension(target, iter, ifs, isAsync));
        }

        return clauses;
    }
}
