using Reclaim.Python.Compiler;
using Reclaim.Python.Execution;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;
using Reclaim.Python.Syntax.Parsing;

namespace Reclaim.Python.Modules;

internal static partial class Builtins
{
    private static Value Exec(ReadOnlySpan<Value> a, bool isEval)
    {
        PyContext ctx = PyContext.Current;
        if (a.Length == 0 || a[0].Obj is not string source)
        {
            throw PyErr.TypeError($"{(isEval ? "eval" : "exec")}() arg 1 must be a string");
        }

        PyDict globals = a.Length > 1 && a[1].Obj is PyDict g ? g : ctx.TopFrame!.Globals;
        if (globals.Get("__builtins__").IsNull)
        {
            globals.SetOwned(Value.Str("__builtins__"), Value.New(ctx.Builtins));
        }

        string text = isEval ? "__reclaim_eval_result__ = (" + source.Trim() + "\n)" : source;
        Code code = CodeGenerator.CompileModule(Parser.ParseModule(text), "<string>");
        var frame = new Frame(code, globals, globals);
        Evaluator.Run(frame, code.Body).Drop();
        if (!isEval)
        {
            return Value.None;
        }

        globals.Remove(Value.Str("__reclaim_eval_result__"), out Value k, out Value v);
        k.Drop();
        return v;
    }
}
