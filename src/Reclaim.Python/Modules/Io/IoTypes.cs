using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Modules.Io;

/// <summary>The classes of <c>_io</c> one interpreter uses, and <c>io.UnsupportedOperation</c> (an OSError and a ValueError).</summary>
internal sealed class IoTypes
{
    private IoTypes(PyContext ctx)
    {
        TextIOWrapper = NewType(ctx, "TextIOWrapper");
        BufferedReader = NewType(ctx, "BufferedReader");
        BufferedWriter = NewType(ctx, "BufferedWriter");
        BufferedRandom = NewType(ctx, "BufferedRandom");
        FileIO = NewType(ctx, "FileIO");
        UnsupportedOperation = ctx.Runtime.AdoptReference(new PyType(ctx.TypeType, "UnsupportedOperation", isHeap: false));
        UnsupportedOperation.SetBases([ctx.ExceptionType("OSError"), ctx.ExceptionType("ValueError")]);
        UnsupportedOperation.Module = "io";
        UnsupportedOperation.Factory = t => new PyBaseException(t);
        UnsupportedOperation.WeakReferenceable = true;
        FileMethods.Install(ctx, this);
        StringIO = MemoryIOMethods.Create(ctx, text: true);
        BytesIO = MemoryIOMethods.Create(ctx, text: false);
    }

    /// <summary><c>_io.StringIO</c>.</summary>
    public PyType StringIO { get; }

    /// <summary><c>_io.BytesIO</c>.</summary>
    public PyType BytesIO { get; }

    /// <summary><c>_io.TextIOWrapper</c>.</summary>
    public PyType TextIOWrapper { get; }

    /// <summary><c>_io.BufferedReader</c>.</summary>
    public PyType BufferedReader { get; }

    /// <summary><c>_io.BufferedWriter</c>.</summary>
    public PyType BufferedWriter { get; }

    /// <summary><c>_io.BufferedRandom</c>.</summary>
    public PyType BufferedRandom { get; }

    /// <summary><c>_io.FileIO</c>.</summary>
    public PyType FileIO { get; }

    /// <summary><c>io.UnsupportedOperation</c>.</summary>
    public PyType UnsupportedOperation { get; }

    /// <summary>Every file class, for installing the methods they share.</summary>
    public IEnumerable<PyType> FileTypes => [TextIOWrapper, BufferedReader, BufferedWriter, BufferedRandom, FileIO];

    /// <summary>The interpreter's classes, made on first use.</summary>
    public static IoTypes Of(PyContext ctx) => ctx.IoTypes ??= new IoTypes(ctx);

    /// <summary>The class of a file of <paramref name="kind"/>.</summary>
    public PyType For(FileKind kind) => kind switch
    {
        FileKind.Text => TextIOWrapper,
        FileKind.BufferedReader => BufferedReader,
        FileKind.BufferedWriter => BufferedWriter,
        FileKind.BufferedRandom => BufferedRandom,
        _ => FileIO,
    };

    private static PyType NewType(PyContext ctx, string name)
    {
        var type = ctx.Runtime.AdoptReference(new PyType(ctx.TypeType, name, isHeap: false));
        type.SetBases([ctx.ObjectType]);
        type.Module = "_io";
        type.WeakReferenceable = true;
        return type;
    }
}
