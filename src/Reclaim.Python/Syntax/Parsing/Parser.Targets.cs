using Reclaim.Python.Syntax.Ast;
using Reclaim.Python.Syntax.Tokenizing;

namespace Reclaim.Python.Syntax.Parsing;

/// <summary>Assignment, deletion and loop targets: <c>star_targets</c> and the Store/Del contexts.</summary>
internal sealed partial class Parser
{
    /// <summary><c>star_targets</c> where an expression would swallow the <c>in</c> of a <c>for</c>.</summary>
    private Expr StarTargets()
    {
        int start = _mark;
        Expr first = StarTarget();
        if (Kind != TokenKind.Comma)
        {
            return first;
        }

        var items = new List<Expr> { first };
        while (Accept(TokenKind.Comma) && Kind is not (TokenKind.In or TokenKind.Equal or TokenKind.RPar or TokenKind.RSqb))
        {
            items.Add(StarTarget());
        }

        return At(new TupleExpr(items, ExprContext.Store), start);
    }

    private Expr StarTarget()
    {
        int start = _mark;
        Enter();
        Expr result;
        if (Accept(TokenKind.Star))
        {
            Expr inner = StarTarget();
            result = At(new StarredExpr(inner, ExprContext.Store), start);
        }
        else if (Kind is TokenKind.LPar or TokenKind.LSqb && !IsFollowedByTrailer())
        {
            bool list = Next().Kind == TokenKind.LSqb;
            TokenKind close = list ? TokenKind.RSqb : TokenKind.RPar;
            var items = new List<Expr>();
            bool comma = false;
            while (Kind != close)
            {
                items.Add(StarTarget());
                if (!Accept(TokenKind.Comma))
                {
                    break;
                }

                comma = true;
            }

            Expect(close);
            result = list ? At(new ListExpr(items, ExprContext.Store), start)
                : comma || items.Count != 1 ? At(new TupleExpr(items, ExprContext.Store), start)
                : items[0];
        }
        else
        {
            result = SetContext(Primary(), ExprContext.Store);
        }

        Leave();
        return result;
    }

    /// <summary>Whether the bracket at the mark closes and is followed by <c>.</c>, <c>(</c> or <c>[</c> (then it is a primary).</summary>
    private bool IsFollowedByTrailer()
    {
        int depth = 0;
        for (int i = _mark; i < _tokens.Count; i++)
        {
            TokenKind kind = _tokens[i].Kind;
            if (kind is TokenKind.LPar or TokenKind.LSqb or TokenKind.LBrace)
            {
                depth++;
            }
            else if (kind is TokenKind.RPar or TokenKind.RSqb or TokenKind.RBrace && --depth == 0)
            {
                return i + 1 < _tokens.Count && _tokens[i + 1].Kind is TokenKind.Dot or TokenKind.LPar or TokenKind.LSqb;
            }
            else if (kind is TokenKind.Newline or TokenKind.EndMarker)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Gives <paramref name="target"/> (and the elements of a tuple, list or starred) the context; rejects what cannot be assigned.</summary>
    private Expr SetContext(Expr target, ExprContext ctx)
    {
        switch (target)
        {
            case NameExpr name:
                name.Ctx = ctx;
                return name;
            case AttributeExpr attribute:
                attribute.Ctx = ctx;
                return attribute;
            case SubscriptExpr subscript:
                subscript.Ctx = ctx;
                return subscript;
            case StarredExpr starred when ctx == ExprContext.Store:
                starred.Ctx = ctx;
                SetContext(starred.Value, ctx);
                return starred;
            case TupleExpr tuple:
                tuple.Ctx = ctx;
                foreach (Expr element in tuple.Elts)
                {
                    SetContext(element, ctx);
                }

                return tuple;
            case ListExpr list:
                list.Ctx = ctx;
                foreach (Expr element in list.Elts)
                {
                    SetContext(element, ctx);
                }

                return list;
            default:
                throw InvalidTarget(target, ctx);
        }
    }

    private Errors.PythonSyntaxError InvalidTarget(Expr target, ExprContext ctx)
    {
        string what = ctx == ExprContext.Del ? "delete" : "assign to";
        return SyntaxErrorAt(target, $"cannot {what} {Describe(target)}");
    }

    /// <summary>How CPython names an expression in "cannot assign to …" messages.</summary>
    private static string Describe(Expr expr) => expr switch
    {
        CallExpr => "function call",
        ConstantExpr { Value: null } => "None",
        ConstantExpr { Value: true } => "True",
        ConstantExpr { Value: false } => "False",
        ConstantExpr c when ReferenceEquals(c.Value, ConstantValues.Ellipsis) => "ellipsis",
        ConstantExpr => "literal",
        CompareExpr => "comparison",
        BinOpExpr or UnaryOpExpr => "expression",
        BoolOpExpr => "expression",
        LambdaExpr => "lambda",
        IfExpExpr => "conditional expression",
        NamedExprExpr => "named expression",
        JoinedStrExpr => "f-string expression",
        AwaitExpr => "await expression",
        YieldExpr or YieldFromExpr => "yield expression",
        GeneratorExpExpr => "generator expression",
        ListCompExpr => "list comprehension",
        SetCompExpr => "set comprehension",
        DictCompExpr => "dict comprehension",
        DictExpr => "dict literal",
        SetExpr => "set display",
        StarredExpr => "starred",
        TupleExpr => "tuple",
        ListExpr => "list",
        NameExpr => "name",
        AttributeExpr => "attribute",
        SubscriptExpr => "subscript",
        _ => "expression",
    };
}
