using System.Numerics;
using Reclaim.Python.Compiler.Nodes;
using Reclaim.Python.Objects;
using Reclaim.Python.Execution;
using Reclaim.Python.Execution.Traceback;
using Reclaim.Python.Syntax.Ast;

namespace Reclaim.Python.Compiler;

internal sealed partial class CodeGenerator
{
    private ExprNode Expr(Expr e)
    {
        if (_substitutes is not null && _substitutes.TryGetValue(e, out ExprNode? hoisted))
        {
            return hoisted;
        }

        ExprNode node = ExprCore(e);
        node.Span = ErrorSpan(e);
        return node;
    }

    /// <summary>
    /// Where 3.11 points when <paramref name="e"/>'s own operation raises: the node's span, except that an attribute
    /// access and a method call (<c>obj.m(...)</c> with no <c>*</c>/<c>**</c> arguments, which 3.11 compiles to
    /// LOAD_METHOD and CALL) start at the attribute's name when it is on a later line than the expression's start.
    /// </summary>
    private static SourceSpan ErrorSpan(Expr e) => e switch
    {
        AttributeExpr a => SourceSpan.AtAttribute(SourceSpan.Of(a), a),
        CallExpr { Func: AttributeExpr a } c when IsMethodCall(c) => SourceSpan.AtAttribute(SourceSpan.Of(c), a),
        _ => SourceSpan.Of(e),
    };

    private static bool IsMethodCall(CallExpr c) =>
        c.Args.All(a => a is not StarredExpr) && c.Keywords.All(k => k.Arg is not null);

    private ExprNode ExprCore(Expr e)
    {
        int line = e.Lineno;
        switch (e)
        {
            case ConstantExpr c:
                return Constant(c.Value, line);
            case NameExpr n:
                return new NameLoad(Name(n.Id)) { Line = line };
            case BinOpExpr b:
                return new BinaryNode(Expr(b.Left), b.Op, Expr(b.Right)) { Line = line };
            case UnaryOpExpr u:
                return new UnaryNode(u.Op, Expr(u.Operand)) { Line = line };
            case BoolOpExpr b:
                return new BoolOpNode(b.Op == BoolOperator.And, Exprs(b.Values)) { Line = line };
            case CompareExpr c:
                return new CompareNode(Expr(c.Left), [.. c.Ops], Exprs(c.Comparators)) { Line = line };
            case IfExpExpr i:
                return new IfExpNode(Expr(i.Test), Expr(i.Body), Expr(i.Orelse)) { Line = line };
            case AttributeExpr a:
                return new AttributeNode(Expr(a.Value), a.Attr) { Line = line };
            case SubscriptExpr s:
                return new SubscriptNode(Expr(s.Value), Expr(s.Slice)) { Line = line };
            case SliceExpr s:
                return new SliceNode(Opt(s.Lower), Opt(s.Upper), Opt(s.Step)) { Line = line };
            case CallExpr c:
                return new CallNode(
                    Expr(c.Func),
                    [.. c.Args.Select(a => a is StarredExpr st ? Expr(st.Value) : Expr(a))],
                    [.. c.Args.Select(a => a is StarredExpr)],
                    [.. c.Keywords.Select(k => k.Arg)],
                    [.. c.Keywords.Select(k => Expr(k.Value))]) { Line = line };
            case ListExpr l:
                return Display(DisplayKind.List, l.Elts, line);
            case TupleExpr t:
                return Display(DisplayKind.Tuple, t.Elts, line);
            case SetExpr s:
                return Display(DisplayKind.Set, s.Elts, line, s.Elts.Count >= 3 && s.Elts.All(IsFoldedConstant) ? ConstantSet.Display : ConstantSet.None);
            case DictExpr d:
                return new DictNode([.. d.Keys.Select(Opt)], Exprs(d.Values)) { Line = line };
            case NamedExprExpr w:
                return new NamedExprNode(TargetOf(w.Target), Expr(w.Value)) { Line = line };
            case JoinedStrExpr j:
                return new JoinedStrNode(Exprs(j.Values)) { Line = line };
            case FormattedValueExpr f:
                return new FormattedValueNode(Expr(f.Value), f.Conversion, Opt(f.FormatSpec)) { Line = line };
            case LambdaExpr l:
                return MakeFunction(l, "<lambda>", l.Args, g => g._scope.IsGenerator
                    ? g.Block([new ReturnStmt(l.Body, l.Lineno, l.ColOffset, l.EndLineno, l.EndColOffset)])
                    : [new ReturnStatement(g.Expr(l.Body)) { Line = l.Lineno }]);
            case ListCompExpr c:
                return Comprehension(c, 'l', c.Generators, c.Elt, null, line);
            case SetCompExpr c:
                return Comprehension(c, 's', c.Generators, c.Elt, null, line);
            case DictCompExpr c:
                return Comprehension(c, 'd', c.Generators, c.Key, c.Value, line);
            case GeneratorExpExpr c:
                return Comprehension(c, 'g', c.Generators, c.Elt, null, line);
            case StarredExpr:
                throw Unsupported("a starred expression here", e);
            case YieldExpr or YieldFromExpr:
                throw Unsupported(_scope.IsGenerator ? "yield in this position" : "yield outside a function", e);
            case AwaitExpr:
                throw Unsupported("await", e);
        }

        throw Unsupported(e.GetType().Name, e);
    }

    private ExprNode Display(DisplayKind kind, IReadOnlyList<Expr> elts, int line, ConstantSet folded = ConstantSet.None) =>
        new DisplayNode(kind, [.. elts.Select(x => x is StarredExpr st ? Expr(st.Value) : Expr(x))], [.. elts.Select(x => x is StarredExpr)], folded) { Line = line };

    /// <summary>
    /// What a <c>for</c> loop or a comprehension iterates: a set display of constants there is CPython's folded
    /// frozenset, whose order can differ from the display's.
    /// </summary>
    internal ExprNode IterExpr(Expr iter) =>
        iter is SetExpr s && s.Elts.All(IsFoldedConstant) ? Display(DisplayKind.Set, s.Elts, iter.Lineno, ConstantSet.Frozen) : Expr(iter);

    /// <summary>Whether CPython's optimizer turns <paramref name="e"/> into a constant: a literal, a signed number, a tuple of those.</summary>
    private static bool IsFoldedConstant(Expr e) => e switch
    {
        ConstantExpr => true,
        UnaryOpExpr { Op: UnaryOperator.USub or UnaryOperator.UAdd or UnaryOperator.Invert, Operand: ConstantExpr { Value: long or System.Numerics.BigInteger or double or bool or System.Numerics.Complex } } => true,
        TupleExpr t => t.Elts.All(IsFoldedConstant),
        _ => false,
    };

    private ExprNode Comprehension(Expr node, char kind, IReadOnlyList<Comprehension> generators, Expr element, Expr? value, int line)
    {
        if (generators.Any(g => g.IsAsync != 0))
        {
            throw Unsupported("async (an asynchronous comprehension)", node);
        }

        Scope child = _scope.Children[node];
        ExprNode first = IterExpr(generators[0].Iter);
        var gen = new CodeGenerator(child, _fileName);
        if (node is GeneratorExpExpr genexp)
        {
            List<string> names = child.LocalSlots();
            var genCode = new Code
            {
                Name = child.Name,
                QualName = child.QualName,
                FileName = _fileName,
                FirstLine = line,
                LocalNames = [.. names],
                CellNames = [.. child.Cells],
                FreeNames = [.. child.Free],
                PositionalNames = [".0"],
                IsGenerator = true,
            };
            genCode.Body = gen.Block([GeneratorExpressionBody(genexp)]);
            gen.FinishCode(genCode, names);
            return new GeneratorExpressionNode(genCode, first, ClosureFor(child)) { Line = line };
        }

        var clauses = new ComprehensionClause[generators.Count];
        for (int i = 0; i < clauses.Length; i++)
        {
            Comprehension g = generators[i];
            clauses[i] = new ComprehensionClause(gen.TargetOf(g.Target), i == 0 ? new ConstNode(default) : gen.IterExpr(g.Iter), gen.Exprs(g.Ifs));
        }

        ExprNode elt = gen.Expr(element);
        ExprNode? val = value is null ? null : gen.Expr(value);
        List<string> slots = child.LocalSlots();
        var code = new Code
        {
            Name = child.Name,
            QualName = child.QualName,
            FileName = _fileName,
            FirstLine = line,
            LocalNames = [.. slots],
            CellNames = [.. child.Cells],
            FreeNames = [.. child.Free],
            PositionalNames = [".0"],
        };
        return new ComprehensionNode(code, kind, first, clauses, elt, val, ClosureFor(child)) { Line = line };
    }

    private static ExprNode Constant(object? value, int line)
    {
        Value v = value switch
        {
            null => Value.None,
            bool b => Value.Bool(b),
            long l => Value.Int(l),
            int i => Value.Int(i),
            BigInteger big => Value.Int(big),
            double d => Value.Float(d),
            string s => Value.Str(s),
            CodePointString s => Value.Str(s.ToString()),
            _ => default,
        };
        if (v.IsNull)
        {
            return new SpecialConstantNode(value!) { Line = line };
        }

        return new ConstNode(v) { Line = line };
    }
}
