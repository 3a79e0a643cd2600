using System.Runtime.CompilerServices;
using Reclaim.Python.Execution;
using Reclaim.Python.Execution.Traceback;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Compiler.Nodes;

/// <summary>
/// A call. <c>obj.m(...)</c> looks the method up without making a bound method (3.11's LOAD_METHOD); arguments
/// are held until the call returns and then dropped, as CPython's evaluation stack does.
/// </summary>
internal sealed partial class CallNode(ExprNode func, ExprNode[] args, bool[] starred, string?[] keywordNames, ExprNode[] keywordValues) : ExprNode
{
    private readonly bool _simple = !starred.Any(s => s) && keywordNames.Length == 0;

    public override Value Eval(Frame frame) => Evaluate(frame, raising: false);

    public override bool HandsBackExceptions => true;

    /// <summary>
    /// Evaluates the call for a statement that passes exceptions on as <see cref="Flow.Raise"/>: when a Python
    /// function called here ends with an exception, the result is null and the exception is in
    /// <see cref="PyContext.InFlight"/> (no .NET throw); other failures still throw. Evaluate records this call as
    /// the frame's traceback position when it hands an exception back, so this is a plain forward that the JIT can
    /// make a tail call, with no frame of its own on the stack.
    /// </summary>
    public override Value EvalRaising(Frame frame) => Evaluate(frame, raising: true);

    // The hot path of every call, kept small because deep recursion stacks one such .NET frame per Python call: a
    // directly bound Python function has its arguments evaluated straight into the new frame's slots, which own
    // them from then on (3.11 moves them from the caller's stack the same way), so the call makes no argument array
    // and no extra count, and the callee runs from this frame. Everything else (method lookup, keyword or starred
    // arguments, built-ins, other callables, failures) is in separate methods so that their locals and spill slots
    // stay out of this frame.
    private Value Evaluate(Frame frame, bool raising)
    {
        Value self = default;
        Value callable = func is AttributeNode attr ? LoadCallable(frame, attr, out self) : func.Eval(frame);
        if (!_simple || callable.Obj is not PyFunction f
            || !f.Code.BindsDirectly(args.Length + (self.IsNull ? 0 : 1), f.Defaults.Length))
        {
            return CallOther(frame, callable, self);
        }

        Code code = f.Code;
        var callee = Frame.Rent(code, f.Globals!);
        Value[] locals = callee.Locals;
        int n = BindArguments(frame, locals, self, f, raising);
        if (n < 0)
        {
            return default;
        }

        if (n < code.PositionalNames.Length && !BindDefaults(f, locals, n))
        {
            return CallShortOfDefaults(frame, f, locals, n);
        }

        Value result;
        try
        {
            result = Evaluator.Start(f, callee, raising);
        }
        catch (PyException e) when (TracebackRecorder.Record(e, frame, Span))
        {
            throw;
        }
        finally
        {
            f.Release();
        }

        if (result.IsNull)
        {
            // Handed back (only when raising) without a throw, so no filter saw it.
            TracebackRecorder.Record(PyContext.Current.InFlight!, frame, Span);
        }

        return result;
    }

    // obj.m for a call: the method comes back unbound with obj as self when that is what 3.11's LOAD_METHOD does.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Value LoadCallable(Frame frame, AttributeNode attr, out Value self)
    {
        self = default;
        Value obj = attr.Object.Eval(frame);
        try
        {
            Value callable = attr.MethodSite.LoadMethod(obj, out bool unbound);
            if (unbound)
            {
                self = obj;
                obj = default;
            }

            return callable;
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

    // Evaluates the arguments into the new frame's slots (self first if there is one) and returns how many there
    // are. Out of line: in deep recursion the arguments are evaluated before the callee runs, so this frame is not
    // among those stacked for every level. When an argument's own call fails and hands its exception back, the
    // arguments before it and the function are dropped and the exception goes to this call's caller (-1, or a throw
    // when not raising).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int BindArguments(Frame frame, Value[] locals, Value self, PyFunction f, bool raising)
    {
        int n = 0;
        bool handedBack = false;
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
                    handedBack = true;
                    break;
                }

                locals[n] = v;
                n++;
            }
        }
        catch (PyException e) when (TracebackRecorder.Record(e, frame, Span))
        {
            throw;
        }
        catch
        {
            self.Drop();
            f.Release();
            DropArguments(locals, n);
            throw;
        }

        return handedBack ? ArgumentHandedBack(frame, locals, n, f, raising) : n;
    }

    // An argument's own call failed and handed its exception back: drop the n arguments before it and give the
    // exception to this call's caller.
    private int ArgumentHandedBack(Frame frame, Value[] locals, int n, PyFunction f, bool raising)
    {
        PyException e = PyContext.Current.TakeInFlight();
        DropArguments(locals, n);
        f.Release();
        TracebackRecorder.Record(e, frame, Span);
        if (raising)
        {
            PyContext.Current.InFlight = e;
            return -1;
        }

        throw e;
    }

    // Fills the parameters after the n given arguments from the defaults; false when the arguments' evaluation
    // replaced __defaults__ with a tuple too short for them.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool BindDefaults(PyFunction f, Value[] locals, int n)
    {
        int npos = f.Code.PositionalNames.Length;
        int firstDefault = npos - f.Defaults.Length;
        if (n < firstDefault)
        {
            return false;
        }

        for (; n < npos; n++)
        {
            locals[n] = f.Defaults[n - firstDefault].Dup();
        }

        return true;
    }

    // The defaults shrank under the call (see BindDefaults): bind the general way, which raises.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private Value CallShortOfDefaults(Frame frame, PyFunction f, Value[] locals, int n)
    {
        Value[] given = locals[..n];
        Array.Clear(locals, 0, n);
        try
        {
            return Evaluator.CallFunction(f, given, null);
        }
        catch (PyException e) when (TracebackRecorder.Record(e, frame, Span))
        {
            throw;
        }
        finally
        {
            f.Release();
            foreach (Value v in given)
            {
                v.Drop();
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
