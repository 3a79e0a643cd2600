using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Execution;

/// <summary>
/// The inline cache of one <c>obj.name</c> site (a load, a store or a method call), in the manner of CPython 3.11's
/// specialised LOAD_ATTR/STORE_ATTR/LOAD_METHOD: it remembers, for the last receiver type seen, what the type's
/// namespace decided (no custom <c>__getattribute__</c>/<c>__setattr__</c>, whether the class attribute is a data
/// descriptor, a plain method) and which inline slot held the instance attribute. The decision holds while
/// <see cref="PyType.Epoch"/> does; any other receiver takes the generic path of <see cref="Ops"/>, so the
/// behaviour is always the generic one.
/// </summary>
internal sealed class AttributeSite(string name)
{
    private enum Kind : byte
    {
        // Nothing cached that a fast path can use: the generic protocol runs.
        Generic,

        // Instance attribute first, then the class attribute (not a data descriptor) bound, then the generic path.
        Plain,

        // The class attribute is a property: its getter (or setter) is called.
        Property,

        // A method call: the class attribute is a function or a built-in method, called unbound with the receiver.
        Method,
    }

    // Up to this many receiver types are remembered (richards' task classes share their sites, as CPython's
    // polymorphic sites do); a site that sees more starts over.
    private const int Ways = 4;

    private readonly Entry[] _entries = new Entry[Ways];
    private int _count;
    private int _epoch;

    /// <summary>The attribute's name (interned, so instance slots match it by reference).</summary>
    public string Name { get; } = string.Intern(name);

    /// <summary><c>obj.name</c> on a borrowed receiver; a new reference; throws AttributeError.</summary>
    public Value Load(Value obj)
    {
        Entry? e = Find(obj, forCall: false, store: false);
        if (e is not null)
        {
            switch (e.Kind)
            {
                case Kind.Plain:
                case Kind.Method:
                    PyObject o = obj.Heap!;
                    Value v = o.GetAttribute(Name, ref e.Slot);
                    if (!v.IsNull)
                    {
                        return v.Dup();
                    }

                    if (e.ClassAttr.Obj is PyFunction)
                    {
                        return Ops.NewMethod(e.ClassAttr, obj.Dup());
                    }

                    if (!e.ClassAttr.IsNull)
                    {
                        return Ops.Bind(e.ClassAttr, obj, e.Type);
                    }

                    break;
                case Kind.Property:
                    return CallGetter(e, obj);
            }
        }

        return Ops.GetAttr(obj, Name);
    }

    /// <summary>
    /// The instance attribute of a cached plain site, as a new reference, when the receiver holds it: no Python code
    /// runs on this path, so the caller may pass a borrowed receiver (<c>self.attr</c> on a local without a count
    /// change). False when anything else would decide; the caller then takes <see cref="Load"/>.
    /// </summary>
    public bool TryLoadInstance(Value obj, out Value result)
    {
        Entry? e = Find(obj, forCall: false, store: false);
        if (e is not null && e.Kind is Kind.Plain or Kind.Method)
        {
            Value v = obj.Heap!.GetAttribute(Name, ref e.Slot);
            if (!v.IsNull)
            {
                result = v.Dup();
                return true;
            }
        }

        result = default;
        return false;
    }

    /// <summary>
    /// Finds the attribute for a call: a plain method comes back unbound (<paramref name="unbound"/>) so that no bound
    /// method is made; anything else is what <see cref="Load"/> gives. A new reference.
    /// </summary>
    public Value LoadMethod(Value obj, out bool unbound)
    {
        unbound = false;
        Entry? e = Find(obj, forCall: true, store: false);
        if (e is not null)
        {
            if (e.Kind == Kind.Method)
            {
                PyObject o = obj.Heap!;
                if (!o.HasAttributeStorage || o.GetAttribute(Name, ref e.Slot).IsNull)
                {
                    unbound = true;
                    return e.ClassAttr.Dup();
                }
            }
            else
            {
                return Load(obj);
            }
        }

        return Compiler.Nodes.CallNode.LoadMethod(obj, Name, out unbound);
    }

    /// <summary><c>obj.name = value</c>, taking over <paramref name="owned"/> whatever happens.</summary>
    public void Store(Value obj, Value owned)
    {
        Entry? e = Find(obj, forCall: false, store: true);
        if (e is not null && e.Kind == Kind.Plain && obj.Heap is { HasAttributeStorage: true } o)
        {
            o.TrySetAttribute(Name, owned, ref e.Slot);
            return;
        }

        try
        {
            Ops.SetAttr(obj, Name, owned);
        }
        finally
        {
            owned.Drop();
        }
    }

    // The entry for the receiver's type, made on the first sight of the type; null for receivers no entry can serve.
    private Entry? Find(Value obj, bool forCall, bool store)
    {
        if (obj.Heap is not { } o || o is PyType)
        {
            return null;
        }

        PyType t = o.Type;
        if (_epoch == PyType.Epoch)
        {
            Entry[] entries = _entries;
            for (int i = 0; i < _count; i++)
            {
                Entry e = entries[i];
                if (ReferenceEquals(e.Type, t))
                {
                    return e.Kind == Kind.Generic ? null : e;
                }
            }
        }
        else
        {
            _count = 0;
            _epoch = PyType.Epoch;
        }

        Kind kind = store ? StoreKind(o, out Value attr) : LoadKind(o, forCall, out attr);
        var made = new Entry(t, kind, attr);
        if (_count == Ways)
        {
            _count = 0;
        }

        _entries[_count++] = made;
        return kind == Kind.Generic ? null : made;
    }

    private Value CallGetter(Entry e, Value obj)
    {
        var property = (PyBox)e.ClassAttr.Obj!;
        Value getter = property.Slots[0];
        if (getter.IsNull || getter.IsNone)
        {
            return Ops.GetAttr(obj, Name);
        }

        return Ops.Call(getter, [obj], null);
    }

    // What the generic look-up decides for receivers of this type.
    private Kind LoadKind(PyObject o, bool forCall, out Value attr)
    {
        attr = default;
        PyContext ctx = PyContext.Current;
        PyType t = o.Type;
        if (o is PyModule || t == ctx.SuperType || HasCustom(t, "__getattribute__"))
        {
            return Kind.Generic;
        }

        attr = t.Lookup(Name);
        if (!attr.IsNull && Ops.IsDataDescriptor(attr))
        {
            return attr.Obj is PyBox box && box.Type == ctx.PropertyType ? Kind.Property : Kind.Generic;
        }

        return forCall && attr.Obj is PyFunction or PyBuiltin { IsMethod: true, Self.IsNull: true } ? Kind.Method : Kind.Plain;
    }

    // What the generic store decides for receivers of this type.
    private Kind StoreKind(PyObject o, out Value attr)
    {
        attr = default;
        // A name outside a __slots__-only class's slots is refused by the generic store, with its message.
        if (o is PyBaseException || o is PyFunction || Name == "__class__" || HasCustom(o.Type, "__setattr__")
            || o.Type.SlotNames is { } allowed && !allowed.Contains(Name))
        {
            return Kind.Generic;
        }

        attr = o.Type.Lookup(Name);
        return !attr.IsNull && Ops.IsDataDescriptor(attr) ? Kind.Generic : Kind.Plain;
    }

    private static bool HasCustom(PyType t, string special) =>
        t.IsHeap && t.Lookup(special) is { IsNull: false } f && f.Obj is not PyBuiltin;

    // One receiver type's decision. The class attribute is borrowed from the type's namespace: valid while the epoch
    // holds, since any change to a namespace moves it. The slot is the guess of where instances keep the attribute.
    private sealed class Entry(PyType type, Kind kind, Value classAttr)
    {
        public readonly PyType Type = type;
        public readonly Kind Kind = kind;
        public readonly Value ClassAttr = classAttr;
        public int Slot;
    }
}
