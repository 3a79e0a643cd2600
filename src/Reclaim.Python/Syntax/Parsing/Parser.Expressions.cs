using Reclaim.Python.Syntax.Ast;
using Reclaim.Python.Syntax.Tokenizing;

namespace Reclaim.Python.Syntax.Parsing;

/// <summary>Expressions from <c>star_expressions</c> down to <c>power</c>, as python.gram orders precedence.</summary>
internal sealed partial class Parser
{
    /// <summary><c>star_expressions</c>: one, or a tuple when a comma follows.</summary>
    private Expr StarExpressions()
    {
        int start = _mark;
        Expr first = StarExpression();
        if (Kind != TokenKind.Comma)
        {
            return first;
        }

        var items = new List<Expr> { first };
        while (Accept(TokenKind.Comma))
        {
            if (!StartsExpression())
            {
                break;
            }

            items.Add(StarExpression());
        }

        return At(new TupleExpr(items, ExprContext.Load), start);
    }

    private Expr StarExpression()
    {
        if (Kind == TokenKind.Star)
        {
            int start = _mark;
            Next();
            Expr value = BitwiseOr();
            return At(new StarredExpr(value, ExprContext.Load), start);
        }

        return Expression();
    }

    /// <summary><c>star_named_expression</c>: an element of a list, set or tuple display.</summary>
    private Expr StarNamedExpression()
    {
        if (Kind == TokenKind.Star)
        {
            int start = _mark;
            Next();
            Expr value = BitwiseOr();
            return At(new StarredExpr(value, ExprContext.Load), start);
        }

        return NamedExpression();
    }

    /// <summary><c>named_expression</c>: <c>NAME := expression</c> or an expression.</summary>
    private Expr NamedExpression()
    {
        if (Kind == TokenKind.Name && PeekKind(1) == TokenKind.ColonEqual)
        {
            int start = _mark;
            Token name = Next();
            Next();
            var target = new NameExpr(name.Text!, ExprContext.Store, name.Line, name.Col, name.EndLine, name.EndCol);
            Expr value = Expression();
            return At(new NamedExprExpr(target, value), start);
        }

        Expr result = Expression();
        if (Kind == TokenKind.Equal)
        {
            throw MistakenAssignment(result);
        }

        return result;
    }

    /// <summary>CPython's <c>invalid_named_expression</c>: <c>=</c> where an expression must end.</summary>
    private Errors.PythonSyntaxError MistakenAssignment(Expr target) => target is NameExpr
        ? SyntaxErrorAt(target, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?")
        : target is ListExpr or TupleExpr or GeneratorExpExpr or ConstantExpr { Value: null or bool }
            ? SyntaxErrorAt(Current, "invalid syntax")
            : SyntaxErrorAt(target, $"cannot assign to {Describe(target)} here. Maybe you meant '==' instead of '='?");

    /// <summary><c>expression</c>: a conditional expression, a lambda, or a disjunction.</summary>
    private Expr Expression()
    {
        if (Kind == TokenKind.Lambda)
        {
            return Lambda();
        }

        Enter();
        int start = _mark;
        Expr body = Disjunction();
        if (Kind == TokenKind.If)
        {
            Next();
            Expr test = Disjunction();
            if (Kind != TokenKind.Else)
            {
                throw SyntaxErrorAt(body, "expected 'else' after 'if' expression");
            }

            Next();
            Expr orelse = Expression();
            body = At(new IfExpExpr(test, body, orelse), start);
        }

        Leave();
        return body;
    }

    private Expr Disjunction()
    {
        int start = _mark;
        Expr first = Conjunction();
        if (Kind != TokenKind.Or)
        {
            return first;
        }

        var values = new List<Expr> { first };
        while (Accept(TokenKind.Or))
        {
            values.Add(Conjunction());
        }

        return At(new BoolOpExpr(BoolOperator.Or, values), start);
    }

    private Expr Conjunction()
    {
        int start = _mark;
        Expr first = Inversion();
        if (Kind != TokenKind.And)
        {
            return first;
        }

        var values = new List<Expr> { first };
        while (Accept(TokenKind.And))
        {
            values.Add(Inversion());
        }

        return At(new BoolOpExpr(BoolOperator.And, values), start);
    }

    private Expr Inversion()
    {
        if (Kind == TokenKind.Not)
        {
            Enter();
            int start = _mark;
            Next();
            Expr operand = Inversion();
            Leave();
            return At(new UnaryOpExpr(UnaryOperator.Not, operand), start);
        }

        return Comparison();
    }

    private Expr Comparison()
    {
        int start = _mark;
        Expr left = BitwiseOr();
        List<ComparisonOperator>? ops = null;
        List<Expr>? comparators = null;
        while (true)
        {
            ComparisonOperator op;
            switch (Kind)
            {
                case TokenKind.EqEqual: op = ComparisonOperator.Eq; break;
                case TokenKind.NotEqual: op = ComparisonOperator.NotEq; break;
                case TokenKind.Less: op = ComparisonOperator.Lt; break;
                case TokenKind.LessEqual: op = ComparisonOperator.LtE; break;
                case TokenKind.Greater: op = ComparisonOperator.Gt; break;
                case TokenKind.GreaterEqual: op = ComparisonOperator.GtE; break;
                case TokenKind.In: op = ComparisonOperator.In; break;
                case TokenKind.Not when PeekKind(1) == TokenKind.In: op = ComparisonOperator.NotIn; Next(); break;
                case TokenKind.Is when PeekKind(1) == TokenKind.Not: op = ComparisonOperator.IsNot; Next(); break;
                case TokenKind.Is: op = ComparisonOperator.Is; break;
                default:
                    return ops is null ? left : At(new CompareExpr(left, ops, comparators!), start);
            }

            Next();
            (ops ??= new()).Add(op);
            (comparators ??= new()).Add(BitwiseOr());
        }
    }

    private Expr BitwiseOr() => Binary(0);

    /// <summary>The left-associative binary levels: <c>|</c>, <c>^</c>, <c>&amp;</c>, shifts, sums, terms.</summary>
    private Expr Binary(int level)
    {
        if (level == 6)
        {
            return Factor();
        }

        int start = _mark;
        Expr left = Binary(level + 1);
        while (true)
        {
            BinaryOperator op;
            TokenKind kind = Kind;
            switch (level)
            {
                case 0 when kind == TokenKind.VBar: op = BinaryOperator.BitOr; break;
                case 1 when kind == TokenKind.Circumflex: op = BinaryOperator.BitXor; break;
                case 2 when kind == TokenKind.Amper: op = BinaryOperator.BitAnd; break;
                case 3 when kind == TokenKind.LeftShift: op = BinaryOperator.LShift; break;
                case 3 when kind == TokenKind.RightShift: op = BinaryOperator.RShift; break;
                case 4 when kind == TokenKind.Plus: op = BinaryOperator.Add; break;
                case 4 when kind == TokenKind.Minus: op = BinaryOperator.Sub; break;
                case 5 when kind == TokenKind.Star: op = BinaryOperator.Mult; break;
                case 5 when kind == TokenKind.Slash: op = BinaryOperator.Div; break;
                case 5 when kind == TokenKind.DoubleSlash: op = BinaryOperator.FloorDiv; break;
                case 5 when kind == TokenKind.Percent: op = BinaryOperator.Mod; break;
                case 5 when kind == TokenKind.At: op = BinaryOperator.MatMult; break;
                default: return left;
            }

            Next();
            Expr right = Binary(level + 1);
            left = At(new BinOpExpr(left, op, right), start);
        }
    }

    private Expr Factor()
    {
        UnaryOperator op;
        switch (Kind)
        {
            case TokenKind.Plus: op = UnaryOperator.UAdd; break;
            case TokenKind.Minus: op = UnaryOperator.USub; break;
            case TokenKind.Tilde: op = UnaryOperator.Invert; break;
            default: return Power();
        }

        Enter();
        int start = _mark;
        Next();
        Expr operand = Factor();
        Leave();
        return At(new UnaryOpExpr(op, operand), start);
    }

    private Expr Power()
    {
        int start = _mark;
        Expr left = AwaitPrimary();
        if (Kind != TokenKind.DoubleStar)
        {
            return left;
        }

        Next();
        Expr right = Factor();
        return At(new BinOpExpr(left, BinaryOperator.Pow, right), start);
    }

    private Expr AwaitPrimary()
    {
        if (Kind == TokenKind.Await)
        {
            int start = _mark;
            Next();
            Expr value = Primary();
            return At(new AwaitExpr(value), start);
        }

        return Primary();
    }

    /// <summary>Whether the current token can begin an expression (used after a trailing comma).</summary>
    private bool StartsExpression() => Kind switch
    {
        TokenKind.Name or TokenKind.Number or TokenKind.String or TokenKind.LPar or TokenKind.LSqb or TokenKind.LBrace
            or TokenKind.Minus or TokenKind.Plus or TokenKind.Tilde or TokenKind.Star or TokenKind.Not or TokenKind.Lambda
            or TokenKind.Await or TokenKind.None or TokenKind.True or TokenKind.False or TokenKind.Ellipsis => true,
        _ => false,
    };

    /// <summary><c>yield_expr</c>: <c>yield from x</c>, <c>yield xs</c>, <c>yield</c>.</summary>
    private Expr YieldExpression()
    {
        int start = _mark;
        Expect(TokenKind.Yield);
        if (Accept(TokenKind.From))
        {
            Expr source = Expression();
            return At(new YieldFromExpr(source), start);
        }

        Expr? value = StartsExpression() ? StarExpressions() : null;
        return At(new YieldExpr(value), start);
    }

    private Expr Lambda()
    {
        int start = _mark;
        Expect(TokenKind.Lambda);
        Arguments args = Parameters(TokenKind.Colon, lambda: true);
        Expect(TokenKind.Colon);
        Expr body = Expression();
        return At(new LambdaExpr(args, body), start);
    }
}
