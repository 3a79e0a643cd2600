using Reclaim.Python.Syntax.Ast;
using Reclaim.Python.Syntax.Tokenizing;

namespace Reclaim.Python.Syntax.Parsing;

/// <summary>The file, blocks and simple statements.</summary>
internal sealed partial class Parser
{
    private Module File()
    {
        var body = new List<Stmt>();
        while (Kind != TokenKind.EndMarker)
        {
            Statement(body);
        }

        return new Module(body, Array.Empty<TypeIgnore>());
    }

    /// <summary>One <c>statement</c>: a compound statement, or a line of simple ones, appended to <paramref name="body"/>.</summary>
    private void Statement(List<Stmt> body)
    {
        Stmt? compound = CompoundStatement();
        if (compound is not null)
        {
            body.Add(compound);
            return;
        }

        SimpleStatements(body);
    }

    private void SimpleStatements(List<Stmt> body)
    {
        if (Kind == TokenKind.Indent)
        {
            throw UnexpectedToken();
        }

        while (true)
        {
            body.Add(SimpleStatement());
            if (!Accept(TokenKind.Semi) || Kind == TokenKind.Newline)
            {
                break;
            }
        }

        if (Kind != TokenKind.Newline)
        {
            throw SyntaxErrorAt(Current, "invalid syntax");
        }

        Next();
    }

    /// <summary><c>block</c>: an indented suite, or simple statements on the same line.</summary>
    private List<Stmt> Block()
    {
        var body = new List<Stmt>();
        Enter();
        if (Accept(TokenKind.Newline))
        {
            if (Kind != TokenKind.Indent)
            {
                throw IndentError();
            }

            Next();
            while (Kind != TokenKind.Dedent && Kind != TokenKind.EndMarker)
            {
                Statement(body);
            }

            Accept(TokenKind.Dedent);
        }
        else
        {
            SimpleStatements(body);
        }

        Leave();
        return body;
    }

    private Stmt SimpleStatement()
    {
        int start = _mark;
        switch (Kind)
        {
            case TokenKind.Pass:
                Next();
                return At(new PassStmt(), start);
            case TokenKind.Break:
                Next();
                return At(new BreakStmt(), start);
            case TokenKind.Continue:
                Next();
                return At(new ContinueStmt(), start);
            case TokenKind.Return:
                Next();
                Expr? value = StartsExpression() ? StarExpressions() : null;
                return At(new ReturnStmt(value), start);
            case TokenKind.Raise:
                return Raise();
            case TokenKind.Global or TokenKind.Nonlocal:
                bool global = Next().Kind == TokenKind.Global;
                var names = new List<string> { ExpectName() };
                while (Accept(TokenKind.Comma))
                {
                    names.Add(ExpectName());
                }

                return global ? At(new GlobalStmt(names), start) : At(new NonlocalStmt(names), start);
            case TokenKind.Del:
                return Delete();
            case TokenKind.Assert:
                Next();
                Expr test = Expression();
                Expr? msg = Accept(TokenKind.Comma) ? Expression() : null;
                return At(new AssertStmt(test, msg), start);
            case TokenKind.Import:
                return Import();
            case TokenKind.From:
                return ImportFrom();
            default:
                return ExpressionStatement();
        }
    }

    private Stmt Raise()
    {
        int start = _mark;
        Next();
        if (!StartsExpression())
        {
            return At(new RaiseStmt(null, null), start);
        }

        Expr exc = Expression();
        Expr? cause = Accept(TokenKind.From) ? Expression() : null;
        return At(new RaiseStmt(exc, cause), start);
    }

    private Stmt Delete()
    {
        int start = _mark;
        Next();
        var targets = new List<Expr>();
        do
        {
            if (Kind is TokenKind.Newline or TokenKind.Semi)
            {
                break;
            }

            targets.Add(SetContext(DelTarget(), ExprContext.Del));
        }
        while (Accept(TokenKind.Comma));

        return At(new DeleteStmt(targets), start);
    }

    private Expr DelTarget()
    {
        if (Kind is TokenKind.LPar or TokenKind.LSqb && !IsFollowedByTrailer())
        {
            return Atom();
        }

        return Primary();
    }

    /// <summary>Expression statements and every kind of assignment (plain, chained, augmented, annotated).</summary>
    private Stmt ExpressionStatement()
    {
        int start = _mark;
        Expr first = Kind == TokenKind.Yield ? YieldExpression() : StarExpressions();
        switch (Kind)
        {
            case TokenKind.Equal:
            {
                var targets = new List<Expr> { first };
                Expr value;
                while (true)
                {
                    Next();
                    value = Kind == TokenKind.Yield ? YieldExpression() : StarExpressions();
                    if (Kind != TokenKind.Equal)
                    {
                        break;
                    }

                    targets.Add(value);
                }

                foreach (Expr target in targets)
                {
                    SetContext(target, ExprContext.Store);
                }

                return At(new AssignStmt(targets, value, null), start);
            }

            case TokenKind.Colon:
            {
                Next();
                int simple = first is NameExpr && _tokens[start].Kind != TokenKind.LPar ? 1 : 0;
                if (first is not (NameExpr or AttributeExpr or SubscriptExpr))
                {
                    throw SyntaxErrorAt(first, first is TupleExpr ? "only single target (not tuple) can be annotated" : $"illegal target for annotation");
                }

                SetContext(first, ExprContext.Store);
                Expr annotation = Expression();
                Expr? value = null;
                if (Accept(TokenKind.Equal))
                {
                    value = Kind == TokenKind.Yield ? YieldExpression() : StarExpressions();
                }

                return At(new AnnAssignStmt(first, annotation, value, simple), start);
            }

            default:
                if (AugmentedOperator(Kind) is BinaryOperator op)
                {
                    if (first is not (NameExpr or AttributeExpr or SubscriptExpr))
                    {
                        throw SyntaxErrorAt(first, $"'{Describe(first)}' is an illegal expression for augmented assignment");
                    }

                    Next();
                    SetContext(first, ExprContext.Store);
                    Expr value = Kind == TokenKind.Yield ? YieldExpression() : StarExpressions();
                    return At(new AugAssignStmt(first, op, value), start);
                }

                return At(new ExprStmt(first), start);
        }
    }

    private static BinaryOperator? AugmentedOperator(TokenKind kind) => kind switch
    {
        TokenKind.PlusEqual => BinaryOperator.Add,
        TokenKind.MinEqual => BinaryOperator.Sub,
        TokenKind.StarEqual => BinaryOperator.Mult,
        TokenKind.AtEqual => BinaryOperator.MatMult,
        TokenKind.SlashEqual => BinaryOperator.Div,
        TokenKind.PercentEqual => BinaryOperator.Mod,
        TokenKind.AmperEqual => BinaryOperator.BitAnd,
        TokenKind.VBarEqual => BinaryOperator.BitOr,
        TokenKind.CircumflexEqual => BinaryOperator.BitXor,
        TokenKind.LeftShiftEqual => BinaryOperator.LShift,
        TokenKind.RightShiftEqual => BinaryOperator.RShift,
        TokenKind.DoubleStarEqual => BinaryOperator.Pow,
        TokenKind.DoubleSlashEqual => BinaryOperator.FloorDiv,
        _ => null,
    };

    private Stmt Import()
    {
        int start = _mark;
        Next();
        var names = new List<Alias>();
        do
        {
            names.Add(ImportAlias(dotted: true));
        }
        while (Accept(TokenKind.Comma));

        return At(new ImportStmt(names), start);
    }

    private Alias ImportAlias(bool dotted)
    {
        int start = _mark;
        string name = ExpectName();
        while (dotted && Kind == TokenKind.Dot)
        {
            Next();
            name = string.Concat(name, ".", ExpectName());
        }

        string? asname = Accept(TokenKind.As) ? ExpectName() : null;
        return At(new Alias(name, asname), start);
    }

    private Stmt ImportFrom()
    {
        int start = _mark;
        Next();
        int level = 0;
        while (Kind is TokenKind.Dot or TokenKind.Ellipsis)
        {
            level += Next().Kind == TokenKind.Dot ? 1 : 3;
        }

        string? module = null;
        if (Kind != TokenKind.Import)
        {
            module = ExpectName();
            while (Accept(TokenKind.Dot))
            {
                module = string.Concat(module, ".", ExpectName());
            }
        }

        Expect(TokenKind.Import);
        var names = new List<Alias>();
        if (Kind == TokenKind.Star)
        {
            int star = _mark;
            Next();
            names.Add(At(new Alias("*", null), star));
        }
        else
        {
            bool parenthesized = Accept(TokenKind.LPar);
            do
            {
                if (parenthesized && Kind == TokenKind.RPar)
                {
                    break;
                }

                names.Add(ImportAlias(dotted: false));
            }
            while (Accept(TokenKind.Comma));

            if (parenthesized)
            {
                Expect(TokenKind.RPar);
            }
            else if (_tokens[_mark - 1].Kind == TokenKind.Comma)
            {
                throw SyntaxErrorAt(_tokens[_mark - 1], "trailing comma not allowed without surrounding parentheses");
            }
        }

        return At(new ImportFromStmt(module, names, level), start);
    }
}
