using Reclaim.Python.Objects;

namespace Reclaim.Python.Execution;

/// <summary>
/// What a built-in type's method looks like when taken from the type (<c>list.append</c>, <c>list.__len__</c>):
/// CPython's method descriptor, or its slot wrapper for the special methods that fill a type slot. Both refuse a
/// receiver of the wrong type when called unbound, each with its own message, and print differently.
/// </summary>
internal static class MethodDescriptors
{
    // The special methods CPython 3.11 defines through type slots (slot wrappers) rather than method tables.
    private static readonly HashSet<string> SlotNames =
    [
        "__getattribute__", "__setattr__", "__delattr__", "__repr__", "__hash__", "__call__", "__str__",
        "__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__", "__iter__", "__next__", "__get__", "__set__",
        "__delete__", "__init__", "__del__", "__await__", "__aiter__", "__anext__",
        "__add__", "__radd__", "__sub__", "__rsub__", "__mul__", "__rmul__", "__mod__", "__rmod__", "__divmod__",
        "__rdivmod__", "__pow__", "__rpow__", "__neg__", "__pos__", "__abs__", "__bool__", "__invert__", "__lshift__",
        "__rlshift__", "__rshift__", "__rrshift__", "__and__", "__rand__", "__xor__", "__rxor__", "__or__", "__ror__",
        "__int__", "__float__", "__iadd__", "__isub__", "__imul__", "__imod__", "__ipow__", "__ilshift__", "__irshift__",
        "__iand__", "__ixor__", "__ior__", "__floordiv__", "__rfloordiv__", "__truediv__", "__rtruediv__",
        "__ifloordiv__", "__itruediv__", "__index__", "__matmul__", "__rmatmul__", "__imatmul__", "__len__",
        "__getitem__", "__setitem__", "__delitem__", "__contains__",
    ];

    /// <summary>Whether <paramref name="name"/> is a special method CPython defines through a type slot.</summary>
    public static bool IsSlotName(string name) => SlotNames.Contains(name);

    /// <summary>Whether <paramref name="method"/> is a slot wrapper in CPython (else a method descriptor).</summary>
    /// <remarks>A few types also list a slot's method in their method table, which makes it a method descriptor.</remarks>
    public static bool IsSlotWrapper(PyBuiltin method) =>
        SlotNames.Contains(method.Name)
        && !(method.Name == "__getitem__" && method.Owner?.Name is "list" or "dict")
        && !(method.Name == "__contains__" && method.Owner?.Name is "dict" or "set" or "frozenset");

    /// <summary>
    /// Refuses an unbound call of a built-in type's method whose first argument is missing or not an instance of
    /// that type, with CPython's TypeError, before the method's code (which trusts its receiver) runs.
    /// </summary>
    /// <param name="method">An unbound method of <paramref name="owner"/>.</param>
    /// <param name="owner">The type that defines it.</param>
    /// <param name="args">The call's positional arguments; the first is the receiver.</param>
    public static void CheckReceiver(PyBuiltin method, PyType owner, ReadOnlySpan<Value> args)
    {
        if (args.Length > 0 && Ops.TypeOf(args[0]).IsSubtypeOf(owner))
        {
            return;
        }

        bool wrapper = IsSlotWrapper(method);
        if (args.Length == 0)
        {
            throw PyErr.TypeError(wrapper
                ? $"descriptor '{method.Name}' of '{owner.Name}' object needs an argument"
                : $"unbound method {owner.Name}.{method.Name}() needs an argument");
        }

        string received = Ops.TypeName(args[0]);
        throw PyErr.TypeError(wrapper
            ? $"descriptor '{method.Name}' requires a '{owner.Name}' object but received a '{received}'"
            : $"descriptor '{method.Name}' for '{owner.Name}' objects doesn't apply to a '{received}' object");
    }
}
