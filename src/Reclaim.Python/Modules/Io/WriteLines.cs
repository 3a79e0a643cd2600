using Reclaim.Python.Execution;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Modules.Io;

/// <summary><c>writelines</c>, shared by the file classes and the in-memory streams.</summary>
internal static class WriteLines
{
    /// <summary>
    /// Writes each item of <paramref name="lines"/> (borrowed) with <paramref name="write"/>, whose result is dropped.
    /// The items are taken into a list first, as CPython iterates before writing, and all of them are released even
    /// when a write raises.
    /// </summary>
    public static Value Each(Value lines, Func<Value, Value> write)
    {
        List<Value> items = Ops.ToList(lines);
        try
        {
            foreach (Value line in items)
            {
                write(line).Drop();
            }
        }
        finally
        {
            foreach (Value line in items)
            {
                line.Drop();
            }
        }

        return Value.None;
    }
}
