using Reclaim.Python.Execution;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Modules;

/// <summary>Which objects CPython 3.11 lets <c>weakref.ref</c> and <c>weakref.proxy</c> point at.</summary>
internal static class WeakReferenceability
{
    /// <summary>Whether <paramref name="target"/> can be weakly referenced.</summary>
    public static bool Allows(PyContext ctx, Value target)
    {
        if (target.Obj is not PyObject obj)
        {
            return false;
        }

        if (obj is PyBuiltin b)
        {
            // Functions of modules can be; methods of types are descriptors (slot wrappers, method descriptors), which cannot.
            return b.Owner is null;
        }

        foreach (PyType c in obj.Type.Mro)
        {
            if (c.IsHeap)
            {
                // A class without __slots__ adds __weakref__ unless its built-in base has variable-size instances.
                if (c.Slots is null)
                {
                    return !HasVariableSizeBase(ctx, obj.Type);
                }

                if (c.Slots.Contains("__weakref__"))
                {
                    return true;
                }
            }
            else if (BuiltinAllows(ctx, c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The TypeError CPython raises for an object that cannot be weakly referenced.</summary>
    public static PyException Refusal(Value target)
    {
        string name = target.Obj is PyBuiltin { Owner: not null } b
            ? (b.Name.StartsWith("__", StringComparison.Ordinal) && b.Name.EndsWith("__", StringComparison.Ordinal) ? "wrapper_descriptor" : "method_descriptor")
            : Ops.TypeName(target);
        return PyErr.TypeError($"cannot create weak reference to '{name}' object");
    }

    /// <summary>Whether a proxy to <paramref name="target"/> is a <c>CallableProxyType</c>.</summary>
    public static bool IsCallable(PyContext ctx, Value target) =>
        target.Obj is PyFunction or PyBuiltin or PyType
        || (target.Obj is PyBox m && m.Type == ctx.MethodType)
        || !Ops.TypeOf(target).Lookup("__call__").IsNull;

    private static bool BuiltinAllows(PyContext ctx, PyType t) =>
        t == ctx.FunctionType || t == ctx.TypeType || t == ctx.SetType || t == ctx.FrozenSetType || t == ctx.ModuleType
        || t == ctx.MethodType || t == ctx.GeneratorType || t == ctx.BuiltinType
        || (t.WeakReferenceable && !t.IsSubtypeOf(ctx.BaseExceptionType) && t != ctx.WeakRefType);

    private static bool HasVariableSizeBase(PyContext ctx, PyType t) =>
        t.IsSubtypeOf(ctx.IntType) || t.IsSubtypeOf(ctx.TupleType) || t.IsSubtypeOf(ctx.BytesType);
}
