using Reclaim.Python.Execution;
using Reclaim.Python.Execution.Traceback;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Modules;

/// <summary>The modules written in C#: <c>sys</c>, <c>gc</c>, <c>math</c>, <c>time</c>.</summary>
internal static class BuiltinModules
{
    /// <summary>Creates a built-in module by name (new reference), or null when there is none.</summary>
    public static Value Create(PyContext ctx, string name) => name switch
    {
        "sys" => ctx.Modules.Get("sys").Dup(),
        "builtins" => ctx.Modules.Get("builtins").Dup(),
        "gc" => GcModule.Create(ctx),
        "math" => MathModule.Create(ctx),
        "time" => TimeModule.Create(ctx),
        "_weakref" => WeakrefModule.Create(ctx),
        "atexit" => AtexitModule.Create(ctx),
        "weakref" => PythonModules.Create(ctx, "weakref"),
        "io" or "_io" => Io.IoModule.Create(ctx, name),
        _ => default,
    };

    /// <summary>A new module object with an empty namespace.</summary>
    public static PyModule NewModule(PyContext ctx, string name)
    {
        var m = ctx.Runtime.AdoptReference(new PyModule(ctx.ModuleType, name));
        m.Dict = ctx.NewDict();
        m.Dict.SetOwned(Value.Str("__name__"), Value.Str(name));
        return m;
    }

    /// <summary>Adds a function to a module.</summary>
    public static void Def(PyContext ctx, PyModule m, string name, NativeFunction fn) =>
        m.Dict!.SetOwned(Value.Str(name), ctx.NewBuiltin(name, fn));

    /// <summary>Creates <c>sys</c> and registers it in <c>sys.modules</c>.</summary>
    public static void CreateSys(PyContext ctx, IReadOnlyList<string> argv)
    {
        PyModule sys = NewModule(ctx, "sys");
        PyDict d = sys.Dict!;
        PyList args = ctx.NewList();
        foreach (string a in argv)
        {
            args.Append(Value.Str(a));
        }

        d.SetOwned(Value.Str("argv"), Value.Steal(args));
        var outType = ctx.Runtime.AdoptReference(new PyType(ctx.TypeType, "TextIOWrapper", isHeap: false));
        outType.SetBases([ctx.ObjectType]);
        ctx.DefMethod(outType, "write", (a, k) =>
        {
            string s = a[1].Obj as string ?? throw PyErr.TypeError($"write() argument must be str, not {Ops.TypeName(a[1])}");
            ((PyStream)a[0].Obj!).Writer.Write(Codecs.Printable(s));
            return Value.Int(s.Length);
        });
        ctx.DefMethod(outType, "flush", (a, k) =>
        {
            ((PyStream)a[0].Obj!).Writer.Flush();
            return Value.None;
        });
        Value stdout = Value.Steal(ctx.Runtime.AdoptReference(new PyStream(outType, ctx.Stdout)));
        Value stderr = Value.Steal(ctx.Runtime.AdoptReference(new PyStream(outType, ctx.Stderr)));
        outType.Release();
        d.Set(Value.Str("stdout"), stdout);
        d.Set(Value.Str("__stdout__"), stdout);
        d.SetOwned(Value.Str("stderr"), stderr.Dup());
        d.SetOwned(Value.Str("__stderr__"), stderr);
        ctx.SysStdout = stdout;
        stdout.Drop();
        ctx.SysStderr = d.Get("stderr");
        Value stdin = Io.PyStdin.Create(ctx);
        d.SetOwned(Value.Str("stdin"), stdin.Dup());
        d.SetOwned(Value.Str("__stdin__"), stdin);
        d.SetOwned(Value.Str("maxsize"), Value.Int(long.MaxValue));
        d.SetOwned(Value.Str("version"), Value.Str("3.11.7 (reclaim)"));
        d.SetOwned(Value.Str("version_info"), ctx.NewTuple([Value.Int(3), Value.Int(11), Value.Int(7), Value.Str("final"), Value.Int(0)]));
        d.SetOwned(Value.Str("platform"), Value.Str("linux"));
        d.Set(Value.Str("modules"), Value.Steal(ctx.Modules));
        d.SetOwned(Value.Str("path"), Value.Steal(ctx.NewList()));
        Def(ctx, sys, "getrefcount", (a, k) => Value.Int(a[0].Obj is PyObject o ? o.RefCount : 1000));
        Def(ctx, sys, "getrecursionlimit", (a, k) => Value.Int(ctx.RecursionLimit));
        Def(ctx, sys, "setrecursionlimit", (a, k) =>
        {
            long n = Ops.ToIndexBorrowed(a[0]);
            if (n < 1)
            {
                throw PyErr.ValueError("recursion limit must be greater or equal than 1");
            }

            ctx.RecursionLimit = (int)Math.Min(n, PythonThread.MaxDepth);
            return Value.None;
        });
        Def(ctx, sys, "exit", (a, k) =>
        {
            PyType se = ctx.ExceptionType("SystemExit");
            throw new PyException(ctx.NewException(se, a.Length > 0 ? [a[0]] : []));
        });
        Def(ctx, sys, "exc_info", (a, k) =>
        {
            Value e = ctx.HandledException;
            return e.IsNull ? ctx.NewTuple([Value.None, Value.None, Value.None])
                : ctx.NewTuple([Value.New(Ops.TypeOf(e)), e.Dup(), TracebackObjects.Get((PyBaseException)e.Obj!)]);
        });
        Def(ctx, sys, "exception", (a, k) => ctx.HandledException.IsNull ? Value.None : ctx.HandledException.Dup());
        UnraisableHook.Install(ctx, d);
        Def(ctx, sys, "intern", (a, k) => Value.Str(string.Intern(a[0].AsStr)));
        ctx.Modules.SetOwned(Value.Str("sys"), Value.Steal(sys));
    }
}
