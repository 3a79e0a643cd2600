using Reclaim.Python.Execution;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Compiler.Nodes;

/// <summary>A <c>class</c> statement's value: runs the body in a fresh namespace, then calls the metaclass.</summary>
internal sealed class ClassNode(Code body, ExprNode[] bases, string[] keywordNames, ExprNode[] keywordValues, int[] closure, int classCell) : ExprNode
{
    public override Value Eval(Frame frame)
    {
        PyContext ctx = PyContext.Current;
        var baseValues = new List<Value>();
        Value meta = default;
        PyDict ns = ctx.NewDict();
        try
        {
            foreach (ExprNode b in bases)
            {
                baseValues.Add(b.Eval(frame));
            }

            PyDict? kw = null;
            for (int i = 0; i < keywordNames.Length; i++)
            {
                Value v = keywordValues[i].Eval(frame);
                if (keywordNames[i] == "metaclass")
                {
                    meta = v;
                }
                else
                {
                    kw ??= ctx.NewDict();
                    kw.SetOwned(Value.Str(keywordNames[i]), v);
                }
            }

            ns.SetOwned(Value.Str("__module__"), frame.Globals.Get("__name__").Dup());
            ns.SetOwned(Value.Str("__qualname__"), Value.Str(body.QualName));
            if (body.Doc is { } doc)
            {
                // CPython's class body starts by storing its docstring, so the body itself can read __doc__.
                ns.SetOwned(Value.Str("__doc__"), Value.Str(doc));
            }

            var inner = new Frame(body, frame.Globals, ns);
            for (int i = 0; i < body.CellNames.Length; i++)
            {
                inner.Cells[i] = ctx.Runtime.AdoptReference(new PyCell(ctx.CellType));
            }

            for (int i = 0; i < closure.Length; i++)
            {
                PyCell c = frame.Cells[closure[i]];
                c.AddRef();
                inner.Cells[body.CellNames.Length + i] = c;
            }

            PyCell? cls = classCell >= 0 ? inner.Cells[classCell] : null;
            cls?.AddRef();
            try
            {
                Evaluator.Run(inner, body.Body).Drop();
                if (meta.IsNull)
                {
                    meta = baseValues.Count > 0 ? Value.New(Ops.TypeOf(baseValues[0])) : Value.New(ctx.TypeType);
                }

                if (meta.Obj is PyType given)
                {
                    PyType winner = MostDerivedMetaclass(given, baseValues);
                    if (winner != given)
                    {
                        Value chosen = Value.New(winner);
                        meta.Drop();
                        meta = chosen;
                    }
                }

                Value[] args = [Value.Str(body.Name), ctx.NewTupleOf([.. baseValues]), Value.Steal(ns)];
                Value result;
                try
                {
                    result = Ops.Call(meta, args, kw);
                }
                finally
                {
                    args[1].Drop();
                    kw?.Release();
                }

                if (cls is not null)
                {
                    Value old = cls.Contents;
                    cls.Contents = result.Dup();
                    old.Drop();
                }

                return result;
            }
            finally
            {
                cls?.Release();
            }
        }
        finally
        {
            ns.Release();
            meta.Drop();
            foreach (Value b in baseValues)
            {
                b.Drop();
            }
        }
    }

    // The metaclass that is a subclass of every base's type (CPython's rule), or the conflict as its TypeError.
    private static PyType MostDerivedMetaclass(PyType meta, List<Value> bases)
    {
        PyType winner = meta;
        foreach (Value b in bases)
        {
            PyType candidate = Ops.TypeOf(b);
            if (winner.IsSubtypeOf(candidate))
            {
                continue;
            }

            if (!candidate.IsSubtypeOf(winner))
            {
                throw PyErr.TypeError("metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases");
            }

            winner = candidate;
        }

        return winner;
    }
}
