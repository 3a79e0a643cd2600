using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Execution;

/// <summary>
/// Errors nobody can catch (in <c>__del__</c>, weakref and gc callbacks, atexit functions) go to
/// <c>sys.unraisablehook</c>, as in CPython: the default hook prints the "Exception ignored in: ..." block; a hook the
/// program installed gets an <c>UnraisableHookArgs</c> object instead.
/// </summary>
internal static class Unraisable
{
    /// <summary>Reports <paramref name="e"/> (and releases it) with a header the caller has already written out.</summary>
    public static void Report(PyContext ctx, string header, PyException e)
    {
        if (!UnraisableHook.TryCallInstalled(ctx, e, Value.None, header))
        {
            WriteDefault(ctx, header, e.Exc);
        }

        e.Exc.Drop();
    }

    /// <summary>Reports <paramref name="e"/> (and releases it) for <paramref name="obj"/> (borrowed): the header is
    /// <c>{errMsg}: {repr(obj)}</c>, <c>errMsg</c> being "Exception ignored in" unless given.</summary>
    public static void Report(PyContext ctx, PyException e, Value obj, string? errMsg = null)
    {
        if (!UnraisableHook.TryCallInstalled(ctx, e, obj, errMsg))
        {
            WriteDefault(ctx, Header(errMsg, obj), e.Exc);
        }

        e.Exc.Drop();
    }

    /// <summary>The first line of the block: <c>{errMsg}: {repr(obj)}</c>, or just the message without an object.</summary>
    public static string Header(string? errMsg, Value obj)
    {
        string msg = errMsg ?? "Exception ignored in";
        return obj.IsNull || obj.IsNone ? msg : msg + ": " + SafeRepr(obj);
    }

    /// <summary>
    /// Writes the block to stderr: the header, then this exception's traceback and last line. CPython's default hook
    /// prints no chained exceptions (<c>__cause__</c>/<c>__context__</c>).
    /// </summary>
    public static void WriteDefault(PyContext ctx, string header, Value exc)
    {
        ctx.Stdout.Flush();
        ctx.Stderr.WriteLine(header);
        ctx.Stderr.Write(Tracebacks.FormatUnchained(exc));
        ctx.Stderr.Flush();
    }

    /// <summary>The repr CPython shows for a function in the header.</summary>
    public static string DescribeCallable(Value f) => f.Obj is PyFunction fn
        ? $"<function {fn.QualName} at {Ops.Address(f)}>"
        : SafeRepr(f);

    private static string SafeRepr(Value obj)
    {
        if (obj.Obj is PyFunction)
        {
            return DescribeCallable(obj);
        }

        try
        {
            return Ops.Repr(obj);
        }
        catch (PyException e)
        {
            e.Exc.Drop();
            return "<object repr() failed>";
        }
    }
}
