using Reclaim.Python.Compiler;
using Reclaim.Python.Execution;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;
using Reclaim.Python.Syntax.Ast;
using Reclaim.Python.Syntax.Errors;
using Reclaim.Python.Syntax.Parsing;

namespace Reclaim.Python.Modules;

/// <summary><c>compile</c>, <c>exec</c> and <c>eval</c> of source strings and code objects, with globals and locals.</summary>
internal static partial class Builtins
{
    private static Value Compile(ReadOnlySpan<Value> a, PyDict? kw)
    {
        PyContext ctx = PyContext.Current;
        Value source = ArgOrKeyword(a, kw, 0, "source"), file = ArgOrKeyword(a, kw, 1, "filename"), mode = ArgOrKeyword(a, kw, 2, "mode");
        if (source.IsNull || file.IsNull || mode.IsNull)
        {
            throw PyErr.TypeError($"compile() missing required argument '{(source.IsNull ? "source" : file.IsNull ? "filename" : "mode")}' (pos {(source.IsNull ? 1 : file.IsNull ? 2 : 3)})");
        }

        string modeText = mode.Obj as string ?? throw PyErr.TypeError($"compile() argument 'mode' must be str, not {Ops.TypeName(mode)}");
        if (modeText is not ("exec" or "eval" or "single"))
        {
            throw PyErr.ValueError("compile() mode must be 'exec', 'eval' or 'single'");
        }

        string fileName = file.Obj as string ?? (file.Obj is PyBytes fb ? Codecs.Decode(fb.Data, "utf-8", "strict") : throw PyErr.TypeError($"compile() argument 'filename' must be str, not {Ops.TypeName(file)}"));
        Code code = CompileSource(SourceText(source, "compile"), fileName, modeText);
        return Value.Steal(ctx.Runtime.AdoptReference(new PyCode(ctx.CodeType, code, modeText)));
    }

    private static Value ArgOrKeyword(ReadOnlySpan<Value> a, PyDict? kw, int i, string name) => i < a.Length ? a[i] : kw?.Get(name) ?? default;

    private static string SourceText(Value source, string fn) => source.Obj switch
    {
        string s => s,
        PyBytes b => Codecs.Decode(b.Data, "utf-8", "strict"),
        _ => throw PyErr.TypeError($"{fn}() arg 1 must be a string, bytes or code object"),
    };

    /// <summary>Parses and compiles <paramref name="text"/> in a <c>compile()</c> mode; syntax errors become Python <c>SyntaxError</c>s.</summary>
    private static Code CompileSource(string text, string fileName, string mode)
    {
        try
        {
            if (mode == "single")
            {
                Module single = Parser.ParseModule(text);
                if (single.Body.Count > 1)
                {
                    throw new PythonSyntaxError("SyntaxError", "multiple statements found while compiling a single statement", single.Body[0].Lineno, single.Body[0].ColOffset + 1, text.Split('\n')[single.Body[0].Lineno - 1]);
                }

                return CodeGenerator.CompileModule(single, fileName, namespaceNames: true, interactive: true);
            }

            if (mode != "eval")
            {
                return CodeGenerator.CompileModule(Parser.ParseModule(text), fileName, namespaceNames: true, interactive: mode == "single");
            }

            // eval: one expression, leading blanks allowed; it is compiled as `return <expr>` in a module frame.
            Module module = Parser.ParseModule(text.TrimStart(' ', '\t'));
            if (module.Body.Count != 1 || module.Body[0] is not ExprStmt e)
            {
                Stmt? first = module.Body.Count > 0 ? module.Body[0] : null;
                throw new PythonSyntaxError("SyntaxError", "invalid syntax", first?.Lineno ?? 1, (first?.ColOffset ?? 0) + 1, text.Split('\n')[0]);
            }

            var ret = new ReturnStmt(e.Value, e.Lineno, e.ColOffset, e.EndLineno, e.EndColOffset);
            return CodeGenerator.CompileModule(new Module([ret], []), fileName, namespaceNames: true, interactive: false);
        }
        catch (PythonSyntaxError e)
        {
            throw SyntaxErrors.ToPython(e, fileName);
        }
    }

    private static Value Exec(ReadOnlySpan<Value> a, PyDict? kw, bool isEval)
    {
        PyContext ctx = PyContext.Current;
        string fn = isEval ? "eval" : "exec";
        if (a.Length == 0)
        {
            throw PyErr.TypeError($"{fn} expected at least 1 argument, got 0");
        }

        if (a.Length > 3)
        {
            throw PyErr.TypeError($"{fn} expected at most 3 arguments, got {a.Length}");
        }

        Value g = a.Length > 1 ? a[1] : kw?.Get("globals") ?? default;
        Value l = a.Length > 2 ? a[2] : kw?.Get("locals") ?? default;
        if (!g.IsNull && !g.IsNone && g.Obj is not PyDict { } || g.Obj is PySet)
        {
            throw PyErr.TypeError(isEval ? "globals must be a real dict; try eval(expr, {}, mapping)" : $"exec() globals must be a dict, not {Ops.TypeName(g)}");
        }

        if (!l.IsNull && !l.IsNone && l.Obj is not PyDict)
        {
            throw PyErr.TypeError(isEval ? "locals must be a mapping" : $"locals must be a mapping or None, not {Ops.TypeName(l)}");
        }

        Frame? caller = ctx.TopFrame;
        PyDict globals;
        PyDict locals;
        bool ownLocals = false;
        if (g.Obj is PyDict gd)
        {
            globals = gd;
            locals = l.Obj as PyDict ?? gd;
        }
        else
        {
            globals = caller?.Globals ?? throw PyErr.Make("SystemError", "frame does not exist");
            if (l.Obj is PyDict ld)
            {
                locals = ld;
            }
            else
            {
                locals = LocalsOf(ctx, caller);
                ownLocals = true;
            }
        }

        try
        {
            Code code;
            if (a[0].Obj is PyCode pc)
            {
                code = pc.Code;
            }
            else
            {
                if (a[0].Obj is not (string or PyBytes))
                {
                    throw PyErr.TypeError(isEval ? "eval() arg 1 must be a string, bytes or code object" : $"exec() arg 1 must be a string, bytes or code object");
                }

                code = CompileSource(SourceText(a[0], fn), "<string>", isEval ? "eval" : "exec");
            }

            if (globals.Get("__builtins__").IsNull)
            {
                globals.SetOwned(Value.Str("__builtins__"), Value.New(ctx.Builtins));
            }

            Value result = Evaluator.Run(new Frame(code, globals, locals), code.Body);
            if (isEval)
            {
                return result;
            }

            result.Drop();
            return Value.None;
        }
        finally
        {
            if (ownLocals)
            {
                locals.Release();
            }
        }
    }

    private static void Refresh(PyDict d, string name, Value v)
    {
        if (v.IsNull)
        {
            d.Remove(Value.Str(name));
        }
        else
        {
            d.Set(Value.Str(name), v);
        }
    }

    /// <summary>What <c>locals()</c> gives in <paramref name="frame"/>: its namespace, or a new dict of a function's
    /// bound locals and cells (owned by the caller when it is new).</summary>
    public static PyDict LocalsOf(PyContext ctx, Frame frame)
    {
        if (frame.Namespace is { } ns)
        {
            ns.AddRef();
            return ns;
        }

        // As PyFrame_FastToLocals: one dict per frame, each slot's value copied in (an unbound slot removes its key);
        // keys that are not slots (set by exec) stay.
        PyDict d = frame.LocalsSnapshot ??= ctx.NewDict();
        Code code = frame.Code;
        for (int i = 0; i < frame.Locals.Length; i++)
        {
            Refresh(d, code.LocalNames[i], frame.Locals[i]);
        }

        string[] cellNames = [.. code.CellNames, .. code.FreeNames];
        for (int i = 0; i < frame.Cells.Length && i < cellNames.Length; i++)
        {
            Refresh(d, cellNames[i], frame.Cells[i]?.Contents ?? default);
        }

        d.AddRef();
        return d;
    }
}
