using Reclaim.Python.Execution;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Modules;

/// <summary>
/// Subclasses of <c>int</c>, <c>float</c> and <c>str</c>: their instances are <see cref="PyValueBox"/>es made by the
/// base's <c>__new__</c> when it is asked for a heap class, and the base's methods see the boxed value. The plain
/// values' fast paths do not change; the base methods gain one type test on their receiver.
/// </summary>
internal static class ValueSubclasses
{
    // Methods whose arguments are formatted with their own __str__/__repr__/__format__, which a subclass may override:
    // their arguments stay boxed.
    private static readonly HashSet<string> s_keepArguments = ["format", "format_map", "__mod__", "__rmod__", "__format__"];

    /// <summary>Rewraps the methods and <c>__new__</c> of <c>int</c>, <c>float</c> and <c>str</c> (after they are installed).</summary>
    public static void Install(PyContext ctx)
    {
        foreach (PyType t in new[] { ctx.IntType, ctx.FloatType, ctx.StrType })
        {
            foreach ((string name, Value member) in t.Members.ToList())
            {
                if (member.Obj is PyBuiltin { IsMethod: true } b)
                {
                    NativeFunction fn = b.Function;
                    bool keep = s_keepArguments.Contains(name);
                    NativeFunction unboxing = name == "__format__" ? (a, k) => Format(fn, a, k) : (a, k) => fn(Unboxed(a, keep), k);
                    t.SetMember(name, Value.Steal(ctx.Runtime.AdoptReference(new PyBuiltin(b.Type, b.Name, unboxing) { IsMethod = true, Owner = b.Owner })));
                }
                else if (name == "__new__" && member.Obj is PyBox sm && sm.Type == ctx.StaticMethodType && sm.Slots[0].Obj is PyBuiltin nb)
                {
                    NativeFunction fn = nb.Function;
                    t.SetMember(name, TypeMethods.StaticMethod(ctx, ctx.NewBuiltin("__new__", (a, k) => New(ctx, fn, a, k))));
                }
            }
        }
    }

    /// <summary>The base value of a subclass instance, or <paramref name="v"/> itself.</summary>
    public static Value Unbox(Value v) => v.Obj is PyValueBox box ? box.Inner : v;

    // The base's __new__ for class a[0]: the base value, boxed when the class is a subclass.
    private static Value New(PyContext ctx, NativeFunction baseNew, ReadOnlySpan<Value> a, PyDict? k)
    {
        Value made = baseNew(a, k);
        if (a.Length == 0 || a[0].Obj is not PyType { IsHeap: true } cls)
        {
            return made;
        }

        if (made.Obj is PyValueBox inner)
        {
            // A base __new__ that returned a subclass instance as is (str(S("x"))): take its value.
            Value v = inner.Inner.Dup();
            made.Drop();
            made = v;
        }

        return Adopt(ctx, cls, new PyValueBox(cls, made));
    }

    /// <summary>
    /// <c>tuple.__new__(cls, ...)</c>'s result: <paramref name="made"/> (a plain tuple, taken over) itself, or, when
    /// <paramref name="cls"/> is a subclass, a tuple of that class with the same items, attributes and <c>__del__</c>.
    /// </summary>
    public static Value TupleOf(PyContext ctx, Value cls, Value made)
    {
        if (cls.Obj is not PyType { IsHeap: true } t || made.Obj is not PyTuple items)
        {
            return made;
        }

        var tuple = new PyTuple(t) { Items = new Value[items.Count], Count = items.Count };
        for (int i = 0; i < items.Count; i++)
        {
            tuple.Items[i] = items.Items[i].Dup();
        }

        made.Drop();
        return Adopt(ctx, t, tuple);
    }

    // Makes a new subclass instance live: in the runtime, with attribute storage as its class allows, and __del__.
    private static Value Adopt(PyContext ctx, PyType cls, PyObject obj)
    {
        ctx.Runtime.AdoptReference(obj);
        if (cls.HasInstanceDict)
        {
            obj.EnableAttributes();
        }

        Finalizers.EnableDelIfDefined(obj);
        return Value.Steal(obj);
    }

    // format(x, "") is str(x), which a subclass's __str__ or __repr__ may define.
    private static Value Format(NativeFunction baseFormat, ReadOnlySpan<Value> a, PyDict? k) =>
        a.Length == 2 && a[0].Obj is PyValueBox && a[1].Obj is string { Length: 0 } ? Value.Str(Ops.StrOf(a[0])) : baseFormat(Unboxed(a, keepArguments: true), k);

    // The arguments with the receiver (and, unless kept, the other arguments) unboxed; borrowed like the originals.
    private static ReadOnlySpan<Value> Unboxed(ReadOnlySpan<Value> a, bool keepArguments)
    {
        Value[]? copy = null;
        int n = keepArguments ? Math.Min(1, a.Length) : a.Length;
        for (int i = 0; i < n; i++)
        {
            if (a[i].Obj is PyValueBox box)
            {
                copy ??= a.ToArray();
                copy[i] = box.Inner;
            }
        }

        return copy ?? a;
    }
}
