using Reclaim.Python.Syntax.Ast;

namespace Reclaim.Python.Compiler;

/// <summary>Builds the scopes of a module and resolves every name to local, cell, free or global (CPython's symtable).</summary>
internal sealed class SymbolTable
{
    private Scope _current;

    private SymbolTable(Scope module) => _current = module;

    /// <summary>Analyses a module.</summary>
    public static Scope Build(IReadOnlyList<Stmt> body)
    {
        var module = new Scope(ScopeKind.Module, "<module>", null);
        var table = new SymbolTable(module);
        table.Block(body);
        Resolve(module);
        return module;
    }

    private void Block(IReadOnlyList<Stmt> body)
    {
        foreach (Stmt s in body)
        {
            Statement(s);
        }
    }

    private void Statement(Stmt s)
    {
        switch (s)
        {
            case FunctionDefStmt f:
                Exprs(f.DecoratorList);
                Function(f, f.Name, f.Args, () => Block(f.Body));
                _current.Bind(f.Name);
                break;
            case ClassDefStmt c:
                Exprs(c.DecoratorList);
                Exprs(c.Bases);
                foreach (Keyword k in c.Keywords)
                {
                    Expr(k.Value);
                }

                var cls = new Scope(ScopeKind.Class, c.Name, _current) { QualName = Qual(c.Name) };
                _current.Children[c] = cls;
                Enter(cls, () => Block(c.Body));
                _current.Bind(c.Name);
                break;
            case ReturnStmt r:
                Opt(r.Value);
                break;
            case DeleteStmt d:
                Exprs(d.Targets);
                break;
            case AssignStmt a:
                Expr(a.Value);
                Exprs(a.Targets);
                break;
            case AugAssignStmt a:
                Expr(a.Value);
                Expr(a.Target);
                if (a.Target is NameExpr n)
                {
                    _current.Used.Add(n.Id);
                }

                break;
            case AnnAssignStmt a:
                Opt(a.Value);
                if (a.Value is not null || a.Target is not NameExpr)
                {
                    Expr(a.Target);
                }
                else if (a.Target is NameExpr an && _current.Kind != ScopeKind.Function)
                {
                    _ = an;
                }

                if (_current.Kind != ScopeKind.Function)
                {
                    Expr(a.Annotation);
                }

                break;
            case ForStmt f:
                Expr(f.Iter);
                Expr(f.Target);
                Block(f.Body);
                Block(f.Orelse);
                break;
            case WhileStmt w:
                Expr(w.Test);
                Block(w.Body);
                Block(w.Orelse);
                break;
            case IfStmt i:
                Expr(i.Test);
                Block(i.Body);
                Block(i.Orelse);
                break;
            case WithStmt w:
                foreach (WithItem item in w.Items)
                {
                    Expr(item.ContextExpr);
                    Opt(item.OptionalVars);
                }

                Block(w.Body);
                break;
            case RaiseStmt r:
                Opt(r.Exc);
                Opt(r.Cause);
                break;
            case TryStmt t:
                Block(t.Body);
                foreach (ExceptHandler h in t.Handlers)
                {
                    Opt(h.Type);
                    if (h.Name is not null)
                    {
                        _current.Bind(h.Name);
                    }

                    Block(h.Body);
                }

                Block(t.Orelse);
                Block(t.Finalbody);
                break;
            case AssertStmt a:
                Expr(a.Test);
                Opt(a.Msg);
                break;
            case ImportStmt i:
                foreach (Alias al in i.Names)
                {
                    _current.Bind(al.Asname ?? al.Name.Split('.')[0]);
                }

                break;
            case ImportFromStmt i:
                foreach (Alias al in i.Names)
                {
                    if (al.Name != "*")
                    {
                        _current.Bind(al.Asname ?? al.Name);
                    }
                }

                break;
            case GlobalStmt g:
                foreach (string gn in g.Names)
                {
                    _current.Globals.Add(gn);
                }

                break;
            case NonlocalStmt nl:
                if (_current.Kind == ScopeKind.Module)
                {
                    throw new Syntax.Errors.PythonSyntaxError("SyntaxError", "nonlocal declaration not allowed at module level", nl.Lineno, nl.ColOffset + 1, null);
                }

                foreach (string nn in nl.Names)
                {
                    _current.Nonlocals.Add(nn);
                    _current.NonlocalSites.TryAdd(nn, (nl.Lineno, nl.ColOffset + 1));
                }

                break;
            case ExprStmt e:
                Expr(e.Value);
                break;
        }
    }

    private string Qual(string name) => _current.Kind switch
    {
        ScopeKind.Module => name,
        ScopeKind.Class => _current.QualName + "." + name,
        _ => _current.QualName + ".<locals>." + name,
    };

    private void Function(Node node, string name, Arguments args, Action body)
    {
        Exprs(args.Defaults);
        foreach (Expr? d in args.KwDefaults)
        {
            Opt(d);
        }

        foreach (Parameter p in args.Posonlyargs.Concat(args.Args).Concat(args.Kwonlyargs))
        {
            Opt(p.Annotation);
        }

        var scope = new Scope(ScopeKind.Function, name, _current) { QualName = Qual(name) };
        _current.Children[node] = scope;
        foreach (Parameter p in args.Posonlyargs.Concat(args.Args).Concat(args.Kwonlyargs))
        {
            scope.Parameters.Add(p.Arg);
            scope.Bind(p.Arg);
        }

        if (args.Vararg is { } va)
        {
            scope.Parameters.Add(va.Arg);
            scope.Bind(va.Arg);
        }

        if (args.Kwarg is { } kw)
        {
            scope.Parameters.Add(kw.Arg);
            scope.Bind(kw.Arg);
        }

        Enter(scope, body);
    }

    private void Enter(Scope scope, Action body)
    {
        Scope saved = _current;
        _current = scope;
        body();
        _current = saved;
    }

    private void Exprs(IEnumerable<Expr> exprs)
    {
        foreach (Expr e in exprs)
        {
            Expr(e);
        }
    }

    private void Opt(Expr? e)
    {
        if (e is not null)
        {
            Expr(e);
        }
    }

    private void Expr(Expr e)
    {
        switch (e)
        {
            case NameExpr n:
                if (n.Ctx == ExprContext.Load)
                {
                    _current.Used.Add(n.Id);
                    if (n.Id == "super" && _current.Kind == ScopeKind.Function)
                    {
                        _current.Used.Add("__class__");
                    }
                }
                else
                {
                    _current.Bind(n.Id);
                }

                break;
            case NamedExprExpr w:
                Expr(w.Value);
                if (w.Target is NameExpr target)
                {
                    Scope s = _current;
                    while (s.IsComprehension && s.Parent is not null)
                    {
                        s.Nonlocals.Add(target.Id);
                        s.Bind(target.Id);
                        s = s.Parent;
                    }

                    if (s.Kind == ScopeKind.Module)
                    {
                        for (Scope c = _current; c != s; c = c.Parent!)
                        {
                            c.Nonlocals.Remove(target.Id);
                            c.Globals.Add(target.Id);
                        }
                    }

                    s.Bind(target.Id);
                }

                break;
            case LambdaExpr l:
                Function(l, "<lambda>", l.Args, () => Expr(l.Body));
                break;
            case ListCompExpr c:
                Comprehension(c, "<listcomp>", c.Generators, () => Expr(c.Elt));
                break;
            case SetCompExpr c:
                Comprehension(c, "<setcomp>", c.Generators, () => Expr(c.Elt));
                break;
            case GeneratorExpExpr c:
                Comprehension(c, "<genexpr>", c.Generators, () => Expr(c.Elt), generator: true);
                break;
            case DictCompExpr c:
                Comprehension(c, "<dictcomp>", c.Generators, () =>
                {
                    Expr(c.Key);
                    Expr(c.Value);
                });
                break;
            case YieldExpr y:
                _current.IsGenerator = true;
                Opt(y.Value);
                break;
            case YieldFromExpr y:
                _current.IsGenerator = true;
                Expr(y.Value);
                break;
            default:
                foreach (Expr child in ExprChildren.Of(e))
                {
                    Expr(child);
                }

                break;
        }
    }

    private void Comprehension(Expr node, string name, IReadOnlyList<Comprehension> generators, Action element, bool generator = false)
    {
        Expr(generators[0].Iter);
        var scope = new Scope(ScopeKind.Function, name, _current) { QualName = Qual(name), IsComprehension = true, IsGenerator = generator };
        _current.Children[node] = scope;
        scope.Parameters.Add(".0");
        scope.Bind(".0");
        Enter(scope, () =>
        {
            for (int i = 0; i < generators.Count; i++)
            {
                if (i > 0)
                {
                    Expr(generators[i].Iter);
                }

                Expr(generators[i].Target);
                Exprs(generators[i].Ifs);
            }

            element();
        });
    }

    /// <summary>Second pass: turns references to enclosing functions' locals into cells and free variables.</summary>
    private static void Resolve(Scope scope)
    {
        foreach (Scope child in scope.Children.Values)
        {
            Resolve(child);
        }

        if (scope.Kind == ScopeKind.Module)
        {
            return;
        }

        var wanted = new List<string>(scope.Nonlocals);
        foreach (string n in scope.Used)
        {
            if (!scope.Globals.Contains(n) && !(scope.Kind == ScopeKind.Function ? scope.IsLocal(n) : scope.IsBound(n) && n != "__class__"))
            {
                wanted.Add(n);
            }
        }

        wanted.AddRange(scope.Free);
        foreach (string n in wanted.Distinct().ToList())
        {
            if (scope.Kind == ScopeKind.Function && scope.IsLocal(n))
            {
                continue;
            }

            var path = new List<Scope> { scope };
            bool bound = false;
            for (Scope? p = scope.Parent; p is not null && p.Kind != ScopeKind.Module; p = p.Parent)
            {
                bound = true;
                if (p.Kind == ScopeKind.Class && n == "__class__")
                {
                    p.AddCell(n);
                    foreach (Scope s in path)
                    {
                        s.AddFree(n);
                    }

                    break;
                }

                if (p.IsLocal(n))
                {
                    p.AddCell(n);
                    foreach (Scope s in path)
                    {
                        s.AddFree(n);
                    }

                    break;
                }

                if (p.Globals.Contains(n))
                {
                    break;
                }

                path.Add(p);
                bound = false;
            }

            if (!bound && scope.NonlocalSites.TryGetValue(n, out (int Line, int Column) site))
            {
                throw new Syntax.Errors.PythonSyntaxError("SyntaxError", $"no binding for nonlocal '{n}' found", site.Line, site.Column, null);
            }
        }
    }
}
