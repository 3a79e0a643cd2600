using System.Reflection;
using Reclaim.Python.Compiler;
using Reclaim.Python.Execution;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;
using Reclaim.Python.Syntax.Parsing;

namespace Reclaim.Python.Modules;

/// <summary>Standard modules written in Python and embedded in the assembly (compiled at first import).</summary>
internal static class PythonModules
{
    /// <summary>Imports the embedded module <paramref name="name"/> (new reference).</summary>
    public static Value Create(PyContext ctx, string name)
    {
        using Stream? stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Reclaim.Python.Modules." + name + ".py");
        if (stream is null)
        {
            return default;
        }

        string source = new StreamReader(stream).ReadToEnd();
        string file = "<reclaim>/" + name + ".py";
        ctx.SourceLines[file] = source.Split('\n');
        Code code = CodeGenerator.CompileModule(Parser.ParseModule(source), file);
        PyModule m = BuiltinModules.NewModule(ctx, name);
        m.Dict!.SetOwned(Value.Str("__builtins__"), Value.New(ctx.Builtins));
        ctx.Modules.Set(Value.Str(name), Value.Steal(m));
        var frame = new Frame(code, m.Dict, m.Dict);
        try
        {
            Evaluator.Run(frame, code.Body).Drop();
        }
        catch
        {
            ctx.Modules.Remove(Value.Str(name));
            m.Release();
            throw;
        }

        return Value.Steal(m);
    }
}
