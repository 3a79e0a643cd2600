using System.Runtime.CompilerServices;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Interpreter;

internal sealed partial class PyContext
{
    private PyType? _weakRefType;
    private PyType? _weakCallbackType;

    /// <summary><c>weakref.ref</c>'s type.</summary>
    public PyType WeakRefType => _weakRefType ??= NewBuiltinTypeLate("weakref.ReferenceType", t => new PyWeakRef(t));

    /// <summary>The internal type of weakref callback holders.</summary>
    public PyType WeakCallbackType => _weakCallbackType ??= NewBuiltinTypeLate("weakcallback", null);

    /// <summary>The Python weakref object for each runtime weak reference (borrowed; the wrapper owns the reference).</summary>
    public ConditionalWeakTable<WeakRef, PyWeakRef> WeakRefWrappers { get; } = new();

    /// <summary><c>atexit</c> registrations: function, args tuple, kwargs dict (all owned).</summary>
    public List<(Value Function, Value Args, Value Kwargs)> AtExit { get; } = new();

    private PyType NewBuiltinTypeLate(string name, InstanceFactory? factory)
    {
        var t = new PyType(TypeType, name, isHeap: false);
        Runtime.AdoptReference(t);
        t.SetBases([ObjectType]);
        t.Factory = factory;
        t.WeakReferenceable = true;
        return t;
    }
}
