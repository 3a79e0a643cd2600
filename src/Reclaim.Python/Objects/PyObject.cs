using Reclaim;

namespace Reclaim.Python.Objects;

/// <summary>
/// Every Python heap object: a Reclaim object that knows its Python type and, for instances of classes, carries its
/// <c>__dict__</c>. An instance of a class (a heap type) holds a counted reference to the class, as CPython's do.
/// </summary>
[FinalizerOnRequest]
internal class PyObject : RcObject
{
    private PyType? _type;

    /// <summary>Creates an object of the given type; the caller adopts it into the runtime.</summary>
    public PyObject(PyType? type)
    {
        _type = type;
        type?.AddRef();
    }

    /// <summary>
    /// Makes the object's death call its class's <c>__del__</c> (looked up then, so a <c>__del__</c> removed later
    /// does not run): asked for by instances of classes that have one, and for every live instance when a class gains one.
    /// </summary>
    public void EnableDel() => RequestFinalizer();

    /// <inheritdoc/>
    protected override void OnFinalize() => Execution.Finalizers.CallDel(this);

    /// <summary>The object's Python type.</summary>
    public PyType Type => _type!;

    /// <summary>The instance dictionary, for objects of classes without <c>__slots__</c>.</summary>
    public PyDict? Dict
    {
        get => _dict;
        set => _dict = value;
    }

    private PyDict? _dict;

    // Attributes kept in the object itself until someone asks for __dict__, as CPython 3.11's inline values: an
    // instance in a cycle is one object for the collector, not two.
    private string?[]? _attrNames;
    private Value[]? _attrValues;
    private int _attrCount;

    // Whether _attrNames is shared with other instances (PyType.SharedAttributeNames, or what it was): then only a
    // null entry at _attrCount may be written (no sharer has an attribute there yet), and anything else copies the
    // names first. Instances of one class setting the same attributes in the same order share one names array.
    private bool _sharedNames;

    // The attribute names of a cleared instance (see ClearReferences): empty, shared, never written.
    private static readonly string?[] s_noNames = [];

    /// <summary>Whether the object can take attributes (a dict or inline storage).</summary>
    public bool HasAttributeStorage => _dict is not null || _attrNames is not null;

    /// <summary>Gives the object inline attribute storage (instances of classes without <c>__slots__</c>).</summary>
    public void EnableAttributes()
    {
        if (_dict is null && _attrNames is null)
        {
            if (_type is { } type)
            {
                string?[] names = type.SharedAttributeNames ??= new string?[4];
                _attrNames = names;
                _attrValues = new Value[names.Length];
                _sharedNames = true;
            }
            else
            {
                _attrNames = new string?[4];
                _attrValues = new Value[4];
            }
        }
    }

    /// <summary>An instance attribute (borrowed), or null.</summary>
    public Value GetAttribute(string name)
    {
        if (_dict is not null)
        {
            return _dict.Get(name);
        }

        for (int i = 0; i < _attrCount; i++)
        {
            if (_attrNames![i] == name)
            {
                return _attrValues![i];
            }
        }

        return default;
    }

    /// <summary>
    /// <see cref="GetAttribute(string)"/> with a per-site guess of the inline slot: a site's name is interned, as are
    /// the names its stores put in, so the guess is confirmed by one reference compare. <paramref name="name"/> must be
    /// interned.
    /// </summary>
    public Value GetAttribute(string name, ref int hint)
    {
        if (_dict is null && _attrNames is { } names)
        {
            int h = hint;
            if ((uint)h < (uint)_attrCount && ReferenceEquals(names[h], name))
            {
                return _attrValues![h];
            }

            // Every inline name is interned (see Append), and so is the site's: identity decides.
            for (int i = 0; i < _attrCount; i++)
            {
                if (ReferenceEquals(names[i], name))
                {
                    hint = i;
                    return _attrValues![i];
                }
            }

            return default;
        }

        return GetAttribute(name);
    }

    /// <summary>
    /// <see cref="TrySetAttribute(string, Value)"/> that first tries the slot a site guessed; <paramref name="name"/>
    /// must be interned.
    /// </summary>
    public bool TrySetAttribute(string name, Value owned, ref int hint)
    {
        if (_dict is null && _attrNames is { } names)
        {
            int h = hint;
            if ((uint)h < (uint)_attrCount && ReferenceEquals(names[h], name))
            {
                Value old = _attrValues![h];
                _attrValues[h] = owned;
                old.Drop();
                return true;
            }

            for (int i = 0; i < _attrCount; i++)
            {
                if (ReferenceEquals(names[i], name))
                {
                    hint = i;
                    Value old = _attrValues![i];
                    _attrValues[i] = owned;
                    old.Drop();
                    return true;
                }
            }

            // A new attribute goes at the end: the next object of the same shape will have it there too.
            hint = _attrCount;
            Append(name, owned);
            return true;
        }

        return TrySetAttribute(name, owned);
    }

    /// <summary>Sets an instance attribute, taking over <paramref name="owned"/>; false when the object has no storage.</summary>
    public bool TrySetAttribute(string name, Value owned)
    {
        if (_dict is not null)
        {
            _dict.SetOwned(Value.Str(name), owned);
            return true;
        }

        if (_attrNames is null)
        {
            return false;
        }

        for (int i = 0; i < _attrCount; i++)
        {
            if (_attrNames[i] == name)
            {
                Value old = _attrValues![i];
                _attrValues[i] = owned;
                old.Drop();
                return true;
            }
        }

        Append(string.Intern(name), owned);
        return true;
    }

    // Adds an inline attribute under an interned name (site names are interned by the compiler; other names are
    // interned on the way in), so that sites can match names by identity alone.
    private void Append(string internedName, Value owned)
    {
        if (_attrCount == _attrNames!.Length)
        {
            if (_attrCount >= 16)
            {
                MaterializeDict().SetOwned(Value.Str(internedName), owned);
                return;
            }

            // A cleared instance's storage is empty (ClearReferences): it starts again at 4.
            int capacity = _attrCount == 0 ? 4 : _attrCount * 2;
            string?[] old = _attrNames;
            Array.Resize(ref _attrNames, capacity);
            Array.Resize(ref _attrValues, capacity);
            if (_sharedNames && _type is { } type && ReferenceEquals(type.SharedAttributeNames, old))
            {
                // The bigger copy holds the same names: the class's next instances share it, and start this big.
                type.SharedAttributeNames = _attrNames;
            }
            else
            {
                _sharedNames = false;
            }
        }

        string?[] names = _attrNames;
        if (_sharedNames && !ReferenceEquals(names[_attrCount], internedName))
        {
            if (names[_attrCount] is null)
            {
                // No sharer has an attribute at this position yet: it becomes part of the shared shape.
                names[_attrCount] = internedName;
            }
            else
            {
                UnshareNames();
                _attrNames[_attrCount] = internedName;
            }
        }
        else if (!_sharedNames)
        {
            names[_attrCount] = internedName;
        }

        _attrValues![_attrCount++] = owned;
    }

    // Gives the instance a names array of its own before it writes one the sharers rely on.
    private void UnshareNames()
    {
        _attrNames = (string?[])_attrNames!.Clone();
        _sharedNames = false;
    }

    /// <summary>Removes an instance attribute; false when absent.</summary>
    public bool RemoveAttribute(string name)
    {
        if (_dict is not null)
        {
            return _dict.Remove(Value.Str(name));
        }

        for (int i = 0; i < _attrCount; i++)
        {
            if (_attrNames![i] == name)
            {
                if (_sharedNames)
                {
                    UnshareNames();
                }

                Value old = _attrValues![i];
                Array.Copy(_attrNames!, i + 1, _attrNames!, i, _attrCount - i - 1);
                Array.Copy(_attrValues!, i + 1, _attrValues!, i, _attrCount - i - 1);
                _attrCount--;
                _attrNames[_attrCount] = null;
                _attrValues![_attrCount] = default;
                old.Drop();
                return true;
            }
        }

        return false;
    }

    /// <summary>The <c>__dict__</c>, made from the inline attributes the first time it is asked for.</summary>
    public PyDict MaterializeDict()
    {
        if (_dict is not null)
        {
            return _dict;
        }

        var dict = Interpreter.PyContext.Current.NewDict();
        for (int i = 0; i < _attrCount; i++)
        {
            dict.SetOwned(Value.Str(_attrNames![i]!), _attrValues![i]);
            _attrValues[i] = default;
        }

        _attrNames = null;
        _attrValues = null;
        _attrCount = 0;
        _sharedNames = false;
        _dict = dict;
        return dict;
    }

    /// <summary>Changes the type (<c>__class__</c> assignment), moving the counted reference.</summary>
    public void SetType(PyType type)
    {
        type.AddRef();
        PyType? old = _type;
        _type = type;
        old?.Release();
    }

    /// <summary>Sets the type of a type object created before its metatype existed.</summary>
    internal void InitType(PyType type)
    {
        _type = type;
        type.AddRef();
    }

    /// <inheritdoc/>
    protected override void TraverseReferences(ref Visitor visitor)
    {
        visitor.Visit(_type);
        visitor.Visit(_dict);
        if (_attrValues is not null)
        {
            foreach (Value v in _attrValues)
            {
                if (v.Obj is PyObject o)
                {
                    visitor.Visit(o);
                }
            }
        }
    }

    /// <inheritdoc/>
    protected override void ClearReferences()
    {
        PyDict? dict = _dict;
        _dict = null;
        Value[]? values = _attrValues;
        int count = _attrCount;
        // The object keeps attribute storage (code run by the releases below, or a resurrection, may set attributes
        // again) but starts from the shared empty arrays: a dying instance allocates nothing; the first new attribute
        // makes real arrays (Append), so nothing can write into the arrays being released.
        _attrValues = values is null ? null : [];
        _attrNames = values is null ? null : s_noNames;
        _attrCount = 0;
        _sharedNames = false;
        for (int i = 0; i < count; i++)
        {
            values![i].Drop();
        }

        dict?.Release();
    }

    /// <inheritdoc/>
    protected override void OnFree()
    {
        PyType? type = _type;
        if (type is not null && type.IsAlive)
        {
            type.Release();
        }
    }

    /// <summary>Releases every value of an array after clearing its slots.</summary>
    protected static void DropAll(Value[] values, int count)
    {
        for (int i = 0; i < count; i++)
        {
            Value v = values[i];
            values[i] = default;
            v.Drop();
        }
    }
}
