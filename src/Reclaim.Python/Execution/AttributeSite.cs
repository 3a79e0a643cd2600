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

    private PyType? _type;
    private int _epoch;
    private Kind _kind;

    // Borrowed from the type's namespace: valid while the epoch holds, since any change to a namespace moves it.
    private Value _classAttr;
    private int _slot;

    /// <summary>The attribute's name (interned, so instance slots match it by reference).</summary>
    public string Name { get; } = string.Intern(name);

    /// <summary><c>obj.name</c> on a borrowed receiver; a new reference; throws AttributeError.</summary>
    public Value Load(Value obj)
    {
        if (obj.Obj is PyObject o && ReferenceEquals(o.Type, _type) && _epoch == PyType.Epoch && o is not PyType)
        {
            switch (_kind)
            {
                case Kind.Plain:
                case Kind.Method:
                    Value v = o.GetAttribute(Name, ref _slot);
                    if (!v.IsNull)
                    {
                        return v.Dup();
                    }

                    if (_classAttr.Obj is PyFunction)
                    {
                        return Ops.NewMethod(_classAttr, obj.Dup());
                    }

                    if (!_classAttr.IsNull)
                    {
                        return Ops.Bind(_classAttr, obj, _type);
                    }

                    break;
                case Kind.Property:
                    return CallGetter(obj);
            }
        }
        else
        {
            Fill(obj, forCall: false);
        }

        return Ops.GetAttr(obj, Name);
    }

    /// <summary>
    /// Finds the attribute for a call: a plain method comes back unbound (<paramref name="unbound"/>) so that no bound
    /// method is made; anything else is what <see cref="Load"/> gives. A new reference.
    /// </summary>
    public Value LoadMethod(Value obj, out bool unbound)
    {
        unbound = false;
        if (obj.Obj is PyObject o && ReferenceEquals(o.Type, _type) && _epoch == PyType.Epoch && o is not PyType)
        {
            if (_kind == Kind.Method)
            {
                if (!o.HasAttributeStorage || o.GetAttribute(Name, ref _slot).IsNull)
                {
                    unbound = true;
                    return _classAttr.Dup();
                }
            }
            else if (_kind != Kind.Generic)
            {
                return Load(obj);
            }
        }
        else if (obj.Obj is not string)
        {
            Fill(obj, forCall: true);
        }

        return Compiler.Nodes.CallNode.LoadMethod(obj, Name, out unbound);
    }

    /// <summary><c>obj.name = value</c>, taking over <paramref name="owned"/> whatever happens.</summary>
    public void Store(Value obj, Value owned)
    {
        if (obj.Obj is PyObject o && ReferenceEquals(o.Type, _type) && _epoch == PyType.Epoch && o is not PyType)
        {
            if (_kind == Kind.Plain && o.HasAttributeStorage)
            {
                o.TrySetAttribute(Name, owned, ref _slot);
                return;
            }
        }
        else
        {
            FillStore(obj);
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

    private Value CallGetter(Value obj)
    {
        var property = (PyBox)_classAttr.Obj!;
        Value getter = property.Slots[0];
        if (getter.IsNull || getter.IsNone)
        {
            return Ops.GetAttr(obj, Name);
        }

        return Ops.Call(getter, [obj], null);
    }

    // Records what the generic look-up would decide for this receiver's type; the generic path still runs this time.
    private void Fill(Value obj, bool forCall)
    {
        _type = null;
        if (obj.Obj is not PyObject o || o is PyType || o is PyModule)
        {
            return;
        }

        PyContext ctx = PyContext.Current;
        PyType t = o.Type;
        if (t == ctx.SuperType || HasCustom(t, "__getattribute__"))
        {
            return;
        }

        Value attr = t.Lookup(Name);
        Kind kind;
        if (!attr.IsNull && Ops.IsDataDescriptor(attr))
        {
            if (attr.Obj is not PyBox box || box.Type != ctx.PropertyType)
            {
                return;
            }

            kind = Kind.Property;
        }
        else if (forCall && attr.Obj is PyFunction or PyBuiltin { IsMethod: true, Self.IsNull: true })
        {
            kind = Kind.Method;
        }
        else
        {
            kind = Kind.Plain;
        }

        Remember(t, kind, attr);
    }

    private void FillStore(Value obj)
    {
        _type = null;
        if (obj.Obj is not PyObject o || o is PyType || o is PyBaseException || o is PyFunction || Name == "__class__")
        {
            return;
        }

        PyType t = o.Type;
        if (HasCustom(t, "__setattr__"))
        {
            return;
        }

        Value attr = t.Lookup(Name);
        if (!attr.IsNull && Ops.IsDataDescriptor(attr))
        {
            return;
        }

        Remember(t, Kind.Plain, attr);
    }

    private void Remember(PyType t, Kind kind, Value attr)
    {
        _type = t;
        _kind = kind;
        _classAttr = attr;
        _epoch = PyType.Epoch;
    }

    private static bool HasCustom(PyType t, string special) =>
        t.IsHeap && t.Lookup(special) is { IsNull: false } f && f.Obj is not PyBuiltin;
}
