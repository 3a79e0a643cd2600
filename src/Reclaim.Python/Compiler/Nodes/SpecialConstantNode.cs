using Reclaim.Python.Execution;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Syntax.Ast;

namespace Reclaim.Python.Compiler.Nodes;

/// <summary>A constant that is a heap object in this interpreter (<c>...</c> and bytes; complex is not built yet).</summary>
internal sealed class SpecialConstantNode(object value) : ExprNode
{
    public override Objects.Value Eval(Frame frame)
    {
        PyContext ctx = PyContext.Current;
        if (ReferenceEquals(value, ConstantValues.Ellipsis))
        {
            return ctx.Ellipsis.Dup();
        }

        if (value is byte[] bytes)
        {
            // A new object per evaluation: bytes are immutable, so only `is` between two evaluations can tell.
            return Modules.BytesMethods.NewBytes(bytes);
        }

        throw PyErr.Make("NotImplementedError", $"constants of type {value.GetType().Name} are not supported yet");
    }
}
