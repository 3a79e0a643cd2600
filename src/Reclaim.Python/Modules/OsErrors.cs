using Reclaim.Python.Execution;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Modules;

/// <summary>
/// OSError as CPython 3.11 builds it on POSIX: <c>OSError(errno, strerror)</c> becomes the subclass its errno names,
/// the arguments fill <c>errno</c>, <c>strerror</c>, <c>filename</c> and <c>filename2</c>, and <c>str()</c> shows
/// <c>[Errno 2] No such file: 'name'</c>. The four values live in the exception's extra state as one tuple.
/// </summary>
internal static class OsErrors
{
    // Linux errno values and the subclass CPython's errnomap gives each (EAGAIN and EWOULDBLOCK are both 11 here).
    private static readonly Dictionary<long, string> SubclassByErrno = new()
    {
        [11] = "BlockingIOError", [114] = "BlockingIOError", [115] = "BlockingIOError",
        [10] = "ChildProcessError",
        [32] = "BrokenPipeError", [108] = "BrokenPipeError",
        [103] = "ConnectionAbortedError",
        [111] = "ConnectionRefusedError",
        [104] = "ConnectionResetError",
        [17] = "FileExistsError",
        [2] = "FileNotFoundError",
        [21] = "IsADirectoryError",
        [20] = "NotADirectoryError",
        [4] = "InterruptedError",
        [13] = "PermissionError", [1] = "PermissionError",
        [3] = "ProcessLookupError",
        [110] = "TimeoutError",
    };

    private static readonly string[] Fields = ["errno", "strerror", "filename", "filename2"];

    /// <summary>Installs OSError's <c>__init__</c>, <c>__str__</c> and the aliases <c>EnvironmentError</c>, <c>IOError</c>.</summary>
    public static void Install(PyContext ctx)
    {
        PyType os = ctx.ExceptionType("OSError");
        ctx.DefMethod(os, "__init__", (a, k) =>
        {
            if (a[0].Obj is PyBaseException e)
            {
                Fill(ctx, e, a[1..]);
            }

            return Value.None;
        });
        ctx.DefMethod(os, "__str__", (a, k) => Value.Str(Str(ctx, (PyBaseException)a[0].Obj!)));
        ctx.Builtins.Set(Value.Str("EnvironmentError"), Value.Steal(os));
        ctx.Builtins.Set(Value.Str("IOError"), Value.Steal(os));
    }

    /// <summary>The class <c>OSError(*args)</c> makes: the errno's subclass when <paramref name="type"/> is OSError itself.</summary>
    public static PyType Refine(PyContext ctx, PyType type, ReadOnlySpan<Value> args)
    {
        if (type != ctx.ExceptionType("OSError") || args.Length is < 2 or > 5 || !(args[0].IsSmallInt || args[0].IsBool))
        {
            return type;
        }

        return SubclassByErrno.TryGetValue(args[0].Bits, out string? name) ? ctx.ExceptionType(name) : type;
    }

    /// <summary>
    /// Parses the constructor's arguments as CPython does: two to five of them set errno, strerror, filename,
    /// (winerror, ignored on POSIX) and filename2, and a filename shortens <c>args</c> to its first two.
    /// </summary>
    public static void Fill(PyContext ctx, PyBaseException e, ReadOnlySpan<Value> args)
    {
        Value[] fields = [Value.None, Value.None, Value.None, Value.None];
        ReadOnlySpan<Value> kept = args;
        if (args.Length is >= 2 and <= 5)
        {
            fields[0] = args[0];
            fields[1] = args[1];
            if (args.Length >= 3 && !args[2].IsNone)
            {
                fields[2] = args[2];
                if (args.Length == 5 && !args[4].IsNone)
                {
                    fields[3] = args[4];
                }

                kept = args[..2];
            }
        }

        PyBaseException.Replace(ref e.Args, ctx.NewTupleOf(kept));
        PyBaseException.Replace(ref e.Extra, ctx.NewTupleOf(fields));
    }

    /// <summary>Reads <c>errno</c>, <c>strerror</c>, <c>filename</c> or <c>filename2</c>; null for other names.</summary>
    public static Value Get(PyBaseException e, string name)
    {
        int i = Array.IndexOf(Fields, name);
        if (i < 0)
        {
            return default;
        }

        return e.Extra.Obj is PyTuple { Count: 4 } t ? t.Items[i].Dup() : Value.None;
    }

    /// <summary>Writes one of the four fields; false for other names.</summary>
    public static bool Set(PyContext ctx, PyBaseException e, string name, Value value)
    {
        int i = Array.IndexOf(Fields, name);
        if (i < 0)
        {
            return false;
        }

        Value[] fields = [Value.None, Value.None, Value.None, Value.None];
        if (e.Extra.Obj is PyTuple { Count: 4 } t)
        {
            t.Items[..4].CopyTo(fields);
        }

        fields[i] = value;
        PyBaseException.Replace(ref e.Extra, ctx.NewTupleOf(fields));
        return true;
    }

    private static string Str(PyContext ctx, PyBaseException e)
    {
        if (e.Extra.Obj is PyTuple { Count: 4 } t)
        {
            Value errno = t.Items[0], strerror = t.Items[1], filename = t.Items[2], filename2 = t.Items[3];
            if (!filename.IsNone)
            {
                string head = $"[Errno {Ops.StrOf(errno)}] {Ops.StrOf(strerror)}: {Ops.Repr(filename)}";
                return filename2.IsNone ? head : $"{head} -> {Ops.Repr(filename2)}";
            }

            if (!errno.IsNone && !strerror.IsNone)
            {
                return $"[Errno {Ops.StrOf(errno)}] {Ops.StrOf(strerror)}";
            }
        }

        Value baseStr = ctx.BaseExceptionType.Lookup("__str__");
        Value s = Ops.CallMethod(baseStr, Value.Steal(e), []);
        try
        {
            return Ops.StrOf(s);
        }
        finally
        {
            s.Drop();
        }
    }
}
