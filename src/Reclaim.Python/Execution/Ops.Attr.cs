using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Execution;

internal static partial class Ops
{
    /// <summary><c>getattr(obj, name)</c>; returns a new reference, throws AttributeError.</summary>
    public static Value GetAttr(Value obj, string name)
    {
        Value r = TryGetAttr(obj, name);
        if (r.IsNull)
        {
            throw NoAttribute(obj, name);
        }

        return r;
    }

    /// <summary>The AttributeError CPython raises for a missing attribute.</summary>
    public static PyException NoAttribute(Value obj, string name)
    {
        if (obj.Obj is PyType t)
        {
            return WithContext(PyErr.AttributeError($"type object '{t.Name}' has no attribute '{name}'"), obj, name);
        }

        if (obj.Obj is PyModule m)
        {
            return WithContext(PyErr.AttributeError($"module '{m.Name}' has no attribute '{name}'"), obj, name);
        }

        return WithContext(PyErr.AttributeError($"'{TypeName(obj)}' object has no attribute '{name}'"), obj, name);
    }

    // CPython's AttributeError.name and .obj, which the traceback printer's "Did you mean" hint reads.
    private static PyException WithContext(PyException e, Value obj, string name)
    {
        e.Object.Extra = PyContext.Current.NewTupleOf([Value.Str(name), obj]);
        return e;
    }

    [ThreadStatic]
    private static bool t_genericGetAttr;

    /// <summary><c>object.__getattribute__</c>: the look-up without a class's <c>__getattribute__</c> override (and without
    /// <c>__getattr__</c>, which the caller of an override applies); throws AttributeError.</summary>
    public static Value GenericGetAttr(Value obj, string name)
    {
        PyType t = TypeOf(obj);
        Value getattr = t.Lookup("__getattr__");
        bool outer = t_genericGetAttr;
        t_genericGetAttr = true;
        Value r;
        try
        {
            r = obj.Obj is PyType || getattr.IsNull ? TryGetAttr(obj, name) : TryGetAttrNoFallback(obj, name);
        }
        finally
        {
            t_genericGetAttr = outer;
        }

        return r.IsNull ? throw NoAttribute(obj, name) : r;
    }

    private static Value TryGetAttrNoFallback(Value obj, string name)
    {
        PyType t = TypeOf(obj);
        Value attr = t.Lookup(name);
        if (!attr.IsNull && IsDataDescriptor(attr))
        {
            return DescriptorGet(attr, obj, Value.New(t));
        }

        if (obj.Obj is PyObject { HasAttributeStorage: true } holder && holder.GetAttribute(name) is { IsNull: false } v)
        {
            return v.Dup();
        }

        return !attr.IsNull ? Bind(attr, obj, t) : SpecialAttributes.Get(obj, name);
    }

    /// <summary><c>obj.__class__ = value</c>, where CPython allows it: both classes made by <c>class</c> statements, with the
    /// same instance layout.</summary>
    private static void AssignClass(Value obj, Value value)
    {
        if (value.Obj is not PyType nt)
        {
            throw PyErr.TypeError($"__class__ must be set to a class, not '{TypeName(value)}' object");
        }

        PyType old = TypeOf(obj);
        if (obj.Obj is not PyObject po || !old.IsHeap || !nt.IsHeap)
        {
            throw PyErr.TypeError("__class__ assignment only supported for mutable types or ModuleType subclasses");
        }

        bool sameLayout = old.Factory == nt.Factory && (old.SlotNames is null) == (nt.SlotNames is null)
            && (old.SlotNames is null || old.SlotNames.SetEquals(nt.SlotNames!));
        if (!sameLayout)
        {
            throw PyErr.TypeError($"__class__ assignment: '{nt.Name}' object layout differs from '{old.Name}'");
        }

        po.SetType(nt);
        if (!nt.Lookup("__del__").IsNull)
        {
            po.EnableDel();
        }
    }

    /// <summary><c>getattr</c> that returns null instead of raising AttributeError for a plain miss.</summary>
    public static Value TryGetAttr(Value obj, string name)
    {
        PyContext ctx = PyContext.Current;
        if (obj.Obj is PyType type)
        {
            return TypeGetAttr(type, name);
        }

        if (obj.Obj is PyWeakRef { IsProxy: true })
        {
            // A proxy forwards every attribute, __class__ included, to its referent.
            return TryGetAttr(Modules.WeakProxyType.Unwrap(obj), name);
        }

        if (obj.Obj is PyBox sup && sup.Type == ctx.SuperType && name != "__class__")
        {
            return Modules.TypeMethods.SuperGetAttr([obj, Value.Str(name)], null);
        }

        PyType t = TypeOf(obj);
        Value ga = t.IsHeap ? t.Lookup("__getattribute__") : default;
        if (!ga.IsNull && ga.Obj is not PyBuiltin && !t_genericGetAttr)
        {
            try
            {
                return CallMethod(ga, obj, [Value.Str(name)]);
            }
            catch (PyException e) when (e.Object.Type.IsSubtypeOf(ctx.ExceptionType("AttributeError")))
            {
                Value gaf = t.Lookup("__getattr__");
                if (gaf.IsNull)
                {
                    throw;
                }

                e.Exc.Drop();
                return CallMethod(gaf, obj, [Value.Str(name)]);
            }
        }

        Value attr = t.Lookup(name);
        if (!attr.IsNull && IsDataDescriptor(attr))
        {
            return DescriptorGet(attr, obj, Value.New(t));
        }

        if (obj.Obj is PyObject { HasAttributeStorage: true } holder)
        {
            Value v = holder.GetAttribute(name);
            if (!v.IsNull)
            {
                return v.Dup();
            }
        }

        if (!attr.IsNull)
        {
            return Bind(attr, obj, t);
        }

        Value special = SpecialAttributes.Get(obj, name);
        if (!special.IsNull)
        {
            return special;
        }

        Value getattr = t.Lookup("__getattr__");
        if (!getattr.IsNull)
        {
            return CallMethod(getattr, obj, [Value.Str(name)]);
        }

        return default;
    }

    private static Value TypeGetAttr(PyType type, string name)
    {
        Value attr = type.Lookup(name);
        if (!attr.IsNull)
        {
            PyContext ctx = PyContext.Current;
            if (attr.Obj is PyBox box)
            {
                if (box.Type == ctx.StaticMethodType)
                {
                    return box.Slots[0].Dup();
                }

                if (box.Type == ctx.ClassMethodType)
                {
                    return NewMethod(box.Slots[0], Value.Steal(Ref(type)));
                }

                if (box.Type == ctx.PropertyType)
                {
                    return attr.Dup();
                }
            }

            if (attr.Obj is PyObject o && o.Type.IsHeap && !o.Type.Lookup("__get__").IsNull)
            {
                return CallMethod(o.Type.Lookup("__get__"), attr, [Value.None, Value.Steal(type)]);
            }

            return attr.Dup();
        }

        Value special = SpecialAttributes.Get(Value.Steal(type), name);
        if (!special.IsNull)
        {
            return special;
        }

        Value meta = type.Type.Lookup(name);
        if (!meta.IsNull)
        {
            return Bind(meta, Value.Steal(type), type.Type);
        }

        return default;
    }

    private static PyObject Ref(PyObject o)
    {
        o.AddRef();
        return o;
    }

    /// <summary>Whether a class attribute is a data descriptor (property or a class with __set__/__delete__).</summary>
    public static bool IsDataDescriptor(Value attr)
    {
        if (attr.Obj is not PyObject o)
        {
            return false;
        }

        if (o.Type == PyContext.Current.PropertyType)
        {
            return true;
        }

        return o.Type.IsHeap && (!o.Type.Lookup("__set__").IsNull || !o.Type.Lookup("__delete__").IsNull);
    }

    private static Value DescriptorGet(Value attr, Value obj, Value ownedType)
    {
        PyContext ctx = PyContext.Current;
        try
        {
            if (attr.Obj is PyBox box && box.Type == ctx.PropertyType)
            {
                if (box.Slots[0].IsNull || box.Slots[0].IsNone)
                {
                    throw PyErr.AttributeError("unreadable attribute");
                }

                return Call(box.Slots[0], [obj], null);
            }

            PyType dt = ((PyObject)attr.Obj!).Type;
            return CallMethod(dt.Lookup("__get__"), attr, [obj, ownedType]);
        }
        finally
        {
            ownedType.Drop();
        }
    }

    /// <summary>Binds a class attribute found for an instance: functions become bound methods, descriptors get called.</summary>
    public static Value Bind(Value attr, Value obj, PyType t)
    {
        PyContext ctx = PyContext.Current;
        switch (attr.Obj)
        {
            case PyFunction:
                return NewMethod(attr, obj.Dup());
            case PyBuiltin { IsMethod: true }:
                return NewMethod(attr, obj.Dup());
            case PyBox box when box.Type == ctx.StaticMethodType:
                return box.Slots[0].Dup();
            case PyBox box when box.Type == ctx.ClassMethodType:
                return NewMethod(box.Slots[0], Value.New(t));
            case PyObject o when o.Type.IsHeap && !o.Type.Lookup("__get__").IsNull:
                return CallMethod(o.Type.Lookup("__get__"), attr, [obj, Value.Steal(t)]);
        }

        return attr.Dup();
    }

    /// <summary>A bound method owning <paramref name="ownedSelf"/> and a new reference to <paramref name="func"/>.</summary>
    public static Value NewMethod(Value func, Value ownedSelf)
    {
        PyContext ctx = PyContext.Current;
        var m = new PyBox(ctx.MethodType, 2);
        m.Slots[0] = func.Dup();
        m.Slots[1] = ownedSelf;
        return Value.Steal(ctx.Runtime.AdoptReference(m));
    }

    /// <summary><c>setattr(obj, name, value)</c>; <paramref name="value"/> is borrowed.</summary>
    public static void SetAttr(Value obj, string name, Value value)
    {
        PyContext ctx = PyContext.Current;
        if (obj.Obj is PyType type)
        {
            if (!type.IsHeap)
            {
                throw PyErr.TypeError($"cannot set '{name}' attribute of immutable type '{type.Name}'");
            }

            if (name == "__name__" && value.Obj is string n)
            {
                type.Name = n;
                return;
            }

            type.SetMember(name, value.Dup());
            if (name == "__del__")
            {
                Finalizers.ClassGainedDel(type);
            }

            return;
        }

        if (obj.Obj is PyWeakRef { IsProxy: true })
        {
            SetAttr(Modules.WeakProxyType.Unwrap(obj), name, value);
            return;
        }

        PyType t = TypeOf(obj);
        if (t.IsHeap)
        {
            Value sa = t.Lookup("__setattr__");
            if (!sa.IsNull && sa.Obj is not PyBuiltin)
            {
                Value r = CallMethod(sa, obj, [Value.Str(name), value]);
                r.Drop();
                return;
            }
        }

        GenericSetAttr(obj, name, value);
    }

    /// <summary><c>object.__setattr__</c>.</summary>
    public static void GenericSetAttr(Value obj, string name, Value value)
    {
        PyContext ctx = PyContext.Current;
        PyType t = TypeOf(obj);
        Value attr = t.Lookup(name);
        if (!attr.IsNull && IsDataDescriptor(attr))
        {
            if (attr.Obj is PyBox box && box.Type == ctx.PropertyType)
            {
                if (box.Slots[1].IsNull || box.Slots[1].IsNone)
                {
                    throw PyErr.AttributeError(box.Slots[0].Obj is PyFunction getter
                        ? $"property '{getter.Name}' of '{t.Name}' object has no setter" : $"can't set attribute '{name}'");
                }

                Call(box.Slots[1], [obj, value], null).Drop();
                return;
            }

            PyType dt = ((PyObject)attr.Obj!).Type;
            Value set = dt.Lookup("__set__");
            if (set.IsNull)
            {
                throw PyErr.AttributeError("__set__");
            }

            CallMethod(set, attr, [obj, value]).Drop();
            return;
        }

        if (name == "__class__")
        {
            AssignClass(obj, value);
            return;
        }

        if (obj.Obj is PyBaseException be && SpecialAttributes.SetException(be, name, value))
        {
            return;
        }

        if (obj.Obj is PyFunction f && SpecialAttributes.SetFunction(f, name, value))
        {
            return;
        }

        if (t.SlotNames is { } allowed && !allowed.Contains(name))
        {
            throw PyErr.AttributeError(attr.IsNull ? $"'{t.Name}' object has no attribute '{name}'" : $"'{t.Name}' object attribute '{name}' is read-only");
        }

        if (obj.Obj is PyObject { HasAttributeStorage: true } o && o.TrySetAttribute(name, value.Dup()))
        {
            return;
        }

        if (t.Slots is not null && obj.Obj is PyObject)
        {
            throw PyErr.AttributeError($"'{t.Name}' object has no attribute '{name}'");
        }

        if (!attr.IsNull)
        {
            throw PyErr.AttributeError($"'{t.Name}' object attribute '{name}' is read-only");
        }

        throw PyErr.AttributeError($"'{t.Name}' object has no attribute '{name}'");
    }

    /// <summary><c>delattr(obj, name)</c>.</summary>
    public static void DelAttr(Value obj, string name)
    {
        if (obj.Obj is PyType type)
        {
            if (!type.RemoveMember(name))
            {
                throw PyErr.AttributeError($"type object '{type.Name}' has no attribute '{name}'");
            }

            return;
        }

        if (obj.Obj is PyWeakRef { IsProxy: true })
        {
            DelAttr(Modules.WeakProxyType.Unwrap(obj), name);
            return;
        }

        if (obj.Obj is PyFunction fn && name is "__defaults__" or "__kwdefaults__")
        {
            // Deleting a function's defaults leaves none (the attribute then reads None).
            SpecialAttributes.SetFunction(fn, name, Value.None);
            return;
        }

        PyType t = TypeOf(obj);
        Value da = t.Lookup("__delattr__");
        if (!da.IsNull && da.Obj is not PyBuiltin)
        {
            CallMethod(da, obj, [Value.Str(name)]).Drop();
            return;
        }

        Value attr = t.Lookup(name);
        if (!attr.IsNull && IsDataDescriptor(attr))
        {
            if (attr.Obj is PyBox box && box.Type == PyContext.Current.PropertyType)
            {
                if (box.Slots[2].IsNull || box.Slots[2].IsNone)
                {
                    throw PyErr.AttributeError(box.Slots[0].Obj is PyFunction getter
                        ? $"property '{getter.Name}' of '{t.Name}' object has no deleter" : $"can't delete attribute '{name}'");
                }

                Call(box.Slots[2], [obj], null).Drop();
                return;
            }

            CallMethod(((PyObject)attr.Obj!).Type.Lookup("__delete__"), attr, [obj]).Drop();
            return;
        }

        if (obj.Obj is PyObject holder && holder.RemoveAttribute(name))
        {
            return;
        }

        throw PyErr.AttributeError($"'{t.Name}' object has no attribute '{name}'");
    }
}
