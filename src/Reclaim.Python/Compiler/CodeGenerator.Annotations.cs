using Reclaim.Python.Compiler.Nodes;
using Reclaim.Python.Syntax.Ast;

namespace Reclaim.Python.Compiler;

/// <summary>Annotated assignments: at module and class level a simple name's annotation is evaluated and stored in
/// <c>__annotations__</c>, which the body creates first when it has any (CPython's SETUP_ANNOTATIONS).</summary>
internal sealed partial class CodeGenerator
{
    private StmtNode[] BodyWithAnnotations(IReadOnlyList<Stmt> body)
    {
        StmtNode[] nodes = Block(body);
        if (!HasAnnotations(body))
        {
            return nodes;
        }

        return [new SetupAnnotationsStatement(Name("__annotations__")) { Line = body[0].Lineno }, .. nodes];
    }

    private StmtNode AnnAssign(AnnAssignStmt a, int line)
    {
        var parts = new List<StmtNode>();
        if (a.Value is not null)
        {
            parts.Add(new AssignStatement([TargetOf(a.Target)], Expr(a.Value)) { Line = line });
        }

        if (a.Simple != 0 && a.Target is NameExpr n && _scope.Kind is ScopeKind.Module or ScopeKind.Class)
        {
            parts.Add(new AnnotateStatement(Name("__annotations__"), n.Id, Expr(a.Annotation)) { Line = line });
        }

        return parts.Count switch
        {
            0 => new PassStatement { Line = line },
            1 => parts[0],
            _ => new BlockStatement([.. parts]) { Line = line },
        };
    }

    // As the compiler's find_ann: annotated assignments anywhere in the body's blocks, not in nested functions or classes.
    private static bool HasAnnotations(IReadOnlyList<Stmt> body) => body.Any(s => s switch
    {
        AnnAssignStmt => true,
        IfStmt i => HasAnnotations(i.Body) || HasAnnotations(i.Orelse),
        ForStmt f => HasAnnotations(f.Body) || HasAnnotations(f.Orelse),
        WhileStmt w => HasAnnotations(w.Body) || HasAnnotations(w.Orelse),
        WithStmt w => HasAnnotations(w.Body),
        TryStmt t => HasAnnotations(t.Body) || t.Handlers.Any(h => HasAnnotations(h.Body)) || HasAnnotations(t.Orelse) || HasAnnotations(t.Finalbody),
        _ => false,
    });

    /// <summary>A function's <c>__annotations__</c>: parameters in order, then <c>return</c>.</summary>
    private ExprNode Annotated(ExprNode make, FunctionDefStmt def, int line)
    {
        Arguments args = def.Args;
        var names = new List<string>();
        var values = new List<ExprNode>();
        IEnumerable<Parameter?> all = [.. args.Posonlyargs, .. args.Args, args.Vararg, .. args.Kwonlyargs, args.Kwarg];
        foreach (Parameter? p in all)
        {
            if (p?.Annotation is { } ann)
            {
                names.Add(p.Arg);
                values.Add(Expr(ann));
            }
        }

        if (def.Returns is { } r)
        {
            names.Add("return");
            values.Add(Expr(r));
        }

        return names.Count == 0 ? make : new AnnotatedFunctionNode(make, [.. names], [.. values]) { Line = line };
    }
}
