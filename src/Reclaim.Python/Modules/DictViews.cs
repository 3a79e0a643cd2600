using System.Text;
using Reclaim.Python.Execution;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;
using Reclaim.Python.Syntax.Ast;

namespace Reclaim.Python.Modules;

/// <summary>
/// <c>dict.keys()</c>, <c>values()</c> and <c>items()</c>: live views holding a counted reference to their dict; keys
/// and items views are set-like (<c>&amp;</c>, <c>|</c>, <c>-</c>, <c>^</c> with any iterable, comparisons with sets).
/// </summary>
internal static class DictViews
{
    /// <summary>Installs the view types' methods and dict's view constructors.</summary>
    public static void Install(PyContext ctx)
    {
        ctx.DefMethod(ctx.DictType, "keys", (a, k) => New(ctx.DictKeysType, a[0]));
        ctx.DefMethod(ctx.DictType, "values", (a, k) => New(ctx.DictValuesType, a[0]));
        ctx.DefMethod(ctx.DictType, "items", (a, k) => New(ctx.DictItemsType, a[0]));
        (PyType Type, IterKind Kind)[] views = [(ctx.DictKeysType, IterKind.DictKeys), (ctx.DictValuesType, IterKind.DictValues), (ctx.DictItemsType, IterKind.DictItems)];
        foreach ((PyType type, IterKind kind) in views)
        {
            ctx.DefMethod(type, "__len__", (a, k) => Value.Int(Dict(a).Count));
            ctx.DefMethod(type, "__iter__", (a, k) => Ops.NewIterator(kind, a[0].AsObject is PyBox b ? b.Slots[0] : default));
            ctx.DefMethod(type, "__reversed__", (a, k) => Reversed(ctx, Dict(a), kind));
            ctx.DefMethod(type, "__repr__", (a, k) => Value.Str(Repr(a[0], type.Name)));
            ctx.DefMethod(type, "__contains__", (a, k) => Value.Bool(Contains(Dict(a), kind, a[1])));
            type.SetMember("__hash__", Value.None);
            if (kind == IterKind.DictValues)
            {
                continue;
            }

            DefSetOp(ctx, type, "__and__", BinaryOperator.BitAnd, false);
            DefSetOp(ctx, type, "__rand__", BinaryOperator.BitAnd, true);
            DefSetOp(ctx, type, "__or__", BinaryOperator.BitOr, false);
            DefSetOp(ctx, type, "__ror__", BinaryOperator.BitOr, true);
            DefSetOp(ctx, type, "__sub__", BinaryOperator.Sub, false);
            DefSetOp(ctx, type, "__rsub__", BinaryOperator.Sub, true);
            DefSetOp(ctx, type, "__xor__", BinaryOperator.BitXor, false);
            DefSetOp(ctx, type, "__rxor__", BinaryOperator.BitXor, true);
            ctx.DefMethod(type, "isdisjoint", (a, k) =>
            {
                foreach (Value v in Ops.ToList(a[1]))
                {
                    bool found = Ops.Contains(a[0], v);
                    v.Drop();
                    if (found)
                    {
                        return Value.False;
                    }
                }

                return Value.True;
            });
            foreach ((string name, CompareOp op) in new[] { ("__eq__", CompareOp.Eq), ("__ne__", CompareOp.Ne), ("__lt__", CompareOp.Lt), ("__le__", CompareOp.Le), ("__gt__", CompareOp.Gt), ("__ge__", CompareOp.Ge) })
            {
                ctx.DefMethod(type, name, (a, k) =>
                {
                    if (a[1].Obj is not PySet && !IsSetLikeView(ctx, a[1]))
                    {
                        return ctx.NotImplemented.Dup();
                    }

                    PySet self = SetMethods.FromIterable(a[0]);
                    try
                    {
                        return Ops.Compare(Value.Steal(self), a[1], op);
                    }
                    finally
                    {
                        self.Release();
                    }
                });
            }
        }
    }

    private static Value New(PyType type, Value dict)
    {
        var view = new PyBox(type, 1);
        view.Slots[0] = dict.Dup();
        return Value.Steal(PyContext.Current.Runtime.AdoptReference(view));
    }

    private static PyDict Dict(ReadOnlySpan<Value> a) => (PyDict)((PyBox)a[0].Obj!).Slots[0].Obj!;

    private static bool IsSetLikeView(PyContext ctx, Value v) =>
        v.Obj is PyBox b && (b.Type == ctx.DictKeysType || b.Type == ctx.DictItemsType);

    private static void DefSetOp(PyContext ctx, PyType type, string name, BinaryOperator op, bool reflected) =>
        ctx.DefMethod(type, name, (a, k) => reflected ? DictViewAlgebra.Apply(ctx, op, a[1], a[0]) : DictViewAlgebra.Apply(ctx, op, a[0], a[1]));

    /// <summary>Whether a view of <paramref name="d"/> of <paramref name="kind"/> holds <paramref name="item"/>.</summary>
    public static bool Contains(PyDict d, IterKind kind, Value item)
    {
        switch (kind)
        {
            case IterKind.DictKeys:
                return d.ContainsKey(item);
            case IterKind.DictItems:
                if (item.Obj is not PyTuple { Count: 2 } pair)
                {
                    return false;
                }

                Value v = d.Get(pair.Items[0]);
                if (v.IsNull)
                {
                    return false;
                }

                v.Dup();
                try
                {
                    return v.Is(pair.Items[1]) || Ops.RichBool(v, pair.Items[1], CompareOp.Eq);
                }
                finally
                {
                    v.Drop();
                }

            default:
                for (int i = 0; i < d.Used; i++)
                {
                    if (!d.Keys[i].IsNull && (d.Values[i].Is(item) || Ops.RichBool(d.Values[i], item, CompareOp.Eq)))
                    {
                        return true;
                    }
                }

                return false;
        }
    }

    private static Value Reversed(PyContext ctx, PyDict d, IterKind kind)
    {
        PyList list = ctx.NewList();
        for (int i = d.Used - 1; i >= 0; i--)
        {
            if (!d.Keys[i].IsNull)
            {
                list.Append(kind switch
                {
                    IterKind.DictKeys => d.Keys[i].Dup(),
                    IterKind.DictValues => d.Values[i].Dup(),
                    _ => ctx.NewTupleOf([d.Keys[i], d.Values[i]]),
                });
            }
        }

        Value it = Ops.NewIterator(IterKind.Sequence, Value.Steal(list));
        list.Release();
        return it;
    }

    private static string Repr(Value view, string name)
    {
        var sb = new StringBuilder(name).Append("([");
        bool first = true;
        foreach (Value v in Ops.ToList(view))
        {
            if (!first)
            {
                sb.Append(", ");
            }

            first = false;
            try
            {
                sb.Append(Ops.Repr(v));
            }
            finally
            {
                v.Drop();
            }
        }

        return sb.Append("])").ToString();
    }
}
