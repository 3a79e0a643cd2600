using Reclaim.Python.Syntax.Ast;

namespace Reclaim.Python.Compiler;

/// <summary>Whether a statement or expression of the current scope yields (nested scopes' bodies do not count).</summary>
internal static class YieldFinder
{
    /// <summary>Whether <paramref name="e"/> contains a <c>yield</c> or <c>yield from</c> evaluated in this scope.</summary>
    public static bool Contains(Expr e)
    {
        switch (e)
        {
            case YieldExpr or YieldFromExpr:
                return true;
            case NamedExprExpr w:
                return Contains(w.Value);
            case LambdaExpr l:
                return Any(l.Args.Defaults) || l.Args.KwDefaults.Any(d => d is not null && Contains(d));
            case ListCompExpr or SetCompExpr or DictCompExpr or GeneratorExpExpr:
                return false;
        }

        foreach (Expr c in ExprChildren.Of(e))
        {
            if (Contains(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether an and/or or conditional expression yields only in the operand always evaluated (the first).</summary>
    public static bool UnconditionalOnly(Expr e) => e switch
    {
        BoolOpExpr b => !b.Values.Skip(1).Any(Contains),
        IfExpExpr i => !Contains(i.Body) && !Contains(i.Orelse),
        _ => true,
    };

    /// <summary>Whether <paramref name="s"/> (or a statement nested in it, in this scope) yields.</summary>
    public static bool Contains(Stmt s)
    {
        switch (s)
        {
            case ExprStmt e:
                return Contains(e.Value);
            case AssignStmt a:
                return Contains(a.Value) || Any(a.Targets);
            case AugAssignStmt a:
                return Contains(a.Value) || Contains(a.Target);
            case AnnAssignStmt a:
                return a.Value is not null && Contains(a.Value);
            case ReturnStmt r:
                return r.Value is not null && Contains(r.Value);
            case DeleteStmt d:
                return Any(d.Targets);
            case RaiseStmt r:
                return (r.Exc is not null && Contains(r.Exc)) || (r.Cause is not null && Contains(r.Cause));
            case AssertStmt a:
                return Contains(a.Test) || (a.Msg is not null && Contains(a.Msg));
            case IfStmt i:
                return Contains(i.Test) || Any(i.Body) || Any(i.Orelse);
            case WhileStmt w:
                return Contains(w.Test) || Any(w.Body) || Any(w.Orelse);
            case ForStmt f:
                return Contains(f.Iter) || Contains(f.Target) || Any(f.Body) || Any(f.Orelse);
            case TryStmt t:
                return Any(t.Body) || Any(t.Orelse) || Any(t.Finalbody)
                    || t.Handlers.Any(h => (h.Type is not null && Contains(h.Type)) || Any(h.Body));
            case WithStmt w:
                return w.Items.Any(i => Contains(i.ContextExpr)) || Any(w.Body);
            case FunctionDefStmt f:
                return Any(f.DecoratorList) || Any(f.Args.Defaults) || f.Args.KwDefaults.Any(d => d is not null && Contains(d));
            case ClassDefStmt c:
                return Any(c.DecoratorList) || Any(c.Bases) || c.Keywords.Any(k => Contains(k.Value));
        }

        return false;
    }

    private static bool Any(IEnumerable<Expr> exprs) => exprs.Any(Contains);

    private static bool Any(IEnumerable<Stmt> stmts) => stmts.Any(Contains);
}
