using Reclaim.Python.Execution;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Modules;

/// <summary>range as a sequence (indexing, slicing, index/count, equality, attributes) and slice's
/// <c>indices</c> and attributes.</summary>
internal static class RangeSliceMethods
{
    /// <summary>Installs them.</summary>
    public static void Install(PyContext ctx)
    {
        PyType r = ctx.RangeType;
        ctx.DefMethod(r, "__getitem__", (a, k) =>
        {
            RangeState s = State(a[0]);
            if (a[1].IsSmallInt || a[1].IsBool)
            {
                long i = a[1].Bits < 0 ? a[1].Bits + s.Length : a[1].Bits;
                return i >= 0 && i < s.Length ? Value.Int(s.Start + (i * s.Step)) : throw PyErr.IndexError("range object index out of range");
            }

            if (a[1].Obj is PyBox sl && sl.Type == ctx.SliceType)
            {
                (long start, _, long step, long n) = Slices.Indices(sl, s.Length);
                long first = s.Start + (start * s.Step), newStep = s.Step * step;
                return New(ctx, new RangeState(first, first + (n * newStep), newStep));
            }

            throw PyErr.TypeError($"range indices must be integers or slices, not {Ops.TypeName(a[1])}");
        });
        ctx.DefMethod(r, "index", (a, k) => IndexOf(State(a[0]), a[1]) is var i and >= 0 ? Value.Int(i) : throw PyErr.ValueError($"{Ops.Repr(a[1])} is not in range"));
        ctx.DefMethod(r, "count", (a, k) => Value.Int(IndexOf(State(a[0]), a[1]) >= 0 ? 1 : 0));
        ctx.DefMethod(r, "__eq__", (a, k) => a[1].Obj is PyBox o && o.Type == ctx.RangeType ? Value.Bool(Same(State(a[0]), State(a[1]))) : ctx.NotImplemented.Dup());
        ctx.DefMethod(r, "__ne__", (a, k) => a[1].Obj is PyBox o && o.Type == ctx.RangeType ? Value.Bool(!Same(State(a[0]), State(a[1]))) : ctx.NotImplemented.Dup());
        ctx.DefMethod(r, "__hash__", (a, k) =>
        {
            RangeState s = State(a[0]);
            return Value.Int(Ops.Hash(ctx.NewTuple([Value.Int(s.Length), Value.Int(s.Length > 0 ? s.Start : 0), Value.Int(s.Length > 1 ? s.Step : 0)])));
        });
        ctx.DefMethod(r, "__reversed__", (a, k) =>
        {
            RangeState s = State(a[0]);
            long last = s.Start + ((s.Length - 1) * s.Step);
            Value rev = New(ctx, new RangeState(last, last - (s.Length * s.Step), -s.Step));
            Value it = Ops.GetIter(rev);
            rev.Drop();
            return it;
        });
        PyType sl = ctx.SliceType;
        ctx.DefMethod(sl, "indices", (a, k) =>
        {
            long length = a.Length > 1 && (a[1].IsSmallInt || a[1].IsBool) ? a[1].Bits : throw PyErr.TypeError("'" + (a.Length > 1 ? Ops.TypeName(a[1]) : "NoneType") + "' object cannot be interpreted as an integer");
            if (length < 0)
            {
                throw PyErr.ValueError("length should not be negative");
            }

            (long start, long stop, long step, _) = Slices.Indices((PyBox)a[0].Obj!, length);
            return ctx.NewTuple([Value.Int(start), Value.Int(stop), Value.Int(step)]);
        });
    }

    /// <summary>The attributes of range and slice objects, or null.</summary>
    public static Value Attribute(PyContext ctx, PyBox box, string name)
    {
        if (box.Type == ctx.RangeType && box.Native is RangeState s)
        {
            return name switch { "start" => Value.Int(s.Start), "stop" => Value.Int(s.Stop), "step" => Value.Int(s.Step), _ => default };
        }

        if (box.Type == ctx.SliceType)
        {
            int i = name switch { "start" => 0, "stop" => 1, "step" => 2, _ => -1 };
            return i < 0 ? default : box.Slots[i].IsNull ? Value.None : box.Slots[i].Dup();
        }

        return default;
    }

    private static RangeState State(Value v) => (RangeState)((PyBox)v.Obj!).Native!;

    private static Value New(PyContext ctx, RangeState s) =>
        Value.Steal(ctx.Runtime.AdoptReference(new PyBox(ctx.RangeType, 0) { Native = s }));

    private static bool Same(RangeState x, RangeState y) =>
        x.Length == y.Length && (x.Length == 0 || (x.Start == y.Start && (x.Length == 1 || x.Step == y.Step)));

    private static long IndexOf(RangeState s, Value v)
    {
        if (!(v.IsSmallInt || v.IsBool))
        {
            return -1;
        }

        long offset = v.Bits - s.Start;
        if (offset % s.Step != 0)
        {
            return -1;
        }

        long i = offset / s.Step;
        return i >= 0 && i < s.Length ? i : -1;
    }
}
