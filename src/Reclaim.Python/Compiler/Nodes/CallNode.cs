using Reclaim.Python.Execution;
using Reclaim.Python.Execution.Traceback;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Compiler.Nodes;

/// <summary>
/// A call. <c>obj.m(...)</c> looks the method up without making a bound method (3.11's LOAD_METHOD); arguments
/// are held until the call returns and then dropped, as CPython's evaluation stack does.
/// </summary>
internal sealed class CallNode(ExprNode func, ExprNode[] args, bool[] starred, string?[] keywordNames, ExprNode[] keywordValues) : ExprNode
{
    private readonly bool _simple = !starred.Any(s => s) && keywordNames.Length == 0;

    public override Value Eval(Frame frame) => Evaluate(frame, raising: false);

    /// <summary>
    /// Evaluates the call for a statement that passes exceptions on as <see cref="Flow.Raise"/>: when a Python
    /// function called here ends with an exception, the result is null and the exception is in
    /// <see cref="PyContext.InFlight"/> (no .NET throw); other failures still throw.
    /// </summary>
    public override bool HandsBackExceptions => true;

    public override Value EvalRaising(Frame frame)
    {
        Value v = Evaluate(frame, raising: true);
        if (v.IsNull)
        {
            // Handed back without a throw, so no filter saw it: this call is where the frame's traceback entry points
            // (unless an argument's own call, deeper in the tree, already recorded itself).
            TracebackRecorder.Record(PyContext.Current.InFlight!, frame, Span);
        }

        return v;
    }

    private Value Evaluate(Frame frame, bool raising)
    {
        Value self = default;
        Value callable;
        if (func is AttributeNode attr)
        {
            Value obj = attr.Object.Eval(frame);
            try
            {
                callable = attr.MethodSite.LoadMethod(obj, out bool unbound);
                if (unbound)
                {
                    self = obj;
                    obj = default;
                }
            }
            catch (PyException e) when (TracebackRecorder.Record(e, frame, attr.Span))
            {
                throw;
            }
            finally
            {
                obj.Drop();
            }
        }
        else
        {
            callable = func.Eval(frame);
        }

        int offset = self.IsNull ? 0 : 1;
        if (_simple && callable.Obj is PyFunction f && f.Code.BindsDirectly(args.Length + offset, f.Defaults.Length))
        {
            try
            {
                return CallDirect(frame, f, callable, self, raising);
            }
            catch (PyException e) when (TracebackRecorder.Record(e, frame, Span))
            {
                throw;
            }
        }

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

    // A call of a Python function whose parameters take the arguments as they come: the arguments are evaluated
    // straight into the new frame's slots, which own them from then on (3.11 moves them from the caller's stack the
    // same way), so the call makes no argument array and no extra count.
    private Value CallDirect(Frame frame, PyFunction f, Value callable, Value self, bool raising)
    {
        Code code = f.Code;
        var callee = Frame.Rent(code, f.Globals!);
        Value[] locals = callee.Locals;
        int n = 0;
        try
        {
            if (!self.IsNull)
            {
                locals[n++] = self;
                self = default;
            }

            foreach (ExprNode arg in args)
            {
                Value v = arg.EvalRaising(frame);
                if (v.IsNull)
                {
                    // An argument's own call failed and handed its exception back: give it to this call's caller.
                    PyException e = PyContext.Current.TakeInFlight();
                    DropArguments(locals, n);
                    callable.Drop();
                    if (raising)
                    {
                        PyContext.Current.InFlight = e;
                        return default;
                    }

                    throw e;
                }

                locals[n] = v;
                n++;
            }
        }
        catch
        {
            self.Drop();
            callable.Drop();
            DropArguments(locals, n);
            throw;
        }

        int npos = code.PositionalNames.Length;
        int firstDefault = npos - f.Defaults.Length;
        if (n < firstDefault)
        {
            // The arguments' evaluation replaced __defaults__ with a shorter tuple: bind the general way (it raises).
            Value[] given = locals[..n];
            Array.Clear(locals, 0, n);
            try
            {
                return Evaluator.CallFunction(f, given, null);
            }
            finally
            {
                callable.Drop();
                foreach (Value v in given)
                {
                    v.Drop();
                }
            }
        }

        for (; n < npos; n++)
        {
            locals[n] = f.Defaults[n - firstDefault].Dup();
        }

        try
        {
            return Evaluator.Start(f, callee, raising);
        }
        finally
        {
            callable.Drop();
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

    // Drops the first n arguments already moved into a frame that will not run, newest first as a stack unwinds.
    private static void DropArguments(Value[] locals, int n)
    {
        while (n > 0)
        {
            Value v = locals[--n];
            locals[n] = default;
            v.Drop();
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

    /// <summary>
    /// Finds <paramref name="name"/> for a call: a plain function found on the type comes back unbound
    /// (<paramref name="unbound"/>) so no bound method is made; anything else is the ordinary attribute.
    /// </summary>
    public static Value LoadMethod(Value obj, string name, out bool unbound)
    {
        unbound = false;
        PyType t = Ops.TypeOf(obj);
        if (obj.Obj is not PyType && obj.Obj is not PyModule && t != PyContext.Current.SuperType)
        {
            Value attr = t.Lookup(name);
            if (attr.Obj is PyFunction or PyBuiltin { IsMethod: true } && (!t.IsHeap || t.Lookup("__getattribute__").Obj is PyBuiltin))
            {
                bool shadowed = obj.Obj is PyObject { HasAttributeStorage: true } o && !o.GetAttribute(name).IsNull;
                if (!shadowed)
                {
                    unbound = true;
                    return attr.Dup();
                }
            }
        }

        return Ops.GetAttr(obj, name);
    }
}
