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
        SetMethods.Install(ctx);
        DictViews.Install(ctx);
        DictMethods.Install(ctx);
        BytesMethods.Install(ctx);
        StrMethodsMore.Install(ctx);
    }

    /// <summary>A <c>classmethod</c> around a native function that receives the class first.</summary>
    public static Value NativeClassMethod(PyContext ctx, PyType owner, string name, NativeFunction fn) =>
        TypeMethods.ClassMethod(ctx, Value.Steal(ctx.Runtime.AdoptReference(new PyBuiltin(ctx.BuiltinType, name, fn) { IsMethod = true, Owner = owner })));
}
