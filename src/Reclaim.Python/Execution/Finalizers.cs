using Reclaim;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Execution;

/// <summary>Runs <c>__del__</c> for the runtime's finalizer hook and reports its errors as CPython's unraisable block.</summary>
internal static class Finalizers
{
    /// <summary>Turns on the finalizer of a new (adopted) instance of a class that has <c>__del__</c>.</summary>
    public static void EnableDelIfDefined(PyObject obj)
    {
        if (obj.Type.IsHeap && !obj.Type.Lookup("__del__").IsNull)
        {
            obj.EnableDel();
        }
    }

    /// <summary>
    /// <c>C.__del__ = f</c>: the instances that already exist of <paramref name="type"/> and its subclasses start
    /// calling it when they die, as CPython's shared finalizer slot makes them. It walks the collector's objects, a
    /// cost paid by the assignment (rare), so that instances of classes without <c>__del__</c> never take the
    /// finalizer path. Instances are containers, so the collector knows every one of them.
    /// </summary>
    public static void ClassGainedDel(PyType type)
    {
        PyContext ctx = PyContext.Current;
        foreach (RcObject candidate in ctx.Runtime.Gc.GetObjects())
        {
            if (candidate is PyObject { IsAlive: true } o && o is not PyType && o.Type.IsSubtypeOf(type))
            {
                o.EnableDel();
            }
        }
    }

    /// <summary>Calls <c>obj.__del__()</c>; an exception becomes an unraisable report.</summary>
    public static void CallDel(PyObject obj)
    {
        PyContext ctx = PyContext.Current;
        Value del = obj.Type.Lookup("__del__");
        if (del.IsNull)
        {
            return;
        }

        Value self = Value.Steal(obj);
        try
        {
            Ops.CallMethod(del, self, []).Drop();
        }
        catch (PyException e)
        {
            Unraisable.Report(ctx, e, del);
        }
    }
}
