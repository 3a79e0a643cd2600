using Reclaim.Python.Compiler;
using Reclaim.Python.Execution;
using Reclaim.Python.Modules;
using Reclaim.Python.Objects;
using Reclaim.Python.Syntax.Errors;
using Reclaim.Python.Syntax.Parsing;

namespace Reclaim.Python.Interpreter;

/// <summary>Start-up, running <c>__main__</c>, the exit status and the shutdown sequence.</summary>
internal static class MainModule
{
    /// <summary>The exit status after an uncaught <c>KeyboardInterrupt</c>: 128 + SIGINT, what a shell reports for CPython.</summary>
    public const int InterruptedStatus = 130;

    /// <summary>Runs a program on the calling (big-stack) thread.</summary>
    public static int Run(string source, string fileName, IReadOnlyList<string> argv, TextWriter stdout, TextWriter stderr, TextReader stdin, string? workingDirectory)
    {
        Runtime runtime = Runtime.Create();
        var ctx = new PyContext(runtime, stdout, stderr) { Stdin = stdin, WorkingDirectory = workingDirectory };
        runtime.UnraisableHook = info => ReportHostUnraisable(ctx, info);
        int status;
        try
        {
            Builtins.Install(ctx);
            BuiltinModules.CreateSys(ctx, argv);
            AtexitModule.RegisterStartupCallback(ctx);

            // Start-up allocates several hundred tracked objects; left in generation 0 they would bring the first
            // automatic collection to within a few allocations of the program's start. CPython's start-up has
            // already collected by then, so a program begins with a small gen-0 count: one young collection here.
            ctx.Runtime.Gc.Collect(0);
            ctx.SourceLines[fileName] = source.Split('\n');
            status = RunMain(ctx, source, fileName);
            status = Shutdown(ctx, status);
        }
        finally
        {
            PyContext.Leave();
        }

        return status;
    }

    private static int RunMain(PyContext ctx, string source, string fileName)
    {
        Code code;
        try
        {
            code = CodeGenerator.CompileModule(Parser.ParseModule(source), fileName);
        }
        catch (PythonSyntaxError e)
        {
            ctx.Stdout.Flush();
            ctx.Stderr.Write(e.Format(fileName));
            ctx.Stderr.Flush();
            return 1;
        }
        catch (PyException e)
        {
            return Uncaught(ctx, e);
        }

        PyModule main = BuiltinModules.NewModule(ctx, "__main__");
        PyDict globals = main.Dict!;
        globals.SetOwned(Value.Str("__builtins__"), ctx.Modules.Get("builtins").Dup());
        globals.SetOwned(Value.Str("__file__"), Value.Str(fileName));
        ctx.Modules.SetOwned(Value.Str("__main__"), Value.Steal(main));
        var frame = new Frame(code, globals, globals);
        try
        {
            Evaluator.Run(frame, code.Body).Drop();
            return 0;
        }
        catch (PyException e)
        {
            return Uncaught(ctx, e);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // An interpreter bug must not take the host down: report it as CPython reports a SystemError.
            ctx.Stdout.Flush();
            // No .NET stack trace: the program's author gets one line; RECLAIM_INTERNAL_TRACE=1 shows where.
            ctx.Stderr.WriteLine(InternalError(e));
            return 1;
        }
    }

    /// <summary>Prints an uncaught exception (or honours SystemExit) and gives the exit status.</summary>
    private static int Uncaught(PyContext ctx, PyException e)
    {
        try
        {
            if (e.Object.Type.IsSubtypeOf(ctx.ExceptionType("SystemExit")))
            {
                return SystemExitStatus(ctx, e.Exc);
            }

            ctx.Stdout.Flush();
            ctx.Stderr.Write(Tracebacks.Format(e.Exc));

            // CPython ends an uncaught KeyboardInterrupt by dying of SIGINT: a shell sees 130.
            return e.Object.Type.IsSubtypeOf(ctx.ExceptionType("KeyboardInterrupt")) ? InterruptedStatus : 1;
        }
        finally
        {
            e.Exc.Drop();
        }
    }

    private static int SystemExitStatus(PyContext ctx, Value exc)
    {
        var e = (PyBaseException)exc.Obj!;
        Value code = e.Args.Obj is PyTuple { Count: > 0 } t ? (t.Count == 1 ? t.Items[0] : e.Args) : Value.None;
        if (code.IsNone)
        {
            return 0;
        }

        if (code.IsSmallInt || code.IsBool)
        {
            return (int)code.Bits;
        }

        ctx.Stdout.Flush();
        ctx.Stderr.WriteLine(Ops.StrOf(code));
        return 1;
    }

    /// <summary>The end of the run: module teardown, final collections, flushing (Py_FinalizeEx's order).</summary>
    private static int Shutdown(PyContext ctx, int status)
    {
        AtexitModule.RunExitFunctions(ctx);
        try
        {
            // Py_FinalizeEx collects once (if enabled) while everything still works, then finalize_modules empties
            // sys.modules: from then on CPython's tracebacks show no source lines (linecache can no longer be
            // imported), and forgetting ours does the same. sys.modules lets go of __main__ (only a weak reference
            // is kept), a collection runs, then a module that is still alive has its globals set to None
            // (underscore names first) and a last collection runs. A cycle hanging off a global is therefore
            // finalized at exit, in gc order.
            if (ctx.Runtime.Gc.IsEnabled)
            {
                ctx.Runtime.Gc.Collect();
            }

            ctx.SourceLines.Clear();
            Value main = ctx.Modules.Get("__main__");
            Owned<WeakRef>? watch = main.Obj is PyModule m ? ctx.Runtime.WeakRef(m).ToOwned() : null;
            ctx.Modules.Remove(Value.Str("__main__"));
            ctx.Runtime.Gc.Collect();
            if (watch?.Value.Target is PyModule { Dict: { } globals })
            {
                ClearGlobals(globals, underscoreOnly: true);
                ClearGlobals(globals, underscoreOnly: false);
            }

            watch?.Dispose();
            ctx.Runtime.Gc.Collect();
        }
        catch (PyException e)
        {
            e.Exc.Drop();
        }

        ctx.Stdout.Flush();
        ctx.Stderr.Flush();
        return status;
    }

    private static void ClearGlobals(PyDict globals, bool underscoreOnly)
    {
        for (int i = 0; i < globals.Used; i++)
        {
            if (globals.Keys[i].Obj is string name && name != "__builtins__" && (!underscoreOnly || name.StartsWith('_')))
            {
                Value old = globals.Values[i];
                globals.Values[i] = Value.None;
                old.Drop();
            }
        }
    }

    private static void ReportHostUnraisable(PyContext ctx, UnraisableInfo info)
    {
        if (info.Exception is PyException pe)
        {
            Unraisable.Report(ctx, pe, info.Object is PyObject o ? Value.Steal(o) : Value.None);
            return;
        }

        ctx.Stdout.Flush();
        ctx.Stderr.WriteLine($"Exception ignored in: {info.ObjectType?.Name}");
        ctx.Stderr.WriteLine(InternalError(info.Exception));
    }

    /// <summary>How an interpreter bug is reported: CPython's SystemError line, the .NET trace only on request.</summary>
    private static string InternalError(Exception e)
    {
        string line = $"SystemError: reclaim internal error: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}";
        return Environment.GetEnvironmentVariable("RECLAIM_INTERNAL_TRACE") == "1" ? line + "\n" + e.StackTrace : line;
    }
}
