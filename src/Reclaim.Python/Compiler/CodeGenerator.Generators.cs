using Reclaim.Python.Compiler.Nodes;
using Reclaim.Python.Syntax.Ast;

namespace Reclaim.Python.Compiler;

/// <summary>
/// Generator bodies. A statement that contains a <c>yield</c> compiles to a resumable node (Compiler/Nodes/Generators)
/// that keeps its resume point in the generator; every other statement compiles exactly as in a plain function, so
/// code without yields pays nothing. A yield inside an expression is hoisted: the sub-expressions evaluated before it
/// go to hidden temporaries, the yield becomes a statement that stores what it receives in another, and the
/// expression reads the temporaries back, so evaluation order is kept and no expression is ever suspended half-way.
/// </summary>
internal sealed partial class CodeGenerator
{
    private readonly List<string> _hidden = [];
    private int _resumePoints = 1;
    private Dictionary<Expr, ExprNode>? _substitutes;

    /// <summary>A new resume point in the generator (point 0 is the body block).</summary>
    private int NewPoint() => _resumePoints++;

    /// <summary>A new hidden local slot after the named ones (iterators, temporaries, pending exceptions).</summary>
    private int NewHidden(string what)
    {
        _hidden.Add("." + what + _hidden.Count);
        return _slots.Count + _hidden.Count - 1;
    }

    /// <summary>Fills in what compiling the body decided: the hidden locals and the resume point count.</summary>
    private void FinishCode(Execution.Code code, List<string> slots)
    {
        if (_hidden.Count > 0)
        {
            code.LocalNames = [.. slots, .. _hidden];
        }

        code.ResumeSlotCount = _scope.IsGenerator ? _resumePoints : 0;
    }

    private StmtNode Resumable(Stmt s)
    {
        int line = s.Lineno;
        switch (s)
        {
            case ExprStmt { Value: YieldExpr or YieldFromExpr } e:
                return YieldNode(e.Value, null, line);
            case AssignStmt { Targets.Count: 1, Value: YieldExpr or YieldFromExpr } a when !YieldFinder.Contains(a.Targets[0]):
                return YieldNode(a.Value, TargetOf(a.Targets[0]), line);
            case IfStmt i:
                return WithHoisted(line, i.Test, () => new ResumableIf(Expr(i.Test), Block(i.Body), Block(i.Orelse), NewPoint(), NewPoint(), NewPoint()) { Line = line });
            case WhileStmt w:
                var testPre = new List<StmtNode>();
                HoistTop(w.Test, testPre, line);
                return new ResumableWhile([.. testPre], Expr(w.Test), Block(w.Body), Block(w.Orelse), new LoopPoints(NewPoint(), NewPoint(), NewPoint(), NewPoint())) { Line = line };
            case ForStmt f:
                return WithHoisted(line, f.Iter, () => new ResumableFor(TargetOf(f.Target), IterExpr(f.Iter), Block(f.Body), Block(f.Orelse), NewHidden("for"), NewPoint(), NewPoint(), NewPoint()) { Line = line });
            case TryStmt t:
                return new ResumableTry(
                    Block(t.Body),
                    [.. t.Handlers.Select(h => new Handler(Opt(h.Type), h.Name is null ? null : Name(h.Name), Block(h.Body)))],
                    Block(t.Orelse),
                    Block(t.Finalbody),
                    new TryPoints(NewPoint(), NewPoint(), NewPoint(), [.. t.Handlers.Select(_ => NewPoint())], NewPoint(), NewPoint(), NewHidden("handled"), NewHidden("pending"))) { Line = line };
            case WithStmt w:
                return ResumableWithItems(w.Items, 0, w.Body, line);
            case ExprStmt or AssignStmt or AugAssignStmt or AnnAssignStmt or ReturnStmt or RaiseStmt or AssertStmt or DeleteStmt
                or FunctionDefStmt or ClassDefStmt:
                var pre = new List<StmtNode>();
                foreach (Expr e in TopExpressions(s))
                {
                    HoistTop(e, pre, line);
                }

                pre.Add(PlainStatement(s));
                return new ResumableSequence([.. pre], NewPoint()) { Line = line };
        }

        throw Unsupported("yield in this statement", s);
    }

    private StmtNode ResumableWithItems(IReadOnlyList<WithItem> items, int index, IReadOnlyList<Stmt> body, int line)
    {
        WithItem item = items[index];
        return WithHoisted(line, item.ContextExpr, () =>
        {
            StmtNode[] inner = index + 1 < items.Count ? [ResumableWithItems(items, index + 1, body, line)] : Block(body);
            return new ResumableWith(Expr(item.ContextExpr), item.OptionalVars is null ? null : TargetOf(item.OptionalVars), inner, NewHidden("exit"), NewPoint()) { Line = line };
        });
    }

    /// <summary>A compound statement whose header expression yields: the hoisted part runs first, in one sequence.</summary>
    private StmtNode WithHoisted(int line, Expr header, Func<StmtNode> make)
    {
        if (!YieldFinder.Contains(header))
        {
            return make();
        }

        var pre = new List<StmtNode>();
        HoistTop(header, pre, line);
        pre.Add(make());
        return new ResumableSequence([.. pre], NewPoint()) { Line = line };
    }

    private StmtNode YieldNode(Expr yield, Target? target, int line)
    {
        if (yield is YieldFromExpr yf)
        {
            var pre = new List<StmtNode>();
            HoistTop(yf.Value, pre, line);
            StmtNode node = new YieldFromStatement(Expr(yf.Value), target, NewHidden("yield_from")) { Line = line };
            return pre.Count == 0 ? node : new ResumableSequence([.. pre, node], NewPoint()) { Line = line };
        }

        var y = (YieldExpr)yield;
        var before = new List<StmtNode>();
        if (y.Value is { } v)
        {
            HoistTop(v, before, line);
        }

        StmtNode ys = new YieldStatement(Opt(y.Value), target) { Line = line };
        return before.Count == 0 ? ys : new ResumableSequence([.. before, ys], NewPoint()) { Line = line };
    }

    /// <summary>Makes <paramref name="e"/> safe to evaluate after the yields inside it: they and what precedes them run in <paramref name="pre"/>.</summary>
    private void HoistTop(Expr e, List<StmtNode> pre, int line)
    {
        if (!YieldFinder.Contains(e))
        {
            return;
        }

        if (e is YieldExpr or YieldFromExpr)
        {
            int slot = NewHidden("sent");
            pre.Add(YieldNode(e, new LocalName(".sent", slot), line));
            Substitute(e, new TempMoveNode(slot) { Line = line });
            return;
        }

        if (e is BoolOpExpr or IfExpExpr && !YieldFinder.UnconditionalOnly(e))
        {
            HoistConditional(e, pre, line);
            return;
        }

        List<Expr> children = e is NamedExprExpr w ? [w.Value] : [.. ExprChildren.Of(e)];
        int last = children.FindLastIndex(YieldFinder.Contains);
        for (int i = 0; i <= last; i++)
        {
            Expr c = children[i];
            if (YieldFinder.Contains(c))
            {
                HoistTop(c, pre, line);
            }
            else if (c is not ConstantExpr)
            {
                int slot = NewHidden("temp");
                pre.Add(new TempStoreStatement(Expr(c), slot) { Line = line });
                Substitute(c, new TempMoveNode(slot) { Line = c.Lineno });
            }
        }
    }

    /// <summary>
    /// An and/or or conditional expression with a yield in an operand that may not run: it becomes resumable
    /// <c>if</c> statements that leave the expression's value in a hidden slot.
    /// </summary>
    private void HoistConditional(Expr e, List<StmtNode> pre, int line)
    {
        int result = NewHidden("cond");
        if (e is IfExpExpr i)
        {
            HoistTop(i.Test, pre, line);
            ExprNode test = Expr(i.Test);
            pre.Add(new ResumableIf(test, ValueInto(i.Body, result, line), ValueInto(i.Orelse, result, line), NewPoint(), NewPoint(), NewPoint()) { Line = line });
        }
        else
        {
            var b = (BoolOpExpr)e;
            bool and = b.Op == BoolOperator.And;
            StmtNode[] rest = [];
            for (int k = b.Values.Count - 1; k >= 1; k--)
            {
                StmtNode[] current = ValueInto(b.Values[k], result, line);
                if (rest.Length > 0)
                {
                    current = [.. current, ShortCircuit(and, result, rest, line)];
                }

                rest = current;
            }

            StmtNode[] first = ValueInto(b.Values[0], result, line);
            pre.AddRange(first);
            pre.Add(ShortCircuit(and, result, rest, line));
        }

        Substitute(e, new TempMoveNode(result) { Line = line });
    }

    /// <summary>Runs <paramref name="next"/> when the value so far does not decide the and/or.</summary>
    private ResumableIf ShortCircuit(bool and, int result, StmtNode[] next, int line)
    {
        ExprNode test = new TempPeekNode(result) { Line = line };
        return and
            ? new ResumableIf(test, next, [], NewPoint(), NewPoint(), NewPoint()) { Line = line }
            : new ResumableIf(test, [], next, NewPoint(), NewPoint(), NewPoint()) { Line = line };
    }

    /// <summary>Statements that evaluate <paramref name="e"/> (its yields hoisted) into hidden slot <paramref name="slot"/>.</summary>
    private StmtNode[] ValueInto(Expr e, int slot, int line)
    {
        var block = new List<StmtNode>();
        HoistTop(e, block, line);
        block.Add(new TempStoreStatement(Expr(e), slot) { Line = line });
        return [.. block];
    }

    private void Substitute(Expr e, ExprNode node)
    {
        _substitutes ??= new Dictionary<Expr, ExprNode>(ReferenceEqualityComparer.Instance);
        _substitutes[e] = node;
    }

    private static IEnumerable<Expr> TopExpressions(Stmt s)
    {
        switch (s)
        {
            case ExprStmt e:
                yield return e.Value;
                break;
            case AssignStmt a:
                yield return a.Value;
                break;
            case AugAssignStmt a:
                yield return a.Value;
                break;
            case AnnAssignStmt { Value: { } v }:
                yield return v;
                break;
            case ReturnStmt { Value: { } v }:
                yield return v;
                break;
            case RaiseStmt r:
                if (r.Exc is { } exc)
                {
                    yield return exc;
                }

                if (r.Cause is { } cause)
                {
                    yield return cause;
                }

                break;
            case AssertStmt a:
                yield return a.Test;
                break;
            case FunctionDefStmt f:
                foreach (Expr e in f.DecoratorList.Concat(f.Args.Defaults).Concat(f.Args.KwDefaults.OfType<Expr>()))
                {
                    yield return e;
                }

                break;
            case ClassDefStmt c:
                foreach (Expr e in c.DecoratorList.Concat(c.Bases).Concat(c.Keywords.Select(k => k.Value)))
                {
                    yield return e;
                }

                break;
        }
    }

    /// <summary>The body of a generator expression as statements: nested <c>for</c>/<c>if</c> around <c>yield element</c>.</summary>
    private static Stmt GeneratorExpressionBody(GeneratorExpExpr g)
    {
        int line = g.Lineno;
        Stmt inner = new ExprStmt(new YieldExpr(g.Elt, g.Elt.Lineno, g.Elt.ColOffset, g.Elt.EndLineno, g.Elt.EndColOffset), g.Elt.Lineno, g.Elt.ColOffset, g.Elt.EndLineno, g.Elt.EndColOffset);
        for (int i = g.Generators.Count - 1; i >= 0; i--)
        {
            Comprehension c = g.Generators[i];
            for (int j = c.Ifs.Count - 1; j >= 0; j--)
            {
                inner = new IfStmt(c.Ifs[j], [inner], [], line, g.ColOffset, g.EndLineno, g.EndColOffset);
            }

            Expr iter = i == 0 ? new NameExpr(".0", ExprContext.Load, line, g.ColOffset, g.EndLineno, g.EndColOffset) : c.Iter;
            inner = new ForStmt(c.Target, iter, [inner], [], null, line, g.ColOffset, g.EndLineno, g.EndColOffset);
        }

        return inner;
    }
}
