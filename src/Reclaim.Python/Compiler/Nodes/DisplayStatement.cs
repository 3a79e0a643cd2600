using Reclaim.Python.Execution;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Compiler.Nodes;

/// <summary>An expression statement compiled in <c>'single'</c> mode: a value other than None is printed (its repr)
/// and kept in <c>builtins._</c>, as <c>sys.displayhook</c> does.</summary>
internal sealed class DisplayStatement(ExprNode value) : StmtNode
{
    public override Flow Exec(Frame frame)
    {
        Value v = value.Eval(frame);
        try
        {
            if (!v.IsNone)
            {
                PyContext ctx = PyContext.Current;
                ctx.Builtins.Set(Value.Str("_"), Value.None);
                string text = Ops.Repr(v) + "\n";
                Value write = Ops.GetAttr(ctx.SysStdout, "write");
                try
                {
                    Ops.Call(write, [Value.Str(text)], null).Drop();
                }
                finally
                {
                    write.Drop();
                }

                ctx.Builtins.Set(Value.Str("_"), v);
            }
        }
        finally
        {
            v.Drop();
        }

        return Flow.Normal;
    }
}
