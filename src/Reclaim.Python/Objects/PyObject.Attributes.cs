namespace Reclaim.Python.Objects;

/// <summary>
/// An instance's attributes kept in the object itself until someone asks for <c>__dict__</c>, as CPython 3.11's inline
/// values: an instance in a cycle is one object for the collector, not two. The names usually live in the class's
/// <see cref="InstanceLayout"/>, shared by every instance that set the same attributes in the same order; the object
/// holds its values only.
/// </summary>
internal partial class PyObject
{
    private string?[]? _attrNames;
    private Value[]? _attrValues;
    private int _attrCount;

    // Whether _attrNames is a class's shared InstanceLayout.Names (never written here except to claim a free slot)
    // rather than this object's own array.
    private bool _namesShared;

    /// <summary>Whether the object can take attributes (a dict or inline storage).</summary>
    public bool HasAttributeStorage => _dict is not null || _attrNames is not null;

    /// <summary>Gives the object inline attribute storage (instances of classes without <c>__slots__</c>).</summary>
    public void EnableAttributes()
    {
        if (_dict is not null || _attrNames is not null)
        {
            return;
        }

        if (_type is { } type)
        {
            InstanceLayout layout = type.InstanceLayout;
            _attrNames = layout.Names;
            _namesShared = true;
            _attrValues = layout.Capacity == 0 ? [] : new Value[layout.Capacity];
        }
        else
        {
            _attrNames = new string?[InstanceLayout.MaxInline];
            _attrValues = [];
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
        int count = _attrCount;
        if (count == _attrValues!.Length)
        {
            if (count >= InstanceLayout.MaxInline)
            {
                MaterializeDict().SetOwned(Value.Str(internedName), owned);
                return;
            }

            Array.Resize(ref _attrValues, Math.Min(Math.Max(count * 2, 4), InstanceLayout.MaxInline));
        }

        if (_namesShared)
        {
            // The names are the layout of the class the object had when it got storage; after a __class__ assignment
            // the current class's layout is another one, and the object keeps its own names from then on, as it does
            // when its order departs from its class's.
            InstanceLayout layout = _type!.InstanceLayout;
            if (ReferenceEquals(layout.Names, _attrNames) && layout.Claim(count, internedName))
            {
                layout.Grew(count + 1);
            }
            else
            {
                UnshareNames();
            }
        }

        if (!_namesShared)
        {
            _attrNames![count] = internedName;
        }

        _attrValues[count] = owned;
        _attrCount = count + 1;
    }

    // Copies the names this object has into an array of its own before it writes a slot the class's array holds.
    private void UnshareNames()
    {
        string?[] own = new string?[InstanceLayout.MaxInline];
        Array.Copy(_attrNames!, own, _attrCount);
        _attrNames = own;
        _namesShared = false;
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
                if (_namesShared)
                {
                    UnshareNames();
                }

                Value old = _attrValues![i];
                Array.Copy(_attrNames!, i + 1, _attrNames!, i, _attrCount - i - 1);
                Array.Copy(_attrValues!, i + 1, _attrValues!, i, _attrCount - i - 1);
                _attrCount--;
                _attrNames![_attrCount] = null;
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
        _namesShared = false;
        _dict = dict;
        return dict;
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

        // Emptied in place: a cleared object keeps its (now empty) storage without allocating. Every death by count and
        // every collected instance comes through here; two fresh arrays each made gc.collect() of N instances allocate
        // about 280 bytes per instance, enough to start a .NET collection inside it (docs/benchmarks.md, fifth round).
        // No code runs while the values drop (releases inside a clear are queued, see Runtime.RunClear), so nothing
        // sees the slots half emptied. A shared names array is left as it is: other instances read it.
        _attrCount = 0;
        for (int i = 0; i < count; i++)
        {
            Value v = values![i];
            values[i] = default;
            if (!_namesShared)
            {
                _attrNames![i] = null;
            }

            v.Drop();
        }

        dict?.Release();
    }
}
