using Reclaim.Python.Execution;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Modules.Io;

/// <summary>
/// OSError and its subclasses as the C library's errno picks them, with CPython's text:
/// <c>FileNotFoundError: [Errno 2] No such file or directory: 'x'</c>.
/// </summary>
internal static class OsErrors
{
    /// <summary>ENOENT.</summary>
    public const int NoSuchFile = 2;

    /// <summary>EACCES.</summary>
    public const int PermissionDenied = 13;

    /// <summary>EEXIST.</summary>
    public const int FileExists = 17;

    /// <summary>ENOTDIR.</summary>
    public const int NotADirectory = 20;

    /// <summary>EISDIR.</summary>
    public const int IsADirectory = 21;

    /// <summary>EINVAL.</summary>
    public const int InvalidArgument = 22;

    /// <summary>The exception for <paramref name="errno"/>, with <c>errno</c>, <c>strerror</c> and <c>filename</c> set.</summary>
    public static PyException Make(int errno, string? filename)
    {
        PyContext ctx = PyContext.Current;
        (string type, string text) = errno switch
        {
            NoSuchFile => ("FileNotFoundError", "No such file or directory"),
            PermissionDenied => ("PermissionError", "Permission denied"),
            FileExists => ("FileExistsError", "File exists"),
            NotADirectory => ("NotADirectoryError", "Not a directory"),
            IsADirectory => ("IsADirectoryError", "Is a directory"),
            InvalidArgument => ("OSError", "Invalid argument"),
            _ => ("OSError", "Input/output error"),
        };
        Value exc = ctx.NewException(ctx.ExceptionType(type), [Value.Int(errno), Value.Str(text)]);
        Ops.SetAttr(exc, "errno", Value.Int(errno));
        Ops.SetAttr(exc, "strerror", Value.Str(text));
        Ops.SetAttr(exc, "filename", filename is null ? Value.None : Value.Str(filename));
        return new PyException(exc);
    }

    /// <summary>The errno a failed .NET file operation on <paramref name="path"/> stands for.</summary>
    public static int FromDotNet(Exception e, string path) => e switch
    {
        FileNotFoundException => NoSuchFile,
        DirectoryNotFoundException => ParentIsFile(path) ? NotADirectory : NoSuchFile,
        UnauthorizedAccessException => Directory.Exists(path) ? IsADirectory : PermissionDenied,
        IOException when File.Exists(path) || Directory.Exists(path) => FileExists,
        _ => 5,
    };

    /// <summary>The text <c>str()</c> gives an OSError that carries an errno: <c>[Errno 2] text: 'name'</c>.</summary>
    public static string? Describe(Value exc)
    {
        if (exc.Obj is not PyBaseException { Args.Obj: PyTuple { Count: 2 } args } e || !args.Items[0].IsSmallInt)
        {
            return null;
        }

        string text = $"[Errno {args.Items[0].Bits}] {Ops.StrOf(args.Items[1])}";
        Value filename = e.GetAttribute("filename");
        return filename.IsNull || filename.IsNone ? text : $"{text}: {Ops.Repr(filename)}";
    }

    private static bool ParentIsFile(string path)
    {
        for (string? dir = Path.GetDirectoryName(Path.GetFullPath(path)); !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(dir))
            {
                return true;
            }
        }

        return false;
    }
}
