using Reclaim.Python.Execution;
using Reclaim.Python.Execution.Traceback;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;
using Reclaim.Python.Syntax.Ast;

namespace Reclaim.Python.Compiler.Nodes;

/// <summary>A constant (immediates and strs need no count; heap constants are created per evaluation).</summary>
internal sealed class ConstNode(Value value) : ExprNode
{
    /// <summary>The constant.</summary>
    public Value Value => value;

    public override Value Eval(Frame frame) => value.Dup();
}

/// <summary><c>a op b</c>: both operands are dropped as soon as the operation returns, as BINARY_OP does.</summary>
internal sealed class BinaryNode(ExprNode left, BinaryOperator op, ExprNode right) : ExprNode
{
    // Locals and number constants are read directly: two numbers are combined without a virtual call or a count.
    private readonly ImmediateOperand _left = ImmediateOperand.Of(left);
    private readonly ImmediateOperand _right = ImmediateOperand.Of(right);
    private readonly bool _direct = ImmediateOperand.Of(left).IsDirect && ImmediateOperand.Of(right).IsDirect;

    public override bool HandsBackExceptions => true;

    public override Value EvalRaising(Frame frame)
    {
        if (_direct)
        {
            Value direct = Direct(frame);
            if (!direct.IsNull)
            {
                return direct;
            }
        }

        Value a = left.EvalRaising(frame);
        if (a.IsNull)
        {
            return default;
        }

        if (a.AsObject is not null)
        {
            return RightOfCounted(frame, a);
        }

        // The left operand holds no count (a number, a str): nothing to drop if the right one fails, so this frame
        // needs no handler and stays small (`n + f(n - 1)` stacks it for every level of a recursion).
        Value b = right.EvalRaising(frame);
        return b.IsNull ? default : Apply(frame, a, b);
    }

    // Two numbers read directly and combined, or null. Out of line so that the out value's stack slot stays out of
    // EvalRaising's frame.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private Value Direct(Frame frame) =>
        ImmediateNumbers.TryArith(op, _left.Read(frame), _right.Read(frame), out Value direct) ? direct : default;

    // The right operand and the operation when the left operand is a counted object, dropped if the right one fails.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private Value RightOfCounted(Frame frame, Value a)
    {
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
        if (_direct)
        {
            Value direct = Direct(frame);
            if (!direct.IsNull)
            {
                return direct;
            }
        }

        Value a = left.Eval(frame);
        if (a.AsObject is not null)
        {
            return RightOfCountedThrowing(frame, a);
        }

        // As in EvalRaising: a left operand without a count needs no handler while the right one is evaluated.
        return Apply(frame, a, right.Eval(frame));
    }

    // Eval's right operand and operation when the left operand is a counted object, dropped if the right one fails.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private Value RightOfCountedThrowing(Frame frame, Value a)
    {
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

    // The operation itself, with both operands dropped as soon as it returns; a failure points at this node. Two
    // numbers (immediates: nothing to drop) are combined here without the general dispatch.
    private Value Apply(Frame frame, Value a, Value b)
    {
        if (ImmediateNumbers.TryArith(op, a, b, out Value direct))
        {
            return direct;
        }

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

/// <summary><c>a:b:c</c> inside a subscript.</summary>
internal sealed class SliceNode(ExprNode? lower, ExprNode? upper, ExprNode? step) : ExprNode
{
    /// <summary>The lower bound, if written.</summary>
    public ExprNode? Lower => lower;

    /// <summary>The upper bound, if written.</summary>
    public ExprNode? Upper => upper;

    /// <summary>The step, if written.</summary>
    public ExprNode? Step => step;

    public override Value Eval(Frame frame)
    {
        PyContext ctx = PyContext.Current;
        var box = new PyBox(ctx.SliceType, 3);
        box.Slots[0] = lower?.Eval(frame) ?? Value.None;
        box.Slots[1] = upper?.Eval(frame) ?? Value.None;
        box.Slots[2] = step?.Eval(frame) ?? Value.None;
        return Value.Steal(ctx.Runtime.AdoptReference(box));
    }

    /// <summary>A slice object of owned bounds and no step (what <see cref="Eval"/> makes of them).</summary>
    public static Value Make(Value lowerOwned, Value upperOwned)
    {
        PyContext ctx = PyContext.Current;
        var box = new PyBox(ctx.SliceType, 3);
        box.Slots[0] = lowerOwned;
        box.Slots[1] = upperOwned;
        box.Slots[2] = Value.None;
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
