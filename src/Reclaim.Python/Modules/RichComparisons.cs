using Reclaim.Python.Execution;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Modules;

/// <summary>
/// <c>__eq__</c>, <c>__ne__</c>, <c>__lt__</c>, <c>__le__</c>, <c>__gt__</c> and <c>__ge__</c> of <c>str</c>,
/// <c>list</c> and <c>tuple</c>, as CPython's: they compare with their own kind (subclasses included) and return
/// NotImplemented for anything else. The operators compare exact built-ins without them; these serve explicit calls
/// (<c>'a'.__lt__('b')</c>) and subclasses, which find them on the type.
/// </summary>
internal static class RichComparisons
{
    private static readonly (string Name, CompareOp Op)[] Methods =
    [
        ("__eq__", CompareOp.Eq), ("__ne__", CompareOp.Ne), ("__lt__", CompareOp.Lt),
        ("__le__", CompareOp.Le), ("__gt__", CompareOp.Gt), ("__ge__", CompareOp.Ge),
    ];

    public static void Install(PyContext ctx)
    {
        foreach ((string name, CompareOp op) in Methods)
        {
            ctx.DefMethod(ctx.ListType, name, (a, k) => Sequences<PyList>(ctx, a, op));
            ctx.DefMethod(ctx.TupleType, name, (a, k) => Sequences<PyTuple>(ctx, a, op));
            ctx.DefMethod(ctx.StrType, name, (a, k) => Strings(ctx, a, op));
        }
    }

    private static Value Sequences<T>(PyContext ctx, ReadOnlySpan<Value> a, CompareOp op) where T : PySequence =>
        a[0].Obj is T self && a[1].Obj is T other ? Value.Bool(Ops.CompareSequences(self, other, op)) : ctx.NotImplemented.Dup();

    private static Value Strings(PyContext ctx, ReadOnlySpan<Value> a, CompareOp op) =>
        ValueSubclasses.Unbox(a[0]).Obj is string self && ValueSubclasses.Unbox(a[1]).Obj is string other
            ? Ops.Compare(Value.Str(self), Value.Str(other), op)
            : ctx.NotImplemented.Dup();
}
