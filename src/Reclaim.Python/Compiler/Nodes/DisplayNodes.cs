using Reclaim.Python.Execution;
using Reclaim.Python.Execution.Traceback;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Compiler.Nodes;

/// <summary>Which display a <see cref="DisplayNode"/> builds.</summary>
internal enum DisplayKind
{
    List, Tuple, Set,
}

/// <summary>
/// How CPython folds a set display of constants: not at all, into a frozenset constant copied into a new set (a
/// display of three or more), or into the frozenset itself (what a <c>for</c> loop or comprehension iterates). The
/// compiler builds that frozenset from the items, then once more from its own table order.
/// </summary>
internal enum ConstantSet
{
    None, Display, Frozen,
}

/// <summary><c>[a, *b]</c>, <c>(a, *b)</c>, <c>{a, *b}</c>.</summary>
internal sealed class DisplayNode(DisplayKind kind, ExprNode[] items, bool[] starred, ConstantSet folded = ConstantSet.None) : ExprNode
{
    /// <summary>
    /// The items of a tuple display without starred items (null for any other display): what
    /// <see cref="ParallelAssignStatement"/> evaluates without building the tuple.
    /// </summary>
    public ExprNode[]? PlainTupleItems => kind == DisplayKind.Tuple && !starred.Any(s => s) ? items : null;

    // The layout of a folded constant set, known after its first evaluation (see FoldedSet).
    private FoldedSet? _folded;

    public override Value Eval(Frame frame)
    {
        var values = new List<Value>(items.Length);
        try
        {
            for (int i = 0; i < items.Length; i++)
            {
                Value v = items[i].Eval(frame);
                if (starred[i])
                {
                    try
                    {
                        values.AddRange(Ops.ToList(v));
                    }
                    finally
                    {
                        v.Drop();
                    }
                }
                else
                {
                    values.Add(v);
                }
            }
        }
        catch (PyException e) when (TracebackRecorder.Record(e, frame, Span))
        {
            throw;
        }
        catch
        {
            foreach (Value v in values)
            {
                v.Drop();
            }

            throw;
        }

        PyContext ctx = PyContext.Current;
        switch (kind)
        {
            case DisplayKind.Tuple:
                return ctx.NewTuple([.. values]);
            case DisplayKind.List:
                PyList list = ctx.NewList();
                list.Items = [.. values];
                list.Count = values.Count;
                return Value.Steal(list);
            default:
                PySet set = folded == ConstantSet.None ? SetOps.NewSet(ctx.SetType) : null!;
                try
                {
                    if (folded != ConstantSet.None)
                    {
                        set = FoldedSet.Make(folded, values, ref _folded);
                    }
                    else
                    {
                        foreach (Value v in values)
                        {
                            SetOps.Add(set, v);
                        }
                    }
                }
                catch (PyException e) when (TracebackRecorder.Record(e, frame, Span))
                {
                    throw;
                }
                catch
                {
                    set?.Release();
                    throw;
                }
                finally
                {
                    foreach (Value v in values)
                    {
                        v.Drop();
                    }
                }

                return Value.Steal(set);
        }
    }
}

/// <summary><c>{k: v, **m}</c>.</summary>
internal sealed class DictNode(ExprNode?[] keys, ExprNode[] values) : ExprNode
{
    public override Value Eval(Frame frame)
    {
        PyDict d = PyContext.Current.NewDict();
        try
        {
            for (int i = 0; i < values.Length; i++)
            {
                if (keys[i] is { } keyNode)
                {
                    Value k = keyNode.Eval(frame);
                    Value v;
                    try
                    {
                        v = values[i].Eval(frame);
                        Ops.Hash(k);
                    }
                    catch
                    {
                        k.Drop();
                        throw;
                    }

                    d.SetOwned(k, v);
                }
                else
                {
                    Value m = values[i].Eval(frame);
                    try
                    {
                        Ops.Update(d, m);
                    }
                    finally
                    {
                        m.Drop();
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
            d.Release();
            throw;
        }

        return Value.Steal(d);
    }
}
