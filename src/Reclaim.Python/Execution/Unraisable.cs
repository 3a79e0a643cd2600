using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Execution;

/// <summary>CPython's "Exception ignored in: ..." report for errors nobody can catch.</summary>
internal static class Unraisable
{
    /// <summary>Writes the block to stderr and releases the exception.</summary>
    public static void Report(PyContext ctx, string header, PyException e)
    {
        ctx.Stdout.Flush();
        ctx.Stderr.WriteLine(header);
        ctx.Stderr.Write(Tracebacks.FormatUnchained(e.Exc));
        e.Exc.Drop();
    }

    /// <summary>The repr CPython shows for a function in the header.</summary>
    public static string DescribeCallable(Value f) => f.Obj is PyFunction fn
        ? $"<function {fn.QualName} at {Ops.Address(f)}>"
        : Ops.Repr(f);
}
