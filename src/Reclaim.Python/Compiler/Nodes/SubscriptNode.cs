using Reclaim.Python.Execution;
using Reclaim.Python.Execution.Traceback;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;
using Reclaim.Python.Syntax.Ast;

namespace Reclaim.Python.Compiler.Nodes;

/// <summary><c>obj[key]</c>.</summary>
internal sealed class SubscriptNode(ExprNode obj, ExprNode key) : ExprNode
{
    // obj[a:b] (no step): sliced without making the slice object when obj is a built-in list or tuple.
    private readonly SliceNode? _slice = key is SliceNode { Step: null } s ? s : null;

    // local[i] with i a local or an int constant: the container is borrowed from its slot (list[i] / tuple[i] of a
    // small int in range runs no Python code, so nothing can rebind the local meanwhile) and the key read directly.
    private readonly int _objSlot = obj is NameLoad { LocalSlot: >= 0 } n ? n.LocalSlot : -1;
    private readonly ImmediateOperand _key = ImmediateOperand.Of(key);

    /// <summary>
    /// A missing key of a built-in dict, or an index out of range of a list or tuple, comes back as
    /// <see cref="Flow.Raise"/> without a .NET throw (<c>try: d[k] except KeyError:</c> is a common idiom); every other
    /// failure still throws.
    /// </summary>
    public override bool HandsBackExceptions => true;

    public override Value EvalRaising(Frame frame)
    {
        if (_objSlot >= 0 && _key.IsDirect && TryIndexFast(frame.Locals[_objSlot], _key.Read(frame), out Value direct))
        {
            return direct;
        }

        Value o = obj.Eval(frame);
        if (_slice is not null)
        {
            return EvalSlice(frame, o);
        }

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
        if (_objSlot >= 0 && _key.IsDirect && TryIndexFast(frame.Locals[_objSlot], _key.Read(frame), out Value direct))
        {
            return direct;
        }

        Value o = obj.Eval(frame);
        if (_slice is not null)
        {
            return EvalSlice(frame, o);
        }

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

    // obj[a:b] on an owned obj: the bounds evaluated as BUILD_SLICE would; a built-in list or tuple with int or None
    // bounds is sliced at once, anything else gets the slice object and the general subscript.
    private Value EvalSlice(Frame frame, Value o)
    {
        Value lower = Value.None, upper = Value.None;
        try
        {
            if (_slice!.Lower is { } l)
            {
                lower = l.Eval(frame);
            }

            if (_slice.Upper is { } u)
            {
                upper = u.Eval(frame);
            }
        }
        catch
        {
            lower.Drop();
            o.Drop();
            throw;
        }

        if (o.Obj is PySequence { Type.IsHeap: false } q && (lower.IsSmallInt || lower.IsNone) && (upper.IsSmallInt || upper.IsNone))
        {
            Value part = Slices.Take(q, lower, upper);
            o.Drop();
            return part;
        }

        Value k = SliceNode.Make(lower, upper);
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
