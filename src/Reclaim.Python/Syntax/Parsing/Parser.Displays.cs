using Reclaim.Python.Syntax.Ast;
using Reclaim.Python.Syntax.Tokenizing;

namespace Reclaim.Python.Syntax.Parsing;

/// <summary>Parenthesised atoms, list, set and dict displays, comprehensions.</summary>
internal sealed partial class Parser
{
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
                RefuseStarredElement(first);
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
                RefuseStarredElement(first);
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
                RefuseStarredElement(first);
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
            CheckForgottenComma(StartOf(value));
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

                int valueStart = _mark + 1;
                values.Add(DictValue());
                CheckForgottenComma(valueStart);
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
    // CPython's invalid_comprehension: `[*a for a in b]` once the for-if clauses parse.
    private void RefuseStarredElement(Expr element)
    {
        if (element is StarredExpr)
        {
            throw SyntaxErrorAt(element, "iterable unpacking cannot be used in comprehension");
        }
    }

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
