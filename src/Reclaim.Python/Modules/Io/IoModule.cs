using Reclaim.Python.Execution;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Modules.Io;

/// <summary>The <c>io</c> and <c>_io</c> modules: <c>open</c>, the file classes, <c>UnsupportedOperation</c>, the <c>SEEK_*</c> constants.</summary>
internal static class IoModule
{
    /// <summary>Creates the module <paramref name="name"/> (<c>io</c> or <c>_io</c>); a new reference.</summary>
    public static Value Create(PyContext ctx, string name)
    {
        IoTypes types = IoTypes.Of(ctx);
        PyModule m = BuiltinModules.NewModule(ctx, name);
        PyDict d = m.Dict!;
        d.SetOwned(Value.Str("open"), ctx.Builtins.Get("open").Dup());
        foreach (PyType t in types.FileTypes.Append(types.UnsupportedOperation).Append(types.StringIO).Append(types.BytesIO))
        {
            d.SetOwned(Value.Str(t.Name), Value.New(t));
        }

        d.SetOwned(Value.Str("SEEK_SET"), Value.Int(0));
        d.SetOwned(Value.Str("SEEK_CUR"), Value.Int(1));
        d.SetOwned(Value.Str("SEEK_END"), Value.Int(2));
        d.SetOwned(Value.Str("DEFAULT_BUFFER_SIZE"), Value.Int(8192));
        return Value.Steal(m);
    }

    /// <summary><c>io.UnsupportedOperation</c> with <paramref name="message"/>.</summary>
    public static PyException Unsupported(string message)
    {
        PyContext ctx = PyContext.Current;
        return new PyException(ctx.NewException(IoTypes.Of(ctx).UnsupportedOperation, [Value.Str(message)]));
    }
}
