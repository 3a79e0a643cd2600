using System.Runtime.CompilerServices;
using Reclaim.Python.Execution;
using Reclaim.Python.Execution.Traceback;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Compiler.Nodes;

/// <summary>The calls that do not bind a Python function directly: built-ins, other callables, keyword and starred arguments.</summary>
internal sealed partial class CallNode
{
    // Anything but a directly bound Python function (see Evaluate): out of line so its locals stay out of the hot
    // frame. Owns callable and self.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private Value CallOther(Frame frame, Value callable, Value self)
    {
        int offset = self.IsNull ? 0 : 1;
        if (_simple && args.Length + offset <= ArgumentBuffer.Capacity)
        {
            return CallWithFewArguments(frame, callable, self);
        }

        Value[] argv;
        PyDict? kwargs = null;
        try
        {
            if (_simple)
            {
                argv = new Value[args.Length + offset];
                if (offset == 1)
                {
                    argv[0] = self;
                }

                for (int i = 0; i < args.Length; i++)
                {
                    argv[i + offset] = args[i].Eval(frame);
                }
            }
            else
            {
                var list = new List<Value>();
                if (!self.IsNull)
                {
                    list.Add(self);
                }

                for (int i = 0; i < args.Length; i++)
                {
                    Value v = args[i].Eval(frame);
                    if (starred[i])
                    {
                        list.AddRange(Ops.ToList(v));
                        v.Drop();
                    }
                    else
                    {
                        list.Add(v);
                    }
                }

                argv = [.. list];
                if (keywordNames.Length > 0)
                {
                    kwargs = PyContext.Current.NewDict();
                    for (int i = 0; i < keywordNames.Length; i++)
                    {
                        Value v = keywordValues[i].Eval(frame);
                        if (keywordNames[i] is { } kn)
                        {
                            if (kwargs.ContainsKey(Value.Str(kn)))
                            {
                                v.Drop();
                                throw PyErr.TypeError($"{Describe(callable)} got multiple values for keyword argument '{kn}'");
                            }

                            kwargs.SetOwned(Value.Str(kn), v);
                        }
                        else
                        {
                            MergeMapping(kwargs, v, callable);
                            v.Drop();
                        }
                    }
                }
            }
        }
        catch (PyException e) when (TracebackRecorder.Record(e, frame, Span))
        {
            throw;
        }
        catch
        {
            callable.Drop();
            self.Drop();
            throw;
        }

        try
        {
            return Ops.Call(callable, argv, kwargs);
        }
        catch (PyException e) when (TracebackRecorder.Record(e, frame, Span))
        {
            throw;
        }
        finally
        {
            callable.Drop();
            foreach (Value v in argv)
            {
                v.Drop();
            }

            kwargs?.Release();
        }
    }


    // A call of anything but a directly bound Python function with at most ArgumentBuffer.Capacity positional
    // arguments (self included): the arguments live on the .NET stack for the call, then are dropped.
    private Value CallWithFewArguments(Frame frame, Value callable, Value self)
    {
        ArgumentBuffer buffer = default;
        Span<Value> argv = buffer;
        int n = 0;
        try
        {
            if (!self.IsNull)
            {
                argv[n++] = self;
                self = default;
            }

            foreach (ExprNode arg in args)
            {
                argv[n] = arg.Eval(frame);
                n++;
            }

            return Ops.Call(callable, argv[..n], null);
        }
        catch (PyException e) when (TracebackRecorder.Record(e, frame, Span))
        {
            throw;
        }
        finally
        {
            callable.Drop();
            self.Drop();
            for (int i = 0; i < n; i++)
            {
                argv[i].Drop();
            }
        }
    }

    private static void MergeMapping(PyDict kwargs, Value mapping, Value callable)
    {
        var tmp = PyContext.Current.NewDict();
        try
        {
            if (mapping.Obj is not PyDict && Ops.TypeOf(mapping).Lookup("keys").IsNull)
            {
                throw PyErr.TypeError($"{Describe(callable)} argument after ** must be a mapping, not {Ops.TypeName(mapping)}");
            }

            Ops.Update(tmp, mapping);
            for (int i = 0; i < tmp.Used; i++)
            {
                if (tmp.Keys[i].IsNull)
                {
                    continue;
                }

                if (tmp.Keys[i].Obj is not string k)
                {
                    throw PyErr.TypeError("keywords must be strings");
                }

                if (kwargs.ContainsKey(tmp.Keys[i]))
                {
                    throw PyErr.TypeError($"{Describe(callable)} got multiple values for keyword argument '{k}'");
                }

                kwargs.Set(tmp.Keys[i], tmp.Values[i]);
            }
        }
        finally
        {
            tmp.Release();
        }
    }

    private static string Describe(Value callable) => callable.Obj switch
    {
        PyFunction f => f.QualName + "()",
        PyBuiltin b => b.Name + "()",
        _ => Ops.TypeName(callable) + " object",
    };
}
