using Reclaim;

namespace Reclaim.Python.Objects;

/// <summary>
/// An instance of a class derived from <c>int</c>, <c>float</c> or <c>str</c>: those values are unboxed (tagged ints,
/// .NET strings) and cannot carry a class, a <c>__dict__</c> or weak references, so a subclass instance holds its base
/// value here. Only subclass instances pay for the box; plain values never see it.
/// </summary>
internal sealed class PyValueBox(PyType type, Value owned) : PyObject(type)
{
    /// <summary>The base value (owned): an int, a float or a str.</summary>
    public Value Inner = owned;

    /// <inheritdoc/>
    protected override void TraverseReferences(ref Visitor visitor)
    {
        base.TraverseReferences(ref visitor);
        if (Inner.Obj is PyObject o)
        {
            visitor.Visit(o);
        }
    }

    /// <inheritdoc/>
    protected override void ClearReferences()
    {
        Value v = Inner;
        Inner = default;
        v.Drop();
        base.ClearReferences();
    }
}
