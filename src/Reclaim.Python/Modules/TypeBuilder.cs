using Reclaim.Python.Execution;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Modules;

/// <summary><c>type(name, bases, ns)</c>: makes a class, as <c>type.__new__</c> does.</summary>
internal static class TypeBuilder
{
    /// <summary>Creates the class; returns a new reference.</summary>
    public static Value Create(PyType metatype, string name, Value basesTuple, PyDict ns, PyDict? kwargs = null)
    {
        PyContext ctx = PyContext.Current;
        var bases = new List<PyType>();
        if (basesTuple.Obj is PyTuple bt)
        {
            foreach (Value b in bt.Span)
            {
                if (b.Obj is not PyType tb)
                {
                    throw PyErr.TypeError("bases must be types");
                }

                bases.Add(tb);
            }
        }

        if (bases.Count == 0)
        {
            bases.Add(ctx.ObjectType);
        }

        if (bases.FirstOrDefault(b => b == ctx.BoolType) is { } final)
        {
            throw PyErr.TypeError($"type '{final.Name}' is not an acceptable base type");
        }

        // Variable-size built-ins keep their items in the instance, which leaves no room for slots.
        Value declaredSlots = ns.Get("__slots__");
        if (!declaredSlots.IsNull && (declaredSlots.Obj is string || Ops.Len(declaredSlots) > 0)
            && (bases[0].IsSubtypeOf(ctx.IntType) || bases[0].IsSubtypeOf(ctx.BytesType) || bases[0].IsSubtypeOf(ctx.TupleType)))
        {
            throw PyErr.TypeError($"nonempty __slots__ not supported for subtype of '{bases[0].Name}'");
        }

        var type = ctx.Runtime.AdoptReference(new PyType(metatype, name, isHeap: true));
        try
        {
            type.SetBases([.. bases]);
            type.Factory = bases.Select(b => b.Factory).FirstOrDefault(f => f is not null) ?? ctx.ObjectType.Factory;
            type.WeakReferenceable = true;
            for (int i = 0; i < ns.Used; i++)
            {
                if (ns.Keys[i].Obj is string k)
                {
                    Value v = ns.Values[i];
                    if ((k == "__init_subclass__" || k == "__class_getitem__") && v.Obj is PyFunction)
                    {
                        var cm = new PyBox(ctx.ClassMethodType, 1);
                        cm.Slots[0] = v.Dup();
                        type.SetMember(k, Value.Steal(ctx.Runtime.AdoptReference(cm)));
                        continue;
                    }

                    if (k == "__new__" && v.Obj is PyFunction)
                    {
                        var sm = new PyBox(ctx.StaticMethodType, 1);
                        sm.Slots[0] = v.Dup();
                        type.SetMember(k, Value.Steal(ctx.Runtime.AdoptReference(sm)));
                        continue;
                    }

                    if (k == "__qualname__" && v.Obj is string q)
                    {
                        type.QualName = q;
                        continue;
                    }

                    if (k == "__module__" && v.Obj is string m)
                    {
                        type.Module = m;
                    }

                    type.SetMember(k, v.Dup());
                }
            }

            // A class that defines __eq__ but not __hash__ gets __hash__ = None: its instances are unhashable.
            if (ns.ContainsKey(Value.Str("__eq__")) && !ns.ContainsKey(Value.Str("__hash__")))
            {
                type.SetMember("__hash__", Value.None);
            }

            Value slots = ns.Get("__slots__");
            if (!slots.IsNull)
            {
                List<Value> names = slots.Obj is string ? [slots.Dup()] : Ops.ToList(slots);
                type.Slots = [.. names.Select(n => n.AsStr)];
                type.HasInstanceDict = type.Slots.Contains("__dict__") || bases.Any(b => b.IsHeap && b.HasInstanceDict);
                type.WeakReferenceable = type.Slots.Contains("__weakref__") || bases.Any(b => b.IsHeap && b.WeakReferenceable);
                foreach (Value n in names)
                {
                    n.Drop();
                }

                // Slot values live in the instance's inline attribute storage; a class whose whole MRO declares
                // __slots__ without __dict__ admits only those names and shows no __dict__.
                bool dictFromBase = bases.Any(b => b.IsHeap && b.SlotNames is null);
                if (!type.Slots.Contains("__dict__") && !dictFromBase)
                {
                    var allowed = new HashSet<string>(type.Slots.Where(n => n != "__weakref__"));
                    foreach (PyType b in bases.Where(b => b.SlotNames is not null))
                    {
                        allowed.UnionWith(b.SlotNames!);
                    }

                    type.SlotNames = allowed;
                }

                type.HasInstanceDict = true;
            }
            else
            {
                type.HasInstanceDict = true;
            }

            // __set_name__ on descriptors, then the parent's __init_subclass__.
            foreach (KeyValuePair<string, Value> kv in type.Members.ToList())
            {
                if (kv.Value.Obj is PyObject o && o.Type.IsHeap && !o.Type.Lookup("__set_name__").IsNull)
                {
                    Ops.CallMethod(o.Type.Lookup("__set_name__"), kv.Value, [Value.Steal(type), Value.Str(kv.Key)]).Drop();
                }
            }

            // The nearest base's __init_subclass__ gets the class keywords (object's refuses any).
            for (int i = 1; i < type.Mro.Length; i++)
            {
                if (type.Mro[i].TryGetOwn("__init_subclass__", out Value hook))
                {
                    if (hook.Obj is PyBox { } hb && hb.Type == ctx.ClassMethodType)
                    {
                        Ops.Call(hb.Slots[0], [Value.Steal(type)], kwargs is { Count: > 0 } ? kwargs : null).Drop();
                    }

                    break;
                }
            }
        }
        catch
        {
            type.Release();
            throw;
        }

        return Value.Steal(type);
    }
}
