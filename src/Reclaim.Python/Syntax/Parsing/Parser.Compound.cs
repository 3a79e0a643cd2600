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
        Expect(TokenKind.Colon);
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
        Expect(TokenKind.Colon);
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
        Expect(TokenKind.Colon);
        return Block("'else' statement", line);
    }

    private Stmt For(int start, bool isAsync)
    {
        int line = Expect(TokenKind.For).Line;
        Expr target = StarTargets();
        Expect(TokenKind.In);
        Expr iter = StarExpressions();
        Expect(TokenKind.Colon);
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
        Expect(TokenKind.Colon);
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
        Expect(TokenKind.Colon);
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

            Expect(TokenKind.Colon);
            List<Stmt> handlerBody = Block(star ? "'except*' statement" : "'except' statement", handlerLine);
            handlers.Add(At(new ExceptHandler(type, name, handlerBody), handlerStart));
        }

        IReadOnlyList<Stmt> orelse = handlers.Count > 0 ? ElseBlock() : Array.Empty<Stmt>();
        IReadOnlyList<Stmt> finalbody = Array.Empty<Stmt>();
        if (Kind == TokenKind.Finally)
        {
            int finallyLine = Next().Line;
            Expect(TokenKind.Colon);
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
        Expect(TokenKind.Colon);
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
            var call = (CallExpr)Call(new NameExpr(name, ExprContext.Load), _mark);
            bases = call.Args;
            keywords = call.Keywords;
        }

        Expect(TokenKind.Colon);
        List<Stmt> body = Block("class definition", line);
        return At(new ClassDefStmt(name, bases, keywords, body, decorators), start);
    }

    /// <summary>A parameter list up to <paramref name="end"/>: positional-only, plain, <c>*args</c>, keyword-only, <c>**kwargs</c>.</summary>
    private Arguments Parameters(TokenKind end, bool lambda)
    {
        var posonly = new List<Parameter>();
        var plain = new List<Parameter>();
        var defaults = new List<Expr>();
        var kwonly = new List<Parameter>();
        var kwDefaults = new List<Expr?>();
        Parameter? vararg = null;
        Parameter? kwarg = null;
        bool star = false;
        bool sawSlash = false;
        while (Kind != end)
        {
            if (kwarg is not null)
            {
                throw SyntaxErrorAt(Current, "arguments cannot follow var-keyword argument");
            }

            if (Kind == TokenKind.Slash)
            {
                Token slash = Next();
                if (sawSlash)
                {
                    throw SyntaxErrorAt(slash, "/ may appear only once");
                }

                if (plain.Count == 0 || star)
                {
                    throw SyntaxErrorAt(slash, star ? "/ must be ahead of *" : "at least one argument must precede /");
                }

                if (Kind == TokenKind.Star)
                {
                    throw SyntaxErrorAt(Current, "expected comma between / and *");
                }

                sawSlash = true;
                posonly.AddRange(plain);
                plain.Clear();
            }
            else if (Accept(TokenKind.DoubleStar))
            {
                kwarg = Param(lambda, allowStarAnnotation: false);
                if (Kind == TokenKind.Equal)
                {
                    throw SyntaxErrorAt(Current, "var-keyword argument cannot have default value");
                }
            }
            else if (Accept(TokenKind.Star))
            {
                star = true;
                if (Kind == TokenKind.Name)
                {
                    vararg = Param(lambda, allowStarAnnotation: true);
                    if (Kind == TokenKind.Equal)
                    {
                        throw SyntaxErrorAt(Current, "var-positional argument cannot have default value");
                    }
                }
            }
            else if (Kind == TokenKind.LPar)
            {
                throw SyntaxErrorAt(Current, lambda ? "Lambda expression parameters cannot be parenthesized" : "Function parameters cannot be parenthesized");
            }
            else
            {
                int paramStart = _mark;
                Parameter param = Param(lambda, allowStarAnnotation: false);
                Expr? value = null;
                if (Kind == TokenKind.Equal)
                {
                    Token equal = Next();
                    if (Kind == end || Kind == TokenKind.Comma)
                    {
                        throw SyntaxErrorAt(equal, "expected default value expression");
                    }

                    value = Expression();
                }
                else if (!star && defaults.Count > 0)
                {
                    throw SyntaxErrorAt(_tokens[paramStart], "non-default argument follows default argument");
                }

                if (star)
                {
                    kwonly.Add(param);
                    kwDefaults.Add(value);
                }
                else
                {
                    plain.Add(param);
                    if (value is not null)
                    {
                        defaults.Add(value);
                    }
                }
            }

            if (!Accept(TokenKind.Comma))
            {
                break;
            }
        }

        return new Arguments(posonly, plain, vararg, kwonly, kwDefaults, kwarg, defaults);
    }

    private Parameter Param(bool lambda, bool allowStarAnnotation)
    {
        int start = _mark;
        string name = ExpectName();
        Expr? annotation = null;
        if (!lambda && Accept(TokenKind.Colon))
        {
            annotation = allowStarAnnotation && Kind == TokenKind.Star ? StarExpression() : Expression();
        }

        return At(new Parameter(name, annotation, null), start);
    }
}
