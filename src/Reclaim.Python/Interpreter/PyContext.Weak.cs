using System.Runtime.CompilerServices;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Interpreter;

internal sealed partial class PyContext
{
    private PyType? _weakRefType;
    private PyType? _weakCallbackType;
    private PyType? _weakProxyType;
    private PyType? _weakCallableProxyType;

    /// <summary><c>weakref.ref</c>'s type.</summary>
    public PyType WeakRefType => _weakRefType ??= NewBuiltinTypeLate("weakref.ReferenceType", t => new PyWeakRef(t));

    /// <summary><c>weakref.ProxyType</c>: proxies to referents that are not callable.</summary>
    public PyType WeakProxyType => _weakProxyType ??= NewProxyType("weakref.ProxyType");

    /// <summary><c>weakref.CallableProxyType</c>: proxies to callable referents.</summary>
    public PyType WeakCallableProxyType => _weakCallableProxyType ??= NewProxyType("weakref.CallableProxyType");

    /// <summary>The internal type of weakref callback holders.</summary>
    public PyType WeakCallbackType => _weakCallbackType ??= NewBuiltinTypeLate("weakcallback", null);

    /// <summary>The Python weakref object for each runtime weak reference (borrowed; the wrapper owns the reference).</summary>
    public ConditionalWeakTable<WeakRef, PyWeakRef> WeakRefWrappers { get; } = new();

    /// <summary><c>atexit</c> registrations: function, args tuple, kwargs dict (all owned).</summary>
    public List<(Value Function, Value Args, Value Kwargs)> AtExit { get; } = new();

    private PyType NewProxyType(string name)
    {
        PyType t = NewBuiltinTypeLate(name, null);
        t.WeakReferenceable = false;
        return t;
    }

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
