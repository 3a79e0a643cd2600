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
            body.Add(LegacyAware());
            if (!Accept(TokenKind.Semi) || Kind == TokenKind.Newline)
            {
                break;
            }
        }

        if (Kind != TokenKind.Newline)
        {
            int statementStart = body[^1] is { } last ? StartOf(last) : _mark;
            if (IsLegacyStatement(statementStart))
            {
                string name = _tokens[statementStart].Text!;
                throw SyntaxErrorAt(_tokens[statementStart], $"Missing parentheses in call to '{name}'. Did you mean {name}(...)?");
            }

            throw SyntaxErrorAt(Current, "invalid syntax");
        }

        Next();
    }

    /// <summary>The index of the token where <paramref name="node"/> starts.</summary>
    private int StartOf(Located node)
    {
        int i = _mark;
        while (i > 0 && (_tokens[i].Line > node.Lineno || (_tokens[i].Line == node.Lineno && _tokens[i].Col > node.ColOffset)))
        {
            i--;
        }

        return i;
    }

    /// <summary><c>block</c>: an indented suite, or simple statements on the same line.</summary>
    private List<Stmt> Block(string owner, int ownerLine)
    {
        var body = new List<Stmt>();
        Enter();
        if (Accept(TokenKind.Newline))
        {
            if (Kind != TokenKind.Indent)
            {
                throw SyntaxErrorAt(Current, $"expected an indented block after {owner} on line {ownerLine}", type: "IndentationError");
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

    /// <summary>A simple statement; a failed Python 2 <c>print x</c> or <c>exec x</c> gets CPython's hint.</summary>
    private Stmt LegacyAware()
    {
        int start = _mark;
        try
        {
            return SimpleStatement();
        }
        catch (Errors.PythonSyntaxError e) when (e.Message == "invalid syntax" && IsLegacyStatement(start))
        {
            string name = _tokens[start].Text!;
            throw SyntaxErrorAt(_tokens[start], $"Missing parentheses in call to '{name}'. Did you mean {name}(...)?");
        }
    }

    private bool IsLegacyStatement(int start)
    {
        Token first = _tokens[start];
        if (first.Kind != TokenKind.Name || first.Text is not ("print" or "exec"))
        {
            return false;
        }

        int save = _mark;
        _mark = start + 1;
        bool legacy = StartsExpression() && Kind != TokenKind.LPar && !(Kind is TokenKind.Minus or TokenKind.Plus or TokenKind.Star or TokenKind.Tilde);
        _mark = save;
        return legacy;
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
                    if (target is YieldExpr or YieldFromExpr)
                    {
                        throw SyntaxErrorAt(target, "assignment to yield expression not possible");
                    }

                    if (targets.Count == 1 && target is BinOpExpr or UnaryOpExpr { Op: not UnaryOperator.Not } or AwaitExpr or CallExpr
                        or JoinedStrExpr or DictExpr or SetExpr or ListCompExpr or SetCompExpr or DictCompExpr
                        || (targets.Count == 1 && target is ConstantExpr && target is not ConstantExpr { Value: null or bool }))
                    {
                        throw SyntaxErrorAt(target, $"cannot assign to {Describe(target)} here. Maybe you meant '==' instead of '='?");
                    }

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
                    throw SyntaxErrorAt(first, first switch
                    {
                        TupleExpr => "only single target (not tuple) can be annotated",
                        ListExpr => "only single target (not list) can be annotated",
                        _ => "illegal target for annotation",
                    });
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
                if ((parenthesized && Kind == TokenKind.RPar) || (!parenthesized && names.Count > 0 && Kind is TokenKind.Newline or TokenKind.Semi))
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
