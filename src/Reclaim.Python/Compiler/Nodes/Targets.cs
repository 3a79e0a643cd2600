using Reclaim.Python.Execution;
using Reclaim.Python.Execution.Traceback;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Compiler.Nodes;

/// <summary><c>obj.name = value</c>.</summary>
internal sealed class AttributeTarget(ExprNode obj, string name) : Target
{
    private readonly AttributeSite _site = new(name);

    public override void Store(Frame frame, Value owned)
    {
        Value o;
        try
        {
            o = obj.Eval(frame);
        }
        catch
        {
            owned.Drop();
            throw;
        }

        try
        {
            _site.Store(o, owned);
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

    public override void Delete(Frame frame)
    {
        Value o = obj.Eval(frame);
        try
        {
            Ops.DelAttr(o, name);
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

/// <summary><c>obj[key] = value</c>.</summary>
internal sealed class SubscriptTarget(ExprNode obj, ExprNode key) : Target
{
    public override void Store(Frame frame, Value owned)
    {
        try
        {
            Value o = obj.Eval(frame);
            try
            {
                Value k = key.Eval(frame);
                try
                {
                    Ops.SetItem(o, k, owned);
                }
                catch (PyException e) when (TracebackRecorder.Record(e, frame, Span))
                {
                    throw;
                }
                finally
                {
                    k.Drop();
                }
            }
            finally
            {
                o.Drop();
            }
        }
        finally
        {
            owned.Drop();
        }
    }

    public override void Delete(Frame frame)
    {
        Value o = obj.Eval(frame);
        try
        {
            Value k = key.Eval(frame);
            try
            {
                Ops.DelItem(o, k);
            }
            catch (PyException e) when (TracebackRecorder.Record(e, frame, Span))
            {
                throw;
            }
            finally
            {
                k.Drop();
            }
        }
        finally
        {
            o.Drop();
        }
    }
}

/// <summary><c>a, *b, c = value</c>.</summary>
internal sealed class UnpackTarget(Target[] targets, int starIndex) : Target
{
    /// <summary>The targets, in order.</summary>
    public Target[] Targets => targets;

    /// <summary>Whether one target is starred (<c>a, *b = ...</c>).</summary>
    public bool HasStar => starIndex >= 0;

    public override void Store(Frame frame, Value owned)
    {
        if (starIndex < 0 && owned.Obj is PyTuple { Type.IsHeap: false } tuple && tuple.Count == targets.Length)
        {
            StoreTupleItems(frame, tuple, owned);
            return;
        }

        List<Value> items;
        try
        {
            if (!Ops.IsIterable(owned))
            {
                throw PyErr.TypeError($"cannot unpack non-iterable {Ops.TypeName(owned)} object");
            }

            items = Ops.ToList(owned);
        }
        catch (PyException e) when (TracebackRecorder.Record(e, frame, Span))
        {
            throw;
        }
        finally
        {
            owned.Drop();
        }

        int n = targets.Length;
        if (starIndex < 0 && items.Count != n)
        {
            Release(items);
            throw Here(frame, items.Count > n
                ? PyErr.ValueError($"too many values to unpack (expected {n})")
                : PyErr.ValueError($"not enough values to unpack (expected {n}, got {items.Count})"));
        }

        if (starIndex >= 0 && items.Count < n - 1)
        {
            Release(items);
            throw Here(frame, PyErr.ValueError($"not enough values to unpack (expected at least {n - 1}, got {items.Count})"));
        }

        int after = n - starIndex - 1;
        var values = new Value[n];
        if (starIndex < 0)
        {
            items.CopyTo(values);
        }
        else
        {
            for (int i = 0; i < starIndex; i++)
            {
                values[i] = items[i];
            }

            PyList rest = PyContext.Current.NewList();
            for (int i = starIndex; i < items.Count - after; i++)
            {
                rest.Append(items[i]);
            }

            values[starIndex] = Value.Steal(rest);
            for (int i = 0; i < after; i++)
            {
                values[starIndex + 1 + i] = items[items.Count - after + i];
            }
        }

        for (int i = 0; i < n; i++)
        {
            try
            {
                targets[i].Store(frame, values[i]);
            }
            catch
            {
                for (int j = i + 1; j < n; j++)
                {
                    values[j].Drop();
                }

                throw;
            }
        }
    }

    // A tuple of the right length (the commonest case: `for k, v in d.items()`, `a, b = f()`) is unpacked without
    // copying its items to a list: a tuple cannot change while the stores run, and it is held until they are done.
    private void StoreTupleItems(Frame frame, PyTuple tuple, Value owned)
    {
        try
        {
            for (int i = 0; i < targets.Length; i++)
            {
                targets[i].Store(frame, tuple.Items[i].Dup());
            }
        }
        finally
        {
            owned.Drop();
        }
    }

    private PyException Here(Frame frame, PyException e)
    {
        TracebackRecorder.Record(e, frame, Span);
        return e;
    }

    private static void Release(List<Value> items)
    {
        foreach (Value v in items)
        {
            v.Drop();
        }
    }

    public override void Delete(Frame frame)
    {
        foreach (Target t in targets)
        {
            t.Delete(frame);
        }
    }
}
