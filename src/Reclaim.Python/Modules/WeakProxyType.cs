using Reclaim.Python.Execution;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;
using Reclaim.Python.Syntax.Ast;

namespace Reclaim.Python.Modules;

/// <summary>
/// <c>weakref.proxy</c>'s two types, <c>weakref.ProxyType</c> and <c>weakref.CallableProxyType</c>: a proxy is a
/// <see cref="PyWeakRef"/> whose every operation is forwarded to the referent, and raises <c>ReferenceError</c> once
/// the referent is gone. Operands that are proxies themselves are unwrapped first, as CPython's proxy does.
/// </summary>
internal static class WeakProxyType
{
    private static readonly (string Name, BinaryOperator Op)[] s_binary =
    [
        ("add", BinaryOperator.Add), ("sub", BinaryOperator.Sub), ("mul", BinaryOperator.Mult),
        ("matmul", BinaryOperator.MatMult), ("truediv", BinaryOperator.Div), ("mod", BinaryOperator.Mod),
        ("pow", BinaryOperator.Pow), ("lshift", BinaryOperator.LShift), ("rshift", BinaryOperator.RShift),
        ("or", BinaryOperator.BitOr), ("xor", BinaryOperator.BitXor), ("and", BinaryOperator.BitAnd),
        ("floordiv", BinaryOperator.FloorDiv),
    ];

    private static readonly (string Name, CompareOp Op)[] s_compare =
    [
        ("__lt__", CompareOp.Lt), ("__le__", CompareOp.Le), ("__eq__", CompareOp.Eq),
        ("__ne__", CompareOp.Ne), ("__gt__", CompareOp.Gt), ("__ge__", CompareOp.Ge),
    ];

    /// <summary>Gives both proxy types their forwarding methods (once per interpreter).</summary>
    public static void Install(PyContext ctx)
    {
        foreach (PyType t in new[] { ctx.WeakProxyType, ctx.WeakCallableProxyType })
        {
            DefineForwarders(ctx, t);
        }

        ctx.DefMethod(ctx.WeakCallableProxyType, "__call__", (a, k) => Ops.Call(Referent(a[0]), a[1..], k));
    }

    /// <summary>The referent of a proxy (borrowed), or <paramref name="v"/> itself when it is no proxy.</summary>
    public static Value Unwrap(Value v)
    {
        if (v.Obj is PyWeakRef { IsProxy: true } p)
        {
            return p.Target is { } t ? Value.Steal(t) : throw Dead();
        }

        return v;
    }

    private static Value Referent(Value proxy) => ((PyWeakRef)proxy.Obj!).Target is { } t ? Value.Steal(t) : throw Dead();

    private static PyException Dead() => PyErr.Make("ReferenceError", "weakly-referenced object no longer exists");

    private static void DefineForwarders(PyContext ctx, PyType t)
    {
        ctx.DefMethod(t, "__setattr__", (a, k) =>
        {
            Ops.SetAttr(Referent(a[0]), a[1].AsStr, a[2]);
            return Value.None;
        });
        ctx.DefMethod(t, "__delattr__", (a, k) =>
        {
            Ops.DelAttr(Referent(a[0]), a[1].AsStr);
            return Value.None;
        });
        ctx.DefMethod(t, "__repr__", (a, k) =>
        {
            var p = (PyWeakRef)a[0].Obj!;
            return Value.Str(p.Target is { } o
                ? $"<weakproxy at {Ops.Address(a[0])} to {o.Type.Name} at {Ops.Address(Value.Steal(o))}>"
                : $"<weakproxy at {Ops.Address(a[0])} to NoneType at {Ops.Address(Value.None)}>");
        });
        ctx.DefMethod(t, "__str__", (a, k) => Value.Str(Ops.StrOf(Referent(a[0]))));
        ctx.DefMethod(t, "__bool__", (a, k) => Value.Bool(Ops.IsTrue(Referent(a[0]))));
        ctx.DefMethod(t, "__len__", (a, k) => Value.Int(Ops.Len(Referent(a[0]))));
        ctx.DefMethod(t, "__contains__", (a, k) => Value.Bool(Ops.Contains(Referent(a[0]), Unwrap(a[1]))));
        ctx.DefMethod(t, "__getitem__", (a, k) => Ops.GetItem(Referent(a[0]), Unwrap(a[1])));
        ctx.DefMethod(t, "__setitem__", (a, k) =>
        {
            Ops.SetItem(Referent(a[0]), Unwrap(a[1]), Unwrap(a[2]));
            return Value.None;
        });
        ctx.DefMethod(t, "__delitem__", (a, k) =>
        {
            Ops.DelItem(Referent(a[0]), Unwrap(a[1]));
            return Value.None;
        });
        ctx.DefMethod(t, "__iter__", (a, k) => Ops.GetIter(Referent(a[0])));
        ctx.DefMethod(t, "__next__", (a, k) => Ops.Next(Referent(a[0]), out Value item) ? item : throw PyErr.StopIteration(Value.None));
        ctx.DefMethod(t, "__neg__", (a, k) => Ops.Unary(UnaryOperator.USub, Referent(a[0])));
        ctx.DefMethod(t, "__pos__", (a, k) => Ops.Unary(UnaryOperator.UAdd, Referent(a[0])));
        ctx.DefMethod(t, "__invert__", (a, k) => Ops.Unary(UnaryOperator.Invert, Referent(a[0])));
        ctx.DefMethod(t, "__index__", (a, k) => Value.Int(Ops.ToIndexBorrowed(Referent(a[0]))));
        ctx.DefMethod(t, "__hash__", (a, k) => throw PyErr.TypeError($"unhashable type: '{t.Name}'"));
        foreach ((string name, BinaryOperator op) in s_binary)
        {
            BinaryOperator o = op;
            ctx.DefMethod(t, $"__{name}__", (a, k) => Ops.Binary(o, Referent(a[0]), Unwrap(a[1])));
            ctx.DefMethod(t, $"__r{name}__", (a, k) => Ops.Binary(o, Unwrap(a[1]), Referent(a[0])));
            ctx.DefMethod(t, $"__i{name}__", (a, k) => Ops.InPlace(o, Referent(a[0]), Unwrap(a[1])));
        }

        foreach ((string name, CompareOp op) in s_compare)
        {
            CompareOp o = op;
            ctx.DefMethod(t, name, (a, k) => Ops.Compare(Referent(a[0]), Unwrap(a[1]), o));
        }
    }
}
