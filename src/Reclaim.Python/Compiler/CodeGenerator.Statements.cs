using Reclaim.Python.Compiler.Nodes;
using Reclaim.Python.Execution;
using Reclaim.Python.Execution.Traceback;
using Reclaim.Python.Syntax.Ast;

namespace Reclaim.Python.Compiler;

internal sealed partial class CodeGenerator
{
    private StmtNode Statement(Stmt s) =>
        _scope.IsGenerator && YieldFinder.Contains(s) ? Resumable(s) : PlainStatement(s);

    private StmtNode PlainStatement(Stmt s)
    {
        StmtNode node = StatementCore(s);
        node.Span = SourceSpan.Of(s);
        if (node is AssertStatement assert)
        {
            assert.RaiseSpan = AssertRaiseSpan((AssertStmt)s);
        }

        return node;
    }

    /// <summary>
    /// 3.11 compiles a comparison test (also under <c>not</c>, or last in <c>and</c>/<c>or</c>) as a compare-and-jump
    /// whose position the instructions raising AssertionError keep; any other test leaves the statement's position.
    /// </summary>
    private static SourceSpan AssertRaiseSpan(AssertStmt a)
    {
        Expr test = a.Test;
        while (true)
        {
            switch (test)
            {
                case UnaryOpExpr { Op: UnaryOperator.Not } u:
                    test = u.Operand;
                    continue;
                case BoolOpExpr b:
                    test = b.Values[^1];
                    continue;
                case IfExpExpr i:
                    test = i.Orelse;
                    continue;
                case CompareExpr c:
                    return SourceSpan.Of(c);
                default:
                    return SourceSpan.Of(a);
            }
        }
    }

    private StmtNode StatementCore(Stmt s)
    {
        int line = s.Lineno;
        switch (s)
        {
            case ExprStmt e when _interactive && _scope.Kind == ScopeKind.Module:
                return new DisplayStatement(Expr(e.Value)) { Line = line };
            case ExprStmt e:
                return new ExprStatement(Expr(e.Value)) { Line = line };
            case AssignStmt a:
            {
                Target[] targets = [.. a.Targets.Select(TargetOf)];
                ExprNode value = Expr(a.Value);
                return (targets.Length == 1 ? ParallelAssignStatement.TryCreate(targets[0], value, line) : null)
                    ?? (StmtNode)new AssignStatement(targets, value) { Line = line };
            }
            case AugAssignStmt a:
                return AugAssign(a);
            case AnnAssignStmt a:
                return AnnAssign(a, line);
            case DeleteStmt d:
                return new DeleteStatement([.. d.Targets.Select(TargetOf)]) { Line = line };
            case PassStmt or GlobalStmt or NonlocalStmt:
                return new PassStatement { Line = line };
            case BreakStmt:
                return new JumpStatement(Flow.Break) { Line = line };
            case ContinueStmt:
                return new JumpStatement(Flow.Continue) { Line = line };
            case ReturnStmt r:
                return new ReturnStatement(Opt(r.Value)) { Line = line };
            case IfStmt i:
                return new IfStatement(Expr(i.Test), Block(i.Body), Block(i.Orelse)) { Line = line };
            case WhileStmt w:
                return new WhileStatement(Expr(w.Test), Block(w.Body), Block(w.Orelse)) { Line = line };
            case ForStmt f:
                return new ForStatement(TargetOf(f.Target), IterExpr(f.Iter), Block(f.Body), Block(f.Orelse)) { Line = line };
            case AssertStmt a:
                return new AssertStatement(Expr(a.Test), Opt(a.Msg)) { Line = line };
            case RaiseStmt r:
                return new RaiseStatement(Opt(r.Exc), Opt(r.Cause)) { Line = line };
            case TryStmt t:
                return new TryStatement(
                    Block(t.Body),
                    [.. t.Handlers.Select(h => new Handler(Opt(h.Type), h.Name is null ? null : Name(h.Name), Block(h.Body)))],
                    Block(t.Orelse),
                    Block(t.Finalbody)) { Line = line };
            case WithStmt w:
                return With(w.Items, 0, w.Body, line, SourceSpan.Of(w));
            case FunctionDefStmt f:
                return new AssignStatement([Name(f.Name)], Decorate(f.DecoratorList, MakeFunction(f, f.Name, f.Args, g => g.Block(f.Body)))) { Line = line };
            case ClassDefStmt c:
                return new AssignStatement([Name(c.Name)], Decorate(c.DecoratorList, MakeClass(c))) { Line = line };
            case ImportStmt i:
                return new ImportStatement([.. i.Names.Select(al => (al.Name, al.Asname, (Target)Name(al.Asname ?? al.Name.Split('.')[0])))]) { Line = line };
            case ImportFromStmt i:
                return new ImportFromStatement(i.Module ?? string.Empty, [.. i.Names.Select(al => (al.Name, al.Name == "*" ? null : (Target)Name(al.Asname ?? al.Name)))]) { Line = line };
            case MatchStmt:
                throw Unsupported("the match statement", s);
            case TryStarStmt:
                throw Unsupported("except*", s);
            case AsyncFunctionDefStmt or AsyncForStmt or AsyncWithStmt:
                throw Unsupported("async", s);
        }

        throw Unsupported(s.GetType().Name, s);
    }

    private StmtNode With(IReadOnlyList<WithItem> items, int index, IReadOnlyList<Stmt> body, int line, SourceSpan span)
    {
        WithItem item = items[index];
        StmtNode[] inner = index + 1 < items.Count ? [With(items, index + 1, body, line, span)] : Block(body);
        // Every item's enter and exit point at the whole with statement, as in 3.11.
        return new WithStatement(Expr(item.ContextExpr), item.OptionalVars is null ? null : TargetOf(item.OptionalVars), inner) { Line = line, Span = span };
    }

    private StmtNode AugAssign(AugAssignStmt a)
    {
        SourceSpan target = ErrorSpan(a.Target);
        switch (a.Target)
        {
            case NameExpr n:
                NameTarget t = Name(n.Id);
                t.Span = target;
                return new AugAssignStatement(new NameLoad(t) { Span = target }, t, a.Op, Expr(a.Value), null, null, null) { Line = a.Lineno, TargetSpan = target };
            case AttributeExpr at:
                return new AugAssignStatement(null!, null!, a.Op, Expr(a.Value), Expr(at.Value), null, at.Attr) { Line = a.Lineno, TargetSpan = target };
            case SubscriptExpr sub:
                return new AugAssignStatement(null!, null!, a.Op, Expr(a.Value), Expr(sub.Value), Expr(sub.Slice), null) { Line = a.Lineno, TargetSpan = target };
        }

        throw Unsupported("this augmented assignment target", a);
    }

    private ExprNode Decorate(IReadOnlyList<Expr> decorators, ExprNode value)
    {
        ExprNode[] decs = Exprs(decorators);
        return decs.Length == 0 ? value : new DecorateNode(decs, value);
    }

    private ExprNode MakeFunction(Node node, string name, Arguments args, Func<CodeGenerator, StmtNode[]> body)
    {
        Scope child = _scope.Children[node];
        int line = (node as Located)?.Lineno ?? 0;
        Code code = NewCode(child, name, line, body, args);
        code.Doc = node is FunctionDefStmt withDoc ? DocOf(withDoc.Body) : null;
        var kwNames = new List<string>();
        var kwValues = new List<ExprNode>();
        for (int i = 0; i < args.Kwonlyargs.Count; i++)
        {
            if (args.KwDefaults[i] is { } d)
            {
                kwNames.Add(args.Kwonlyargs[i].Arg);
                kwValues.Add(Expr(d));
            }
        }

        var make = new MakeFunctionNode(code, Exprs(args.Defaults), [.. kwNames], [.. kwValues], ClosureFor(child)) { Line = line };
        return node is FunctionDefStmt def ? Annotated(make, def, line) : make;
    }

    /// <summary>A body's docstring: its first statement when that is a string literal alone.</summary>
    private static string? DocOf(IReadOnlyList<Stmt> body) =>
        body.Count > 0 && body[0] is ExprStmt { Value: ConstantExpr { Value: string doc } } ? doc : null;

    private ExprNode MakeClass(ClassDefStmt c)
    {
        Scope child = _scope.Children[c];
        Code code = NewCode(child, c.Name, c.Lineno, g => g.BodyWithAnnotations(c.Body), null);
        code.Doc = DocOf(c.Body);
        string[] kwNames = [.. c.Keywords.Select(k => k.Arg ?? throw Unsupported("** in class keywords", c))];
        return new ClassNode(code, Exprs(c.Bases), kwNames, Exprs(c.Keywords.Select(k => k.Value)), ClosureFor(child), child.Cells.IndexOf("__class__")) { Line = c.Lineno };
    }

    private Target TargetOf(Expr e)
    {
        Target target = TargetCore(e);
        target.Span = ErrorSpan(e);
        return target;
    }

    private Target TargetCore(Expr e)
    {
        switch (e)
        {
            case NameExpr n:
                return Name(n.Id);
            case AttributeExpr a:
                return new AttributeTarget(Expr(a.Value), a.Attr);
            case SubscriptExpr s:
                return new SubscriptTarget(Expr(s.Value), Expr(s.Slice));
            case TupleExpr or ListExpr:
                IReadOnlyList<Expr> elts = e is TupleExpr t ? t.Elts : ((ListExpr)e).Elts;
                int star = -1;
                var targets = new Target[elts.Count];
                for (int i = 0; i < elts.Count; i++)
                {
                    if (elts[i] is StarredExpr st)
                    {
                        star = i;
                        targets[i] = TargetOf(st.Value);
                    }
                    else
                    {
                        targets[i] = TargetOf(elts[i]);
                    }
                }

                return new UnpackTarget(targets, star);
            case StarredExpr s:
                return TargetOf(s.Value);
        }

        throw Unsupported("this assignment target", e);
    }
}
