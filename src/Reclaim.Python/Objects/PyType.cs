namespace Reclaim.Python.Objects;

/// <summary>Creates the instance layout of a built-in type for <c>__new__</c> (subclasses inherit it).</summary>
internal delegate PyObject? InstanceFactory(PyType type);

/// <summary>
/// A Python type. Attributes live in a .NET dictionary keyed by name (a class's namespace is always str-keyed);
/// <see cref="Version"/> changes on every write so that per-site caches can check it.
/// </summary>
internal sealed class PyType : PyObject
{
    private static int s_nextVersion;

    /// <summary>Creates a type; <see cref="SetBases"/> computes its MRO.</summary>
    public PyType(PyType? metatype, string name, bool isHeap)
        : base(metatype)
    {
        Name = name;
        IsHeap = isHeap;
        _selfInMro = isHeap;
        Version = Interlocked.Increment(ref s_nextVersion);
    }

    /// <summary><c>__name__</c>.</summary>
    public string Name { get; set; }

    /// <summary><c>__qualname__</c>.</summary>
    public string? QualName { get; set; }

    /// <summary><c>__module__</c> for repr (built-ins have none shown).</summary>
    public string? Module { get; set; }

    /// <summary>Whether this is a class made by a <c>class</c> statement or <c>type()</c>.</summary>
    public bool IsHeap { get; }

    /// <summary>The inline attribute names its instances share (made with the first instance that takes attributes).</summary>
    public InstanceLayout InstanceLayout => _instanceLayout ??= new InstanceLayout();

    private InstanceLayout? _instanceLayout;

    /// <summary>What calling the class does, cached (see <see cref="Execution.CreationPlan"/>).</summary>
    internal Execution.CreationPlan? Creation { get; set; }

    private readonly Dictionary<string, int> _memberIndex = new();
    private string?[] _memberNames = new string?[8];
    private Value[] _memberValues = new Value[8];
    private int _memberCount;
    private PyType[] _bases = [];
    private PyType[] _mro = [];

    // A class's __mro__ holds the class itself: a counted self-reference, so that a class, like CPython's, is always
    // in a cycle and is freed by the collector rather than by its count reaching zero.
    private readonly bool _selfInMro;

    /// <summary>The namespace's names and values (borrowed), in definition order.</summary>
    public IEnumerable<KeyValuePair<string, Value>> Members
    {
        get
        {
            for (int i = 0; i < _memberCount; i++)
            {
                if (_memberNames[i] is { } n)
                {
                    yield return new(n, _memberValues[i]);
                }
            }
        }
    }

    /// <summary><c>__bases__</c>.</summary>
    public PyType[] Bases => _bases;

    /// <summary><c>__mro__</c>.</summary>
    public PyType[] Mro => _mro;

    /// <summary>Finds a name in this type's own namespace (borrowed).</summary>
    public bool TryGetOwn(string name, out Value value)
    {
        if (_memberIndex.TryGetValue(name, out int i))
        {
            value = _memberValues[i];
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Whether this type's own namespace defines <paramref name="name"/>.</summary>
    public bool Defines(string name) => _memberIndex.ContainsKey(name);

    /// <summary>Changes whenever this type's namespace or bases change.</summary>
    public int Version { get; private set; }

    /// <summary>
    /// The newest version handed out to any type: it moves whenever any type is created or any type's namespace,
    /// bases or MRO change. Per-site attribute caches (<see cref="Execution.AttributeSite"/>) are valid while it
    /// holds: a change to a base changes what its subclasses find, and types do not track their subclasses, so one
    /// counter for all types is what keeps a cached subclass look-up honest. Class namespaces rarely change after
    /// start-up, so the caches rarely miss for this reason.
    /// </summary>
    public static int Epoch => Volatile.Read(ref s_nextVersion);

    /// <summary>How <c>object.__new__</c> lays out an instance of this type (inherited from the built-in base).</summary>
    public InstanceFactory? Factory { get; set; }

    /// <summary>Whether instances carry a <c>__dict__</c>.</summary>
    public bool HasInstanceDict { get; set; }

    /// <summary>Whether instances can be weakly referenced.</summary>
    public bool WeakReferenceable { get; set; }

    /// <summary>Names of <c>__slots__</c> when the class declares them.</summary>
    public string[]? Slots { get; set; }

    /// <summary>The only instance attributes allowed when every class of the MRO declares <c>__slots__</c> without
    /// <c>__dict__</c> (instances have no <c>__dict__</c>); null when instances take any attribute.</summary>
    public HashSet<string>? SlotNames { get; set; }

    // Direct subclasses, not counted (CPython keeps weak references): read through LiveSubclasses.
    private readonly List<PyType> _subclasses = new();

    /// <summary><c>__subclasses__()</c>: the live classes that have this one among their bases, oldest first.</summary>
    public IEnumerable<PyType> LiveSubclasses => _subclasses.Where(s => s.IsAlive && s._bases.Contains(this));

    /// <summary>Sets the bases and computes the C3 linearisation.</summary>
    public void SetBases(PyType[] bases)
    {
        foreach (PyType b in bases)
        {
            b._subclasses.RemoveAll(s => !s.IsAlive);
            if (!b._subclasses.Contains(this))
            {
                b._subclasses.Add(this);
            }
        }

        PyType[] mro = C3.Linearize(this, bases);
        foreach (PyType b in bases)
        {
            b.AddRef();
        }

        foreach (PyType t in mro)
        {
            if (t != this || _selfInMro)
            {
                t.AddRef();
            }
        }

        PyType[] oldBases = _bases, oldMro = _mro;
        _bases = bases;
        _mro = mro;
        foreach (PyType b in oldBases)
        {
            b.Release();
        }

        foreach (PyType t in oldMro)
        {
            if (t != this || _selfInMro)
            {
                t.Release();
            }
        }

        Touch();
    }

    /// <summary>Finds a name along the MRO; the value is borrowed.</summary>
    public Value Lookup(string name) => LookupCache.Lookup(this, name);

    /// <summary>The MRO walk behind <see cref="Lookup"/>, without the cache.</summary>
    internal Value LookupUncached(string name)
    {
        foreach (PyType t in Mro)
        {
            if (t._memberIndex.TryGetValue(name, out int i))
            {
                return t._memberValues[i];
            }
        }

        return default;
    }

    /// <summary>Whether this type is <paramref name="other"/> or a subclass of it.</summary>
    public bool IsSubtypeOf(PyType other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        foreach (PyType t in Mro)
        {
            if (ReferenceEquals(t, other))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Sets a member, taking over the caller's reference and releasing the old value.</summary>
    public void SetMember(string name, Value owned)
    {
        if (_memberIndex.TryGetValue(name, out int i))
        {
            Value old = _memberValues[i];
            _memberValues[i] = owned;
            Touch();
            old.Drop();
            return;
        }

        if (_memberCount == _memberValues.Length)
        {
            Array.Resize(ref _memberValues, _memberCount * 2);
            Array.Resize(ref _memberNames, _memberCount * 2);
        }

        _memberNames[_memberCount] = name;
        _memberValues[_memberCount] = owned;
        _memberIndex[name] = _memberCount++;
        Touch();
    }

    /// <summary>Removes a member; false when absent.</summary>
    public bool RemoveMember(string name)
    {
        if (!_memberIndex.Remove(name, out int i))
        {
            return false;
        }

        Value old = _memberValues[i];
        _memberValues[i] = default;
        _memberNames[i] = null;
        Touch();
        old.Drop();
        return true;
    }

    /// <summary>Invalidates caches keyed on this type's version (all types, for simplicity of subclass tracking).</summary>
    public void Touch() => Version = Interlocked.Increment(ref s_nextVersion);

    /// <inheritdoc/>
    protected override void TraverseReferences(ref Visitor visitor)
    {
        base.TraverseReferences(ref visitor);
        foreach (Value v in _memberValues)
        {
            if (v.Obj is PyObject o)
            {
                visitor.Visit(o);
            }
        }

        foreach (PyType t in _mro)
        {
            if (t != this || _selfInMro)
            {
                visitor.Visit(t);
            }
        }

        foreach (PyType t in _bases)
        {
            visitor.Visit(t);
        }
    }

    /// <inheritdoc/>
    protected override void ClearReferences()
    {
        Touch();
        Value[] values = _memberValues;
        int count = _memberCount;
        PyType[] mro = _mro, bases = _bases;
        _memberValues = new Value[8];
        _memberNames = new string?[8];
        _memberIndex.Clear();
        _memberCount = 0;
        _mro = [];
        _bases = [];
        for (int i = 0; i < count; i++)
        {
            values[i].Drop();
        }

        foreach (PyType t in mro)
        {
            if (t != this || _selfInMro)
            {
                t.Release();
            }
        }

        foreach (PyType t in bases)
        {
            t.Release();
        }

        base.ClearReferences();
    }
}

/// <summary>The C3 method resolution order.</summary>
internal static class C3
{
    /// <summary>Linearises <paramref name="type"/> over <paramref name="bases"/>; throws TypeError when impossible.</summary>
    public static PyType[] Linearize(PyType type, PyType[] bases)
    {
        var result = new List<PyType> { type };
        var seqs = new List<List<PyType>>();
        foreach (PyType b in bases)
        {
            seqs.Add([.. b.Mro]);
        }

        seqs.Add([.. bases]);
        while (true)
        {
            seqs.RemoveAll(s => s.Count == 0);
            if (seqs.Count == 0)
            {
                return [.. result];
            }

            PyType? candidate = null;
            foreach (List<PyType> s in seqs)
            {
                PyType head = s[0];
                if (!seqs.Any(o => o.IndexOf(head) > 0))
                {
                    candidate = head;
                    break;
                }
            }

            if (candidate is null)
            {
                string names = string.Join(", ", bases.Select(b => b.Name));
                throw Execution.PyErr.TypeError($"Cannot create a consistent method resolution\norder (MRO) for bases {names}");
            }

            result.Add(candidate);
            foreach (List<PyType> s in seqs)
            {
                if (s.Count > 0 && s[0] == candidate)
                {
                    s.RemoveAt(0);
                }
            }
        }
    }
}
