using System.Runtime.CompilerServices;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Interpreter;

internal sealed partial class PyContext
{
    private readonly ConditionalWeakTable<PyObject, object> _ids = new();
    private long _nextId = 0x7f1000000000L;

    /// <summary>A unique, stable number for an object while it lives (what <c>id()</c> returns).</summary>
    public long IdOf(PyObject o)
    {
        object boxed = _ids.GetValue(o, _ => _nextId += 0x40);
        return (long)boxed;
    }
}
