using Reclaim.Python.Compiler.Nodes;
using Reclaim.Python.Execution;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;
using Reclaim.Python.Syntax.Ast;

namespace Reclaim.Python.Compiler;

/// <summary>Turns the AST of one scope into executable nodes, names resolved to slots by <see cref="SymbolTable"/>.</summary>
internal sealed partial class CodeGenerator
{
    private readonly Scope _scope;
    private readonly string _fileName;
    private readonly Dictionary<string, int> _slots = new();
    private readonly List<string> _cellOrder;

    private CodeGenerator(Scope scope, string fileName)
    {
        _scope = scope;
        _fileName = fileName;
        if (scope.Kind == ScopeKind.Function)
        {
            List<string> slots = scope.LocalSlots();
            for (int i = 0; i < slots.Count; i++)
            {
                _slots[slots[i]] = i;
            }
        }

        _cellOrder = [.. scope.Cells, .. scope.Free];
    }

    /// <summary>Whether module-level names live in the frame's namespace (code run by <c>exec</c> with its own locals).</summary>
    private bool _namespaceNames;

    /// <summary>Whether module-level expression statements display their value (<c>compile(..., 'single')</c>).</summary>
    private bool _interactive;

    /// <summary>Compiles a module body into a code object whose names live in the globals dict.</summary>
    public static Code CompileModule(Module module, string fileName) => CompileModule(module, fileName, false, false);

    /// <summary>Compiles a module body for <c>exec</c>/<c>eval</c>: names in the frame's namespace (which may differ from
    /// its globals), and, when <paramref name="interactive"/>, expression statements that display their values.</summary>
    public static Code CompileModule(Module module, string fileName, bool namespaceNames, bool interactive)
    {
        Scope scope = SymbolTable.Build(module.Body);
        var gen = new CodeGenerator(scope, fileName) { _namespaceNames = namespaceNames, _interactive = interactive };
        return new Code
        {
            Name = "<module>",
            QualName = "<module>",
            FileName = fileName,
            UsesNamespace = true,
            Body = gen.BodyWithAnnotations(module.Body),
        };
    }

    private Code NewCode(Scope scope, string name, int line, Func<CodeGenerator, StmtNode[]> body, Arguments? args)
    {
        var gen = new CodeGenerator(scope, _fileName);
        List<string> slots = scope.Kind == ScopeKind.Function ? scope.LocalSlots() : [];
        var code = new Code
        {
            Name = name,
            QualName = scope.QualName,
            FileName = _fileName,
            FirstLine = line,
            LocalNames = [.. slots],
            CellNames = [.. scope.Cells],
            FreeNames = [.. scope.Free],
            IsGenerator = scope.IsGenerator,
            UsesNamespace = scope.Kind == ScopeKind.Class,
        };
        code.CellParameterSlots = [.. scope.Cells.Select(c => scope.Parameters.Contains(c) ? slots.IndexOf(c) : -1)];
        if (args is not null)
        {
            code.PositionalNames = [.. args.Posonlyargs.Concat(args.Args).Select(p => p.Arg)];
            code.PositionalOnlyCount = args.Posonlyargs.Count;
            code.KeywordOnlyNames = [.. args.Kwonlyargs.Select(p => p.Arg)];
            if (args.Vararg is { } va)
            {
                code.VarArgsSlot = slots.IndexOf(va.Arg);
            }

            if (args.Kwarg is { } kw)
            {
                code.VarKeywordsSlot = slots.IndexOf(kw.Arg);
            }
        }
        else if (scope.IsComprehension)
        {
            code.PositionalNames = [".0"];
        }

        code.Body = body(gen);
        gen.FinishCode(code, slots);
        return code;
    }

    private int[] ClosureFor(Scope child) => [.. child.Free.Select(n => _cellOrder.IndexOf(n))];

    private NameTarget Name(string name)
    {
        switch (_scope.Kind)
        {
            case ScopeKind.Module:
                return _namespaceNames && !_scope.Globals.Contains(name) ? new NamespaceName(name) : new GlobalName(name);
            case ScopeKind.Class:
                if (_scope.Globals.Contains(name))
                {
                    return new GlobalName(name);
                }

                int free = _scope.Free.Contains(name) && !_scope.IsBound(name) ? _cellOrder.IndexOf(name) : -1;
                if (_scope.Nonlocals.Contains(name))
                {
                    return new CellName(name, _cellOrder.IndexOf(name), true);
                }

                return new NamespaceName(name, free);
            default:
                if (_scope.Globals.Contains(name))
                {
                    return new GlobalName(name);
                }

                int cell = _cellOrder.IndexOf(name);
                if (cell >= 0)
                {
                    return new CellName(name, cell, cell >= _scope.Cells.Count);
                }

                if (_slots.TryGetValue(name, out int slot))
                {
                    return new LocalName(name, slot);
                }

                return new GlobalName(name);
        }
    }

    private StmtNode[] Block(IReadOnlyList<Stmt> body)
    {
        var nodes = new StmtNode[body.Count];
        for (int i = 0; i < nodes.Length; i++)
        {
            nodes[i] = Statement(body[i]);
        }

        return nodes;
    }

    private ExprNode[] Exprs(IEnumerable<Expr> exprs) => [.. exprs.Select(Expr)];

    private ExprNode? Opt(Expr? e) => e is null ? null : Expr(e);

    private static PyException Unsupported(string what, Located node) =>
        PyErr.Make("SyntaxError", $"{what} is not supported by reclaim run yet (line {node.Lineno})");
}
