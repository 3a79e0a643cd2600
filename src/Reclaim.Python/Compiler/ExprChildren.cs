using Reclaim.Python.Syntax.Ast;

namespace Reclaim.Python.Compiler;

/// <summary>The direct sub-expressions of expressions that open no scope (for passes that only walk).</summary>
internal static class ExprChildren
{
    /// <summary>Children in evaluation order.</summary>
    public static IEnumerable<Expr> Of(Expr e)
    {
        switch (e)
        {
            case AttributeExpr a:
                yield return a.Value;
                break;
            case BinOpExpr b:
                yield return b.Left;
                yield return b.Right;
                break;
            case BoolOpExpr b:
                foreach (Expr v in b.Values)
                {
                    yield return v;
                }

                break;
            case CallExpr c:
                yield return c.Func;
                foreach (Expr a in c.Args)
                {
                    yield return a;
                }

                foreach (Keyword k in c.Keywords)
                {
                    yield return k.Value;
                }

                break;
            case CompareExpr c:
                yield return c.Left;
                foreach (Expr x in c.Comparators)
                {
                    yield return x;
                }

                break;
            case DictExpr d:
                for (int i = 0; i < d.Values.Count; i++)
                {
                    if (d.Keys[i] is { } k)
                    {
                        yield return k;
                    }

                    yield return d.Values[i];
                }

                break;
            case FormattedValueExpr f:
                yield return f.Value;
                if (f.FormatSpec is { } spec)
                {
                    yield return spec;
                }

                break;
            case IfExpExpr i:
                yield return i.Test;
                yield return i.Body;
                yield return i.Orelse;
                break;
            case JoinedStrExpr j:
                foreach (Expr v in j.Values)
                {
                    yield return v;
                }

                break;
            case ListExpr l:
                foreach (Expr v in l.Elts)
                {
                    yield return v;
                }

                break;
            case TupleExpr t:
                foreach (Expr v in t.Elts)
                {
                    yield return v;
                }

                break;
            case SetExpr s:
                foreach (Expr v in s.Elts)
                {
                    yield return v;
                }

                break;
            case SliceExpr s:
                if (s.Lower is { } lo)
                {
                    yield return lo;
                }

                if (s.Upper is { } up)
                {
                    yield return up;
                }

                if (s.Step is { } st)
                {
                    yield return st;
                }

                break;
            case StarredExpr s:
                yield return s.Value;
                break;
            case SubscriptExpr s:
                yield return s.Value;
                yield return s.Slice;
                break;
            case UnaryOpExpr u:
                yield return u.Operand;
                break;
            case AwaitExpr a:
                yield return a.Value;
                break;
        }
    }
}
