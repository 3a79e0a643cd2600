using Reclaim.Python.Syntax.Ast;
using Reclaim.Python.Syntax.Errors;
using Reclaim.Python.Syntax.Tokenizing;

namespace Reclaim.Python.Syntax.Parsing;

/// <summary>Compound statements: if, while, for, with, try, def, class (with decorators and async), match.</summary>
internal sealed partial class Parser
{
    /// <summary>The compound statement at the mark, or null when the line holds simple statements.</summary>
    private Stmt? CompoundStatement()
    {
        switch (Kind)
        {
            case TokenKind.If: return If();
            case TokenKind.While: return While();
            case TokenKind.For: return For(_mark, isAsync: false);
            case TokenKind.With: return With(_mark, isAsync: false);
            case TokenKind.Try: return Try();
            case TokenKind.Def: return FunctionDef(Array.Empty<Expr>(), _mark, isAsync: false);
            case TokenKind.Class: return ClassDef(Array.Empty<Expr>());
            case TokenKind.At: return Decorated();
            case TokenKind.Async:
                int start = _mark;
                Next();
                return Kind switch
                {
                    TokenKind.Def => FunctionDef(Array.Empty<Expr>(), start, isAsync: true),
                    TokenKind.For => For(start, isAsync: true),
                    TokenKind.With => With(start, isAsync: true),
                    _ => throw SyntaxErrorAt(Current, "invalid syntax"),
                };
            case TokenKind.Name when IsSoftKeyword("match"):
                return TryMatch();
            default:
                return null;
        }
    }

    private Stmt If()
    {
        int start = _mark;
        Token keyword = Next();
        Expr test = NamedExpression();
        ExpectBlockColon();
        List<Stmt> body = Block(keyword.Kind == TokenKind.If ? "'if' statement" : "'elif' statement", keyword.Line);
        IReadOnlyList<Stmt> orelse = Array.Empty<Stmt>();
        if (Kind == TokenKind.Elif)
        {
            orelse = new[] { If() };
        }
        else if (Kind == TokenKind.Else)
        {
            orelse = ElseBlock();
        }

        return At(new IfStmt(test, body, orelse), start);
    }

    private Stmt While()
    {
        int start = _mark;
        Token keyword = Next();
        Expr test = NamedExpression();
        ExpectBlockColon();
        List<Stmt> body = Block("'while' statement", keyword.Line);
        IReadOnlyList<Stmt> orelse = ElseBlock();
        return At(new WhileStmt(test, body, orelse), start);
    }

    private IReadOnlyList<Stmt> ElseBlock()
    {
        if (Kind != TokenKind.Else)
        {
            return Array.Empty<Stmt>();
        }

        int line = Next().Line;
        ExpectForcedColon();
        return Block("'else' statement", line);
    }

    private Stmt For(int start, bool isAsync)
    {
        int line = Expect(TokenKind.For).Line;
        Expr target = StarTargets();
        Expect(TokenKind.In);
        Expr iter = StarExpressions();
        ExpectBlockColon();
        List<Stmt> body = Block("'for' statement", line);
        IReadOnlyList<Stmt> orelse = ElseBlock();
        return isAsync ? At(new AsyncForStmt(target, iter, body, orelse, null), start) : At(new ForStmt(target, iter, body, orelse, null), start);
    }

    private Stmt With(int start, bool isAsync)
    {
        int line = Expect(TokenKind.With).Line;
        List<WithItem>? items = null;
        if (Kind == TokenKind.LPar)
        {
            int save = _mark;
            try
            {
                Next();
                items = WithItems(TokenKind.RPar);
                Expect(TokenKind.RPar);
                if (Kind != TokenKind.Colon)
                {
                    items = null;
                }
            }
            catch (PythonSyntaxError)
            {
                items = null;
            }

            if (items is null)
            {
                _mark = save;
            }
        }

        items ??= WithItems(TokenKind.Colon);
        ExpectBlockColon();
        List<Stmt> body = Block("'with' statement", line);
        return isAsync ? At(new AsyncWithStmt(items, body, null), start) : At(new WithStmt(items, body, null), start);
    }

    private List<WithItem> WithItems(TokenKind end)
    {
        var items = new List<WithItem>();
        do
        {
            if (Kind == end && items.Count > 0)
            {
                if (end == TokenKind.Colon)
                {
                    throw SyntaxErrorAt(Current, "invalid syntax");
                }

                break;
            }

            Expr context = Expression();
            Expr? vars = Accept(TokenKind.As) ? StarTarget() : null;
            items.Add(new WithItem(context, vars));
        }
        while (Accept(TokenKind.Comma));

        return items;
    }

    private Stmt Try()
    {
        int start = _mark;
        int line = Next().Line;
        ExpectForcedColon();
        List<Stmt> body = Block("'try' statement", line);
        var handlers = new List<ExceptHandler>();
        bool star = false;
        while (Kind == TokenKind.Except)
        {
            int handlerStart = _mark;
            int handlerLine = Next().Line;
            bool thisStar = Accept(TokenKind.Star);
            if (handlers.Count > 0 && thisStar != star)
            {
                throw SyntaxErrorAt(_tokens[handlerStart], "cannot have both 'except' and 'except*' on the same 'try'");
            }

            star = thisStar;
            if (star && Kind is TokenKind.Colon or TokenKind.Newline)
            {
                throw SyntaxErrorAt(Current, "expected one or more exception types");
            }

            if (Kind == TokenKind.Newline)
            {
                throw Expected(TokenKind.Colon);
            }

            Expr? type = null;
            string? name = null;
            if (Kind != TokenKind.Colon)
            {
                type = Expression();
                if (Kind == TokenKind.Comma)
                {
                    throw SyntaxErrorAt(type, "multiple exception types must be parenthesized");
                }

                if (Accept(TokenKind.As))
                {
                    name = ExpectName();
                }
            }

            ExpectBlockColon();
            List<Stmt> handlerBody = Block(star ? "'except*' statement" : "'except' statement", handlerLine);
            handlers.Add(At(new ExceptHandler(type, name, handlerBody), handlerStart));
        }

        IReadOnlyList<Stmt> orelse = handlers.Count > 0 ? ElseBlock() : Array.Empty<Stmt>();
        IReadOnlyList<Stmt> finalbody = Array.Empty<Stmt>();
        if (Kind == TokenKind.Finally)
        {
            int finallyLine = Next().Line;
            ExpectForcedColon();
            finalbody = Block("'finally' statement", finallyLine);
        }
        else if (handlers.Count == 0)
        {
            int newline = _mark - 1;
            while (newline > 0 && _tokens[newline].Kind != TokenKind.Newline)
            {
                newline--;
            }

            throw SyntaxErrorAt(_tokens[newline], "expected 'except' or 'finally' block");
        }

        return star ? At(new TryStarStmt(body, handlers, orelse, finalbody), start) : At(new TryStmt(body, handlers, orelse, finalbody), start);
    }

    private Stmt Decorated()
    {
        var decorators = new List<Expr>();
        while (Accept(TokenKind.At))
        {
            decorators.Add(NamedExpression());
            Expect(TokenKind.Newline);
        }

        int start = _mark;
        if (Kind == TokenKind.Class)
        {
            return ClassDef(decorators);
        }

        bool isAsync = Accept(TokenKind.Async);
        return FunctionDef(decorators, start, isAsync);
    }

    private Stmt FunctionDef(IReadOnlyList<Expr> decorators, int start, bool isAsync)
    {
        int line = Expect(TokenKind.Def).Line;
        string name = ExpectName();
        if (Kind != TokenKind.LPar)
        {
            throw SyntaxErrorAt(Current, "expected '('");
        }

        Next();
        Arguments args = Parameters(TokenKind.RPar, lambda: false);
        Expect(TokenKind.RPar);
        Expr? returns = Accept(TokenKind.RArrow) ? Expression() : null;
        ExpectForcedColon();
        List<Stmt> body = Block("function definition", line);
        return isAsync
            ? At(new AsyncFunctionDefStmt(name, args, body, decorators, returns, null), start)
            : At(new FunctionDefStmt(name, args, body, decorators, returns, null), start);
    }

    private Stmt ClassDef(IReadOnlyList<Expr> decorators)
    {
        int start = _mark;
        int line = Expect(TokenKind.Class).Line;
        string name = ExpectName();
        IReadOnlyList<Expr> bases = Array.Empty<Expr>();
        IReadOnlyList<Keyword> keywords = Array.Empty<Keyword>();
        if (Kind == TokenKind.LPar)
        {
            int open = _mark;
            var call = (CallExpr)Call(new NameExpr(name, ExprContext.Load), _mark);
            if (call.Args.Count == 1 && call.Args[0] is GeneratorExpExpr && call.Keywords.Count == 0)
            {
                // A class's bases are arguments, but a bare generator expression is not among them.
                int forToken = open;
                while (_tokens[forToken].Kind != TokenKind.For)
                {
                    forToken++;
                }

                throw SyntaxErrorAt(_tokens[forToken], "invalid syntax");
            }

            bases = call.Args;
            keywords = call.Keywords;
        }

        ExpectBlockColon();
        List<Stmt> body = Block("class definition", line);
        return At(new ClassDefStmt(name, bases, keywords, body, decorators), start);
    }
}
