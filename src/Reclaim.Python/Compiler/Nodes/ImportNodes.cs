using Reclaim.Python.Execution;
using Reclaim.Python.Execution.Traceback;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Compiler.Nodes;

/// <summary>Finds modules: only the built-in ones exist until imports of .py files land.</summary>
internal static class Importer
{
    /// <summary>The module named <paramref name="name"/> (new reference).</summary>
    public static Value Import(string name)
    {
        PyContext ctx = PyContext.Current;
        Value m = ctx.Modules.Get(name);
        if (m.IsNull)
        {
            m = Modules.BuiltinModules.Create(ctx, name);
            if (m.IsNull)
            {
                PyException e = PyErr.Make("ModuleNotFoundError", $"No module named '{name}'");
                throw e;
            }

            ctx.Modules.SetOwned(Value.Str(name), m);
        }

        return m.Dup();
    }
}

/// <summary><c>import a.b as c</c>.</summary>
internal sealed class ImportStatement((string Name, string? AsName, Target Target)[] names) : StmtNode
{
    public override Flow Exec(Frame frame)
    {
        foreach ((string name, string? asName, Target target) in names)
        {
            Value m = Importer.Import(asName is null ? name.Split('.')[0] : name);
            target.Store(frame, m);
        }

        return Flow.Normal;
    }
}

/// <summary><c>from m import a as b</c>.</summary>
internal sealed class ImportFromStatement(string module, (string Name, Target? Target)[] names) : StmtNode
{
    public override Flow Exec(Frame frame)
    {
        Value m = Importer.Import(module);
        try
        {
            foreach ((string name, Target? target) in names)
            {
                if (target is null)
                {
                    if (m.Obj is PyModule { Dict: { } d })
                    {
                        for (int i = 0; i < d.Used; i++)
                        {
                            if (d.Keys[i].Obj is string k && !k.StartsWith('_'))
                            {
                                frame.Globals.Set(d.Keys[i], d.Values[i]);
                            }
                        }
                    }

                    continue;
                }

                Value v = Ops.TryGetAttr(m, name);
                if (v.IsNull)
                {
                    throw PyErr.Make("ImportError", $"cannot import name '{name}' from '{module}' (unknown location)");
                }

                target.Store(frame, v);
            }
        }
        finally
        {
            m.Drop();
        }

        return Flow.Normal;
    }
}

/// <summary>Applies decorators bottom-up to a function or class.</summary>
internal sealed class DecorateNode(ExprNode[] decorators, ExprNode value) : ExprNode
{
    public override Value Eval(Frame frame)
    {
        var decs = new Value[decorators.Length];
        try
        {
            for (int i = 0; i < decs.Length; i++)
            {
                decs[i] = decorators[i].Eval(frame);
            }

            Value v = value.Eval(frame);
            for (int i = decs.Length - 1; i >= 0; i--)
            {
                try
                {
                    Value next = Ops.Call(decs[i], [v], null);
                    v.Drop();
                    v = next;
                }
                catch (PyException e) when (TracebackRecorder.Record(e, frame, decorators[i].Span))
                {
                    throw;
                }
                catch
                {
                    v.Drop();
                    throw;
                }
            }

            return v;
        }
        finally
        {
            foreach (Value d in decs)
            {
                d.Drop();
            }
        }
    }
}
