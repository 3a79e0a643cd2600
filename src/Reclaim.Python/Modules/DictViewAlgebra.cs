using Reclaim.Python.Execution;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;
using Reclaim.Python.Syntax.Ast;

namespace Reclaim.Python.Modules;

/// <summary>
/// <c>&amp;</c>, <c>|</c>, <c>-</c>, <c>^</c> with a keys or items view on either side, built as CPython builds them
/// (the left operand made a set, then updated by the right; <c>&amp;</c> walking the smaller side), since that decides
/// the order of the resulting set.
/// </summary>
internal static class DictViewAlgebra
{
    /// <summary><paramref name="left"/> <paramref name="op"/> <paramref name="right"/>, one of them a set-like view.</summary>
    public static Value Apply(PyContext ctx, BinaryOperator op, Value left, Value right)
    {
        if (op == BinaryOperator.BitAnd)
        {
            return Value.Steal(Intersect(ctx, left, right));
        }

        return Value.Steal(SetOps.Build(ToSet(ctx, left), r =>
        {
            switch (op)
            {
                case BinaryOperator.BitOr:
                    SetOps.Update(r, right);
                    break;
                case BinaryOperator.Sub:
                    SetOps.DifferenceUpdate(r, right);
                    break;
                default:
                    SetOps.SymmetricDifferenceUpdate(r, right);
                    break;
            }
        }));
    }

    /// <summary>A new set of the items of <paramref name="v"/>; a keys view of a plain dict is read as the dict.</summary>
    private static PySet ToSet(PyContext ctx, Value v)
    {
        Value source = v.Obj is PyBox b && b.Type == ctx.DictKeysType && b.Slots[0].Obj is PyDict d && d.Type == ctx.DictType ? b.Slots[0] : v;
        return SetOps.Build(SetOps.NewSet(ctx.SetType), r => SetOps.Update(r, source));
    }

    private static PySet Intersect(PyContext ctx, Value view, Value other)
    {
        if (!IsView(ctx, view))
        {
            (view, other) = (other, view);
        }

        int size = Dict(view).Count;
        if (other.Obj is PySet set && set.Type == ctx.SetType && size <= set.Count)
        {
            return SetOps.Intersection(set, view);
        }

        if (IsView(ctx, other) && Dict(other).Count > size)
        {
            (view, other) = (other, view);
        }

        PyDict dict = Dict(view);
        IterKind kind = ((PyBox)view.Obj!).Type == ctx.DictKeysType ? IterKind.DictKeys : IterKind.DictItems;
        return SetOps.Build(SetOps.NewSet(ctx.SetType), r => SetOps.Each(other, v =>
        {
            if (DictViews.Contains(dict, kind, v))
            {
                SetOps.Add(r, v);
            }
        }));
    }

    private static bool IsView(PyContext ctx, Value v) =>
        v.Obj is PyBox b && (b.Type == ctx.DictKeysType || b.Type == ctx.DictItemsType);

    private static PyDict Dict(Value view) => (PyDict)((PyBox)view.Obj!).Slots[0].Obj!;
}
