using Reclaim.Python.Execution;
using Reclaim.Python.Execution.Traceback;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;
using Reclaim.Python.Syntax.Ast;

namespace Reclaim.Python.Compiler.Nodes;

/// <summary>A constant (immediates and strs need no count; heap constants are created per evaluation).</summary>
internal sealed class ConstNode(Value value) : ExprNode
{
    public override Value Eval(Frame frame) => value.Dup();
}

/// <summary><c>a op b</c>: both operands are dropped as soon as the operation returns, as BINARY_OP does.</summary>
internal sealed class BinaryNode(ExprNode left, BinaryOperator op, ExprNode right) : ExprNode
{
    public override bool HandsBackExceptions => true;

    public override Value EvalRaising(Frame frame)
    {
        Value a = left.EvalRaising(frame);
        if (a.IsNull)
        {
            return default;
        }

        Value b;
        try
        {
            b = right.EvalRaising(frame);
        }
        catch
        {
            a.Drop();
            throw;
        }

        if (b.IsNull)
        {
            PyException e = PyContext.Current.TakeInFlight();
            a.Drop();
            PyContext.Current.InFlight = e;
            return default;
        }

        return Apply(frame, a, b);
    }

    public override Value Eval(Frame frame)
    {
        Value a = left.Eval(frame);
        Value b;
        try
        {
            b = right.Eval(frame);
        }
        catch
        {
            a.Drop();
            throw;
        }

        return Apply(frame, a, b);
    }

    // The operation itself, with both operands dropped as soon as it returns; a failure points at this node.
    private Value Apply(Frame frame, Value a, Value b)
    {
        try
        {
            return Ops.Binary(op, a, b);
        }
        catch (PyException e) when (TracebackRecorder.Record(e, frame, Span))
        {
            throw;
        }
        finally
        {
            a.Drop();
            b.Drop();
        }
    }
}

/// <summary><c>-a</c>, <c>+a</c>, <c>~a</c>, <c>not a</c>.</summary>
internal sealed class UnaryNode(UnaryOperator op, ExprNode operand) : ExprNode
{
    /// <summary><c>not x</c> as a condition is the operand's own test, inverted (no Python bool is made).</summary>
    public override bool Test(Frame frame) => op == UnaryOperator.Not ? !operand.Test(frame) : base.Test(frame);

    public override Value Eval(Frame frame)
    {
        Value v = operand.Eval(frame);
        try
        {
            return Ops.Unary(op, v);
        }
        catch (PyException e) when (TracebackRecorder.Record(e, frame, Span))
        {
            throw;
        }
        finally
        {
            v.Drop();
        }
    }
}

/// <summary><c>obj.name</c>.</summary>
internal sealed class AttributeNode(ExprNode obj, string name) : ExprNode
{
    /// <summary>The object expression.</summary>
    public ExprNode Object { get; } = obj;

    private readonly AttributeSite _site = new(name);

    // The receiver when it is a plain name load (a local can then be borrowed).
    private readonly NameLoad? _local = obj as NameLoad;

    /// <summary>The attribute name.</summary>
    public string Name => _site.Name;

    /// <summary>The cache a call through this attribute uses for its method look-up.</summary>
    public AttributeSite MethodSite { get; } = new(name);

    public override Value Eval(Frame frame)
    {
        // self.attr: an instance attribute found through the site runs no Python code, so the local receiver is read
        // without the AddRef/Release pair; anything else (a property, a class attribute, a miss) takes the full path.
        if (_local is not null && _local.TryBorrowLocal(frame, out Value borrowed) && _site.TryLoadInstance(borrowed, out Value found))
        {
            return found;
        }

        Value o = Object.Eval(frame);
        try
        {
            return _site.Load(o);
        }
        catch (PyException e) when (TracebackRecorder.Record(e, frame, Span))
        {
            throw;
        }
        finally
        {
            o.Drop();
        }
    }
}

/// <summary><c>obj[key]</c>.</summary>
internal sealed class SubscriptNode(ExprNode obj, ExprNode key) : ExprNode
{
    /// <summary>
    /// A missing key of a built-in dict, or an index out of range of a list or tuple, comes back as
    /// <see cref="Flow.Raise"/> without a .NET throw (<c>try: d[k] except KeyError:</c> is a common idiom); every other
    /// failure still throws.
    /// </summary>
    public override bool HandsBackExceptions => true;

    public override Value EvalRaising(Frame frame)
    {
        Value o = obj.Eval(frame);
        Value k;

        try
        {
            k = key.Eval(frame);
        }
        catch
        {
            o.Drop();
            throw;
        }

        if (TryIndexFast(o, k, out Value item))
        {
            o.Drop();
            return item;
        }

        PyException? missing = null;
        try
        {
            PyContext ctx = PyContext.Current;
            if (ctx.InFlight is null)
            {
                if (o.Obj is PyDict d && d.Type == ctx.DictType)
                {
                    Value v = d.Get(k);
                    if (!v.IsNull)
                    {
                        return v.Dup();
                    }

                    missing = PyErr.KeyError(k);
                }
                else if (o.Obj is PySequence { Type.IsHeap: false } q && (k.IsSmallInt || k.IsBool))
                {
                    long i = k.Bits < 0 ? k.Bits + q.Count : k.Bits;
                    if (i >= 0 && i < q.Count)
                    {
                        return q.Items[i].Dup();
                    }

                    missing = PyErr.IndexError($"{(q is PyTuple ? "tuple" : "list")} index out of range");
                }
            }

            if (missing is null)
            {
                return Ops.GetItem(o, k);
            }

            TracebackRecorder.Record(missing, frame, Span);
            ctx.InFlight = missing;
            return default;
        }
        catch (PyException e) when (TracebackRecorder.Record(e, frame, Span))
        {
            throw;
        }
        finally
        {
            o.Drop();
            k.Drop();
        }
    }

    public override Value Eval(Frame frame)
    {
        Value o = obj.Eval(frame);
        Value k;
        try
        {
            k = key.Eval(frame);
        }
        catch
        {
            o.Drop();
            throw;
        }

        if (TryIndexFast(o, k, out Value item))
        {
            o.Drop();
            return item;
        }

        try
        {
            return Ops.GetItem(o, k);
        }
        catch (PyException e) when (TracebackRecorder.Record(e, frame, Span))
        {
            throw;
        }
        finally
        {
            o.Drop();
            k.Drop();
        }
    }

    // list[i] / tuple[i] of a built-in list or tuple and a small int in range: the element, with no context look-up
    // and no type dispatch (the key is an immediate, so it needs no drop). Anything else goes the general way.
    private static bool TryIndexFast(Value o, Value k, out Value item)
    {
        if (k.IsSmallInt && (o.Obj is PyList || o.Obj is PyTuple))
        {
            var q = System.Runtime.CompilerServices.Unsafe.As<PySequence>(o.Obj);
            long i = k.Bits < 0 ? k.Bits + q.Count : k.Bits;
            if (!q.Type.IsHeap && (ulong)i < (ulong)q.Count)
            {
                item = q.Items[i].Dup();
                return true;
            }
        }

        item = default;
        return false;
    }
}

/// <summary><c>a:b:c</c> inside a subscript.</summary>
internal sealed class SliceNode(ExprNode? lower, ExprNode? upper, ExprNode? step) : ExprNode
{
    public override Value Eval(Frame frame)
    {
        PyContext ctx = PyContext.Current;
        var box = new PyBox(ctx.SliceType, 3);
        box.Slots[0] = lower?.Eval(frame) ?? Value.None;
        box.Slots[1] = upper?.Eval(frame) ?? Value.None;
        box.Slots[2] = step?.Eval(frame) ?? Value.None;
        return Value.Steal(ctx.Runtime.AdoptReference(box));
    }
}

/// <summary><c>(target := value)</c>.</summary>
internal sealed class NamedExprNode(Target target, ExprNode value) : ExprNode
{
    public override Value Eval(Frame frame)
    {
        Value v = value.Eval(frame);
        target.Store(frame, v.Dup());
        return v;
    }
}

/// <summary>An f-string: parts evaluated, formatted and joined.</summary>
internal sealed class JoinedStrNode(ExprNode[] parts) : ExprNode
{
    public override Value Eval(Frame frame)
    {
        var sb = new System.Text.StringBuilder();
        foreach (ExprNode p in parts)
        {
            Value v = p.Eval(frame);
            sb.Append(v.AsStr);
        }

        return Value.Str(sb.ToString());
    }
}

/// <summary>One <c>{value!conv:spec}</c> of an f-string.</summary>
internal sealed class FormattedValueNode(ExprNode value, int conversion, ExprNode? spec) : ExprNode
{
    public override Value Eval(Frame frame)
    {
        Value v = value.Eval(frame);
        try
        {
            // The conversion makes a str first; the spec then formats that str.
            if (conversion is 'r' or 's' or 'a')
            {
                string converted = conversion == 's' ? Ops.StrOf(v) : Ops.Repr(v);
                v.Drop();
                v = Value.Str(conversion == 'a' ? Modules.StrCase.Ascii(converted) : converted);
            }

            string s = spec is null ? string.Empty : spec.Eval(frame).AsStr;
            return spec is null && v.Obj is string str ? Value.Str(str) : Value.Str(Ops.Format(v, s));
        }
        catch (PyException e) when (TracebackRecorder.Record(e, frame, Span))
        {
            throw;
        }
        finally
        {
            v.Drop();
        }
    }
}
