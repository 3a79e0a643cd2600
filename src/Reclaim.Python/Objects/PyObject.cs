using Reclaim;

namespace Reclaim.Python.Objects;

/// <summary>
/// Every Python heap object: a Reclaim object that knows its Python type and, for instances of classes, carries its
/// <c>__dict__</c>. An instance of a class (a heap type) holds a counted reference to the class, as CPython's do.
/// </summary>
[FinalizerOnRequest]
internal partial class PyObject : RcObject
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
