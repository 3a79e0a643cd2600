using Reclaim.Python.Execution;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Compiler.Nodes;

/// <summary>
/// A generator expression: the first iterable is evaluated and iterated (<c>iter()</c>) in the enclosing frame, as
/// 3.11 does; the rest runs lazily in the generator's own frame, whose slot 0 (<c>.0</c>) holds that iterator.
/// </summary>
internal sealed class GeneratorExpressionNode(Code code, ExprNode firstIter, int[] closure) : ExprNode
{
    public override Value Eval(Frame outer)
    {
        PyContext ctx = PyContext.Current;
        Value iterable = firstIter.Eval(outer);
        Value it;
        try
        {
            it = Ops.GetIter(iterable);
        }
        finally
        {
            iterable.Drop();
        }

        var frame = new Frame(code, outer.Globals, null) { Line = Line };
        frame.Locals[0] = it;
        for (int i = 0; i < code.CellNames.Length; i++)
        {
            frame.Cells[i] = ctx.Runtime.AdoptReference(new PyCell(ctx.CellType));
        }

        for (int i = 0; i < closure.Length; i++)
        {
            PyCell c = outer.Cells[closure[i]];
            c.AddRef();
            frame.Cells[code.CellNames.Length + i] = c;
        }

        return GeneratorOps.CreateForExpression(frame);
    }
}
