using Reclaim.Python.Execution;
using Reclaim.Python.Execution.Traceback;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Compiler.Nodes;

/// <summary><c>def</c>/<c>lambda</c>: makes a function with its defaults and closure cells.</summary>
internal sealed class MakeFunctionNode(Code code, ExprNode[] defaults, string[] kwNames, ExprNode[] kwValues, int[] closure) : ExprNode
{
    public override Value Eval(Frame frame)
    {
        PyContext ctx = PyContext.Current;
        var f = ctx.Runtime.AdoptReference(new PyFunction(ctx.FunctionType, code, frame.Globals));
        frame.Globals.AddRef();
        try
        {
            if (defaults.Length > 0)
            {
                var d = new Value[defaults.Length];
                f.Defaults = d;
                for (int i = 0; i < d.Length; i++)
                {
                    d[i] = defaults[i].Eval(frame);
                }
            }

            if (kwNames.Length > 0)
            {
                f.KwDefaults = ctx.NewDict();
                for (int i = 0; i < kwNames.Length; i++)
                {
                    f.KwDefaults.SetOwned(Value.Str(kwNames[i]), kwValues[i].Eval(frame));
                }
            }

            if (closure.Length > 0)
            {
                var cells = new PyCell[closure.Length];
                for (int i = 0; i < cells.Length; i++)
                {
                    PyCell c = frame.Cells[closure[i]];
                    c.AddRef();
                    cells[i] = c;
                }

                f.SetClosure(cells);
            }
        }
        catch
        {
            f.Release();
            throw;
        }

        return Value.Steal(f);
    }
}

/// <summary>One <c>for ... in ... if ...</c> clause of a comprehension.</summary>
internal sealed record ComprehensionClause(Target Target, ExprNode Iter, ExprNode[] Ifs);

/// <summary>
/// A list/set/dict comprehension or generator expression, run in a frame of its own (3.11 does not inline them);
/// the first iterable is evaluated in the enclosing frame.
/// </summary>
internal sealed class ComprehensionNode(Code code, char kind, ExprNode firstIter, ComprehensionClause[] clauses, ExprNode element, ExprNode? value, int[] closure) : ExprNode
{
    public override Value Eval(Frame outer)
    {
        PyContext ctx = PyContext.Current;
        Value iterable = firstIter.Eval(outer);
        Value it;
        try
        {
            it = Ops.GetIter(iterable);
        }
        catch (PyException e) when (TracebackRecorder.Record(e, outer, Span))
        {
            throw;
        }
        finally
        {
            iterable.Drop();
        }

        Frame frame = Frame.Rent(code, outer.Globals);
        frame.Line = element.Line;
        frame.Locals[0] = it;
        for (int i = 0; i < code.CellNames.Length; i++)
        {
            frame.Cells[i] = ctx.Runtime.AdoptReference(new PyCell(ctx.CellType));
        }

        for (int i = 0; i < closure.Length; i++)
        {
            PyCell c = outer.Cells[closure[i]];
            c.AddRef();
            frame.Cells[code.CellNames.Length + i] = c;
        }

        PyObject result = kind switch
        {
            'l' or 'g' => ctx.NewList(),
            's' => SetOps.NewSet(ctx.SetType),
            _ => ctx.NewDict(),
        };
        frame.Back = ctx.TopFrame;
        ctx.TopFrame = frame;
        ctx.Depth++;
        try
        {
            Loop(frame, 0, frame.Locals[0], result);
        }
        catch (PyException e)
        {
            // The exception leaves the comprehension's frame for the one that called it, both at this node.
            TracebackRecorder.Record(e, frame, Span);
            TracebackRecorder.Record(e, outer, Span);
            result.Release();
            throw;
        }
        finally
        {
            ctx.Depth--;
            ctx.TopFrame = frame.Back;
            frame.Clear();
        }

        frame.Recycle();
        if (kind == 'g')
        {
            // Generators are not resumable yet: a generator expression is evaluated eagerly into an iterator.
            Value items = Value.Steal(result);
            Value iter = Ops.NewIterator(IterKind.Sequence, items);
            items.Drop();
            return iter;
        }

        return Value.Steal(result);
    }

    private void Loop(Frame frame, int depth, Value it, PyObject result)
    {
        ComprehensionClause clause = clauses[depth];
        while (Ops.Next(it, out Value item))
        {
            Interrupts.Check();
            clause.Target.Store(frame, item);
            bool ok = true;
            foreach (ExprNode cond in clause.Ifs)
            {
                if (!Truth.Test(cond, frame))
                {
                    ok = false;
                    break;
                }
            }

            if (!ok)
            {
                continue;
            }

            if (depth + 1 < clauses.Length)
            {
                Value inner = clauses[depth + 1].Iter.Eval(frame);
                Value innerIt;
                try
                {
                    innerIt = Ops.GetIter(inner);
                }
                finally
                {
                    inner.Drop();
                }

                try
                {
                    Loop(frame, depth + 1, innerIt, result);
                }
                finally
                {
                    innerIt.Drop();
                }

                continue;
            }

            Value e = element.Eval(frame);
            switch (result)
            {
                case PySet set:
                    try
                    {
                        SetOps.Add(set, e);
                    }
                    finally
                    {
                        e.Drop();
                    }

                    break;
                case PyList list:
                    list.Append(e);
                    break;
                case PyDict dict:
                    Value v;
                    try
                    {
                        v = value!.Eval(frame);
                    }
                    catch
                    {
                        e.Drop();
                        throw;
                    }

                    dict.SetOwned(e, v);
                    break;
            }
        }
    }
}
