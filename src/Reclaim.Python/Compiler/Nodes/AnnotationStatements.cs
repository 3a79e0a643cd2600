using Reclaim.Python.Execution;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Compiler.Nodes;

/// <summary>Creates <c>__annotations__</c> in a module or class namespace unless it is already there.</summary>
internal sealed class SetupAnnotationsStatement(NameTarget annotations) : StmtNode
{
    public override Flow Exec(Frame frame)
    {
        PyDict ns = frame.Namespace ?? frame.Globals;
        if (ns.Get("__annotations__").IsNull)
        {
            annotations.Store(frame, Value.Steal(PyContext.Current.NewDict()));
        }

        return Flow.Normal;
    }
}

/// <summary><c>__annotations__['name'] = annotation</c> for an annotated simple name at module or class level.</summary>
internal sealed class AnnotateStatement(NameTarget annotations, string name, ExprNode annotation) : StmtNode
{
    public override Flow Exec(Frame frame)
    {
        Value value = annotation.Eval(frame);
        try
        {
            Value dict = annotations.Load(frame);
            try
            {
                Ops.SetItem(dict, Value.Str(name), value);
            }
            finally
            {
                dict.Drop();
            }
        }
        finally
        {
            value.Drop();
        }

        return Flow.Normal;
    }
}

/// <summary>Several statements compiled from one source statement.</summary>
internal sealed class BlockStatement(StmtNode[] body) : StmtNode
{
    public override Flow Exec(Frame frame) => Run(body, frame);
}

/// <summary>Makes a function and gives it the <c>__annotations__</c> dict of its parameters and return.</summary>
internal sealed class AnnotatedFunctionNode(ExprNode make, string[] names, ExprNode[] values) : ExprNode
{
    public override Value Eval(Frame frame)
    {
        PyContext ctx = PyContext.Current;
        PyDict annotations = ctx.NewDict();
        try
        {
            for (int i = 0; i < names.Length; i++)
            {
                annotations.SetOwned(Value.Str(names[i]), values[i].Eval(frame));
            }
        }
        catch
        {
            annotations.Release();
            throw;
        }

        Value f = make.Eval(frame);
        var fn = (PyObject)f.Obj!;
        fn.EnableAttributes();
        fn.TrySetAttribute("__annotations__", Value.Steal(annotations));
        return f;
    }
}
