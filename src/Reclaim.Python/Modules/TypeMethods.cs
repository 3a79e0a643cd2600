using System.Globalization;
using System.Numerics;
using Reclaim.Python.Execution;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Modules;

/// <summary>Constructors and methods of object, type and the descriptor types.</summary>
internal static partial class TypeMethods
{
    /// <summary>Installs every built-in type's methods.</summary>
    public static void Install(PyContext ctx)
    {
        PyType o = ctx.ObjectType;
        ctx.DefMethod(o, "__init__", (a, k) => Value.None);
        ctx.DefMethod(o, "__new__", (a, k) => a[0].Obj is PyType t ? Ops.ObjectNew(t, [], null) : throw PyErr.TypeError("object.__new__(X): X is not a type object"));
        ctx.DefMethod(o, "__repr__", (a, k) => Value.Str(Ops.DefaultRepr(a[0])));
        ctx.DefMethod(o, "__str__", (a, k) => Value.Str(Ops.Repr(a[0])));
        ctx.DefMethod(o, "__eq__", (a, k) => a[0].Is(a[1]) ? Value.True : ctx.NotImplemented.Dup());
        ctx.DefMethod(o, "__ne__", (a, k) => a[0].Is(a[1]) ? Value.False : ctx.NotImplemented.Dup());
        ctx.DefMethod(o, "__hash__", (a, k) => Value.Int(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(a[0].Obj) >> 4));
        ctx.DefMethod(o, "__format__", (a, k) => ArgumentChecks.FormatSpec(a[1]).Length == 0 ? Value.Str(Ops.StrOf(a[0])) : throw PyErr.TypeError($"unsupported format string passed to {Ops.TypeName(a[0])}.__format__"));
        ctx.DefMethod(o, "__setattr__", (a, k) =>
        {
            Ops.GenericSetAttr(a[0], ArgumentChecks.AttributeName(a[1]), a[2]);
            return Value.None;
        });
        ctx.DefMethod(o, "__getattribute__", (a, k) => Ops.GenericGetAttr(a[0], ArgumentChecks.AttributeName(a[1])));
        ctx.DefMethod(o, "__delattr__", (a, k) =>
        {
            string name = ArgumentChecks.AttributeName(a[1]);
            if (a[0].Obj is PyObject o && o.RemoveAttribute(name))
            {
                return Value.None;
            }

            throw PyErr.AttributeError($"'{Ops.TypeName(a[0])}' object has no attribute '{name}'");
        });
        ctx.DefMethod(o, "__init_subclass__", (a, k) => Value.None);
        o.SetMember("__init_subclass__", ClassMethod(ctx, ctx.NewBuiltin("__init_subclass__", (a, k) =>
            k is { Count: > 0 } ? throw PyErr.TypeError($"{(a.Length > 0 && a[0].Obj is PyType c ? c.Name : "object")}.__init_subclass__() takes no keyword arguments") : Value.None)));

        PyType t = ctx.TypeType;
        ctx.DefMethod(t, "__repr__", (a, k) =>
        {
            var ty = (PyType)a[0].Obj!;
            return Value.Str(ty.Module is { } m && m != "builtins" ? $"<class '{m}.{ty.QualName ?? ty.Name}'>" : $"<class '{ty.Name}'>");
        });
        t.SetMember("__new__", StaticMethod(ctx, ctx.NewBuiltin("__new__", TypeNew)));
        t.SetMember("__call__", Value.Steal(ctx.Runtime.AdoptReference(new PyBuiltin(ctx.BuiltinType, "__call__", (a, k) => a[0].Obj is PyType ty ? Ops.CreateInstance(ty, a[1..], k) : Ops.Call(a[0], a[1..], k)) { IsMethod = true, Owner = t })));
        ctx.DefMethod(t, "__init__", (a, k) => Value.None);
        ctx.DefMethod(t, "mro", (a, k) => ctx.NewTupleOf([.. ((PyType)a[0].Obj!).Mro.Select(x => Value.Steal(x))]));
        ctx.DefMethod(t, "__subclasses__", (a, k) =>
        {
            PyList list = ctx.NewList();
            foreach (PyType sub in ((PyType)a[0].Obj!).LiveSubclasses)
            {
                list.Append(Value.New(sub));
            }

            return Value.Steal(list);
        });

        ctx.DefMethod(ctx.NoneType, "__repr__", (a, k) => Value.Str("None"));
        ctx.DefMethod(ctx.NotImplementedType, "__repr__", (a, k) => Value.Str("NotImplemented"));
        ctx.DefMethod(ctx.EllipsisType, "__repr__", (a, k) => Value.Str("Ellipsis"));
        ctx.DefMethod(ctx.FunctionType, "__repr__", (a, k) => Value.Str($"<function {((PyFunction)a[0].Obj!).QualName} at {Ops.Address(a[0])}>"));
        ctx.FunctionType.SetMember("__get__", Value.Steal(ctx.Runtime.AdoptReference(new PyBuiltin(ctx.BuiltinType, "__get__", (a, k) => a[1].IsNone ? a[0].Dup() : Ops.NewMethod(a[0], a[1].Dup())) { IsMethod = true, Owner = ctx.FunctionType })));
        ctx.DefMethod(ctx.BuiltinType, "__repr__", (a, k) =>
        {
            var b = (PyBuiltin)a[0].Obj!;
            if (!b.Self.IsNull)
            {
                return Value.Str($"<built-in method {b.Name} of {Ops.TypeName(b.Self)} object at {Ops.Address(b.Self)}>");
            }

            return Value.Str(b.Owner is null ? $"<built-in function {b.Name}>"
                : MethodDescriptors.IsSlotWrapper(b) ? $"<slot wrapper '{b.Name}' of '{b.Owner.Name}' objects>"
                : $"<method '{b.Name}' of '{b.Owner.Name}' objects>");
        });
        ctx.DefMethod(ctx.MethodType, "__repr__", (a, k) =>
        {
            var m = (PyBox)a[0].Obj!;
            if (m.Slots[0].Obj is PyBuiltin builtin)
            {
                // A built-in type's method bound to an instance, as CPython's builtin_function_or_method prints it.
                return Value.Str($"<built-in method {builtin.Name} of {Ops.TypeName(m.Slots[1])} object at {Ops.Address(m.Slots[1])}>");
            }

            string qn = ((PyFunction)m.Slots[0].Obj!).QualName;
            return Value.Str($"<bound method {qn} of {Ops.Repr(m.Slots[1])}>");
        });
        ctx.DefMethod(ctx.MethodType, "__eq__", (a, k) => Value.Bool(a[1].Obj is PyBox m2 && m2.Type == ctx.MethodType && ((PyBox)a[0].Obj!).Slots[0].Is(m2.Slots[0]) && ((PyBox)a[0].Obj!).Slots[1].Is(m2.Slots[1])));
        ctx.DefMethod(ctx.MethodType, "__hash__", (a, k) => Value.Int(Ops.Hash(((PyBox)a[0].Obj!).Slots[0]) ^ Ops.Id(((PyBox)a[0].Obj!).Slots[1])));
        ctx.MethodType.SetMember("__new__", StaticMethod(ctx, ctx.NewBuiltin("__new__", (a, k) =>
        {
            // types.MethodType(function, instance), as weakref.WeakMethod rebuilds its method.
            if (a.Length != 3)
            {
                throw PyErr.TypeError($"method expected 2 arguments, got {a.Length - 1}");
            }

            return a[2].IsNone ? throw PyErr.TypeError("instance must not be None")
                : WeakReferenceability.IsCallable(ctx, a[1]) ? Ops.NewMethod(a[1], a[2].Dup())
                : throw PyErr.TypeError("first argument must be callable");
        })));
        ctx.DefMethod(ctx.ModuleType, "__repr__", (a, k) => Value.Str($"<module '{((PyModule)a[0].Obj!).Name}' (built-in)>"));
        ctx.DefMethod(ctx.CellType, "__repr__", (a, k) => Value.Str($"<cell at {Ops.Address(a[0])}>"));

        // property, staticmethod, classmethod
        ctx.PropertyType.SetMember("__new__", StaticMethod(ctx, ctx.NewBuiltin("__new__", (a, k) =>
        {
            var p = new PyBox(ctx.PropertyType, 4);
            Value[] names = [Value.Str("fget"), Value.Str("fset"), Value.Str("fdel"), Value.Str("doc")];
            for (int i = 0; i < 4; i++)
            {
                Value v = i + 1 < a.Length ? a[i + 1] : k?.Get(names[i]) ?? default;
                p.Slots[i] = v.IsNull ? Value.None : v.Dup();
            }

            return Value.Steal(ctx.Runtime.AdoptReference(p));
        })));
        ctx.DefMethod(ctx.PropertyType, "setter", (a, k) => CopyProperty(ctx, a[0], 1, a[1]));
        ctx.DefMethod(ctx.PropertyType, "getter", (a, k) => CopyProperty(ctx, a[0], 0, a[1]));
        ctx.DefMethod(ctx.PropertyType, "deleter", (a, k) => CopyProperty(ctx, a[0], 2, a[1]));
        ctx.DefMethod(ctx.PropertyType, "__get__", (a, k) => a[1].IsNone ? a[0].Dup() : Ops.Call(((PyBox)a[0].Obj!).Slots[0], [a[1]], null));
        foreach (PyType wrapper in new[] { ctx.StaticMethodType, ctx.ClassMethodType })
        {
            PyType w = wrapper;
            w.SetMember("__new__", StaticMethod(ctx, ctx.NewBuiltin("__new__", (a, k) =>
            {
                var box = new PyBox(w, 1);
                box.Slots[0] = a[1].Dup();
                return Value.Steal(ctx.Runtime.AdoptReference(box));
            })));
            ctx.DefMethod(w, "__func__", (a, k) => ((PyBox)a[0].Obj!).Slots[0].Dup());
        }

        // super
        ctx.SuperType.SetMember("__new__", StaticMethod(ctx, ctx.NewBuiltin("__new__", SuperNew)));
        ctx.DefMethod(ctx.SuperType, "__getattribute__", SuperGetAttr);
        ctx.DefMethod(ctx.SuperType, "__repr__", (a, k) => Value.Str($"<super: <class '{((PyType)((PyBox)a[0].Obj!).Slots[0].Obj!).Name}'>, <{Ops.TypeName(((PyBox)a[0].Obj!).Slots[1])} object>>"));

        // range and slice
        ctx.RangeType.SetMember("__new__", StaticMethod(ctx, ctx.NewBuiltin("__new__", (a, k) =>
        {
            long start = 0, stop, step = 1;
            if (a.Length == 2)
            {
                stop = Ops.ToIndexBorrowed(a[1]);
            }
            else if (a.Length >= 3)
            {
                start = Ops.ToIndexBorrowed(a[1]);
                stop = Ops.ToIndexBorrowed(a[2]);
                step = a.Length > 3 ? Ops.ToIndexBorrowed(a[3]) : 1;
                if (step == 0)
                {
                    throw PyErr.ValueError("range() arg 3 must not be zero");
                }
            }
            else
            {
                throw PyErr.TypeError("range expected at least 1 argument, got 0");
            }

            return Value.Steal(ctx.Runtime.AdoptReference(new PyBox(ctx.RangeType, 0) { Native = new RangeState(start, stop, step) }));
        })));
        ctx.DefMethod(ctx.RangeType, "__repr__", (a, k) =>
        {
            var r = (RangeState)((PyBox)a[0].Obj!).Native!;
            return Value.Str(r.Step == 1 ? $"range({r.Start}, {r.Stop})" : $"range({r.Start}, {r.Stop}, {r.Step})");
        });
        ctx.DefMethod(ctx.RangeType, "__len__", (a, k) => Value.Int(((RangeState)((PyBox)a[0].Obj!).Native!).Length));
        ctx.DefMethod(ctx.RangeType, "__contains__", (a, k) =>
        {
            var r = (RangeState)((PyBox)a[0].Obj!).Native!;
            if (!a[1].IsSmallInt)
            {
                return Value.False;
            }

            long x = a[1].Bits;
            bool inside = r.Step > 0 ? x >= r.Start && x < r.Stop : x <= r.Start && x > r.Stop;
            return Value.Bool(inside && (x - r.Start) % r.Step == 0);
        });
        ctx.SliceType.SetMember("__new__", StaticMethod(ctx, ctx.NewBuiltin("__new__", (a, k) =>
        {
            var s = new PyBox(ctx.SliceType, 3);
            if (a.Length == 2)
            {
                s.Slots[0] = Value.None;
                s.Slots[1] = a[1].Dup();
                s.Slots[2] = Value.None;
            }
            else
            {
                for (int i = 0; i < 3; i++)
                {
                    s.Slots[i] = i + 1 < a.Length ? a[i + 1].Dup() : Value.None;
                }
            }

            return Value.Steal(ctx.Runtime.AdoptReference(s));
        })));
        ctx.DefMethod(ctx.SliceType, "__repr__", (a, k) =>
        {
            var s = (PyBox)a[0].Obj!;
            return Value.Str($"slice({Ops.Repr(s.Slots[0])}, {Ops.Repr(s.Slots[1])}, {Ops.Repr(s.Slots[2])})");
        });
        ctx.DefMethod(ctx.IteratorType, "__iter__", (a, k) => a[0].Dup());
        ctx.DefMethod(ctx.IteratorType, "__next__", (a, k) => Ops.Next(a[0], out Value v) ? v : throw PyErr.StopIteration(default));
        NumberMethods.Install(ctx);
        StrMethods.Install(ctx);
        ContainerMethods.Install(ctx);
        RichComparisons.Install(ctx);
        ExceptionMethods.Install(ctx);
        OsErrors.Install(ctx);
        DataModel.Install(ctx);
        GeneratorMethods.Install(ctx);
    }

    /// <summary>Wraps a callable in <c>staticmethod</c> (takes over <paramref name="owned"/>).</summary>
    public static Value StaticMethod(PyContext ctx, Value owned)
    {
        var box = new PyBox(ctx.StaticMethodType, 1);
        box.Slots[0] = owned;
        return Value.Steal(ctx.Runtime.AdoptReference(box));
    }

    /// <summary>Wraps a callable in <c>classmethod</c> (takes over <paramref name="owned"/>).</summary>
    public static Value ClassMethod(PyContext ctx, Value owned)
    {
        var box = new PyBox(ctx.ClassMethodType, 1);
        box.Slots[0] = owned;
        return Value.Steal(ctx.Runtime.AdoptReference(box));
    }

    private static Value CopyProperty(PyContext ctx, Value prop, int slot, Value fn)
    {
        var src = (PyBox)prop.Obj!;
        var p = new PyBox(ctx.PropertyType, 4);
        for (int i = 0; i < 4; i++)
        {
            p.Slots[i] = (i == slot ? fn : src.Slots[i]).Dup();
        }

        return Value.Steal(ctx.Runtime.AdoptReference(p));
    }

    private static Value TypeNew(ReadOnlySpan<Value> a, PyDict? k)
    {
        PyContext ctx = PyContext.Current;
        if (a.Length == 2)
        {
            return Value.New(Ops.TypeOf(a[1]));
        }

        if (a.Length != 4 || a[1].Obj is not string name || a[3].Obj is not PyDict ns)
        {
            throw PyErr.TypeError("type() takes 1 or 3 arguments");
        }

        return TypeBuilder.Create((PyType)a[0].Obj!, name, a[2], ns, k);
    }

    private static Value SuperNew(ReadOnlySpan<Value> a, PyDict? k)
    {
        PyContext ctx = PyContext.Current;
        Value type, obj;
        if (a.Length >= 3)
        {
            type = a[1];
            obj = a[2];
        }
        else
        {
            Frame? f = ctx.TopFrame;
            if (f is null || f.Code.LocalNames.Length == 0 && f.Code.CellNames.Length == 0)
            {
                throw PyErr.Make("RuntimeError", "super(): no arguments");
            }

            int cls = Array.IndexOf(f.Code.FreeNames, "__class__");
            if (cls < 0)
            {
                throw PyErr.Make("RuntimeError", "super(): __class__ cell not found");
            }

            type = f.Cells[f.Code.CellNames.Length + cls].Contents;
            int firstCell = f.Code.PositionalNames.Length > 0 ? Array.IndexOf(f.Code.CellNames, f.Code.PositionalNames[0]) : -1;
            obj = firstCell >= 0 ? f.Cells[firstCell].Contents : f.Locals.Length > 0 ? f.Locals[0] : default;
            if (obj.IsNull)
            {
                throw PyErr.Make("RuntimeError", "super(): no arguments");
            }
        }

        var box = new PyBox(ctx.SuperType, 2);
        box.Slots[0] = type.Dup();
        box.Slots[1] = obj.Dup();
        return Value.Steal(ctx.Runtime.AdoptReference(box));
    }

    /// <summary><c>super().name</c>.</summary>
    public static Value SuperGetAttr(ReadOnlySpan<Value> a, PyDict? k)
    {
        var box = (PyBox)a[0].Obj!;
        string name = a[1].AsStr;
        var start = (PyType)box.Slots[0].Obj!;
        Value obj = box.Slots[1];
        PyType objType = obj.Obj is PyType ot && ot.IsSubtypeOf(start) ? ot : Ops.TypeOf(obj);
        PyType[] mro = objType.Mro;
        int i = Array.IndexOf(mro, start);
        for (i++; i < mro.Length && i > 0; i++)
        {
            if (mro[i].TryGetOwn(name, out Value v))
            {
                if (obj.Obj is PyType && ReferenceEquals(obj.Obj, objType))
                {
                    if (v.Obj is PyBox cm && cm.Type == PyContext.Current.ClassMethodType)
                    {
                        return Ops.NewMethod(cm.Slots[0], obj.Dup());
                    }

                    if (v.Obj is PyBox sm && sm.Type == PyContext.Current.StaticMethodType)
                    {
                        return sm.Slots[0].Dup();
                    }

                    return v.Dup();
                }

                return Ops.Bind(v, obj, objType);
            }
        }

        throw PyErr.AttributeError($"'super' object has no attribute '{name}'");
    }
}
