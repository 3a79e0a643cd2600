using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Modules;

/// <summary>Installs the data-model types and methods that live in their own files (after the basic ones).</summary>
internal static class DataModel
{
    /// <summary>Installs them.</summary>
    public static void Install(PyContext ctx)
    {
        ctx.CreateDataModelTypes();

        // The builtins module: its namespace is the builtins dict. __main__'s __builtins__ is this module; exec() with a
        // globals dict that lacks __builtins__ gets the dict, as in CPython.
        var builtins = ctx.Runtime.AdoptReference(new PyModule(ctx.ModuleType, "builtins"));
        ctx.Builtins.AddRef();
        builtins.Dict = ctx.Builtins;
        ctx.Modules.SetOwned(Value.Str("builtins"), Value.Steal(builtins));
        SetMethods.Install(ctx);
        DictViews.Install(ctx);
        DictMethods.Install(ctx);
        BytesMethods.Install(ctx);
        StrMethodsMore.Install(ctx);
        IntMethods.Install(ctx);
        RangeSliceMethods.Install(ctx);
        foreach ((PyType singletonType, Value singleton) in new[] { (ctx.NoneType, Value.None), (ctx.NotImplementedType, ctx.NotImplemented), (ctx.EllipsisType, ctx.Ellipsis) })
        {
            singletonType.SetMember("__new__", TypeMethods.StaticMethod(ctx, ctx.NewBuiltin("__new__", (a, k) =>
                a.Length > 1 || k is { Count: > 0 } ? throw Execution.PyErr.TypeError($"{singletonType.Name} takes no arguments") : singleton.Dup())));
        }

        ctx.DefMethod(ctx.ExceptionType("SyntaxError"), "__str__", (a, k) => Value.Str(Execution.SyntaxErrors.Str(a[0])));
        ctx.DefMethod(ctx.CodeType, "__repr__", (a, k) =>
        {
            var code = ((PyCode)a[0].Obj!).Code;
            return Value.Str($"<code object {code.Name} at {Execution.Ops.Address(a[0])}, file \"{code.FileName}\", line {Math.Max(1, code.FirstLine)}>");
        });
    }

    /// <summary>A <c>classmethod</c> around a native function that receives the class first.</summary>
    public static Value NativeClassMethod(PyContext ctx, PyType owner, string name, NativeFunction fn) =>
        TypeMethods.ClassMethod(ctx, Value.Steal(ctx.Runtime.AdoptReference(new PyBuiltin(ctx.BuiltinType, name, fn) { IsMethod = true, Owner = owner, TakesClass = true })));
}
