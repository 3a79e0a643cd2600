using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Execution;

/// <summary>Runs <c>__del__</c> for the runtime's finalizer hook and reports its errors as CPython's unraisable block.</summary>
internal static class Finalizers
{
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
