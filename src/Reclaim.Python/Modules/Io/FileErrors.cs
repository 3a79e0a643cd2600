using Reclaim.Python.Execution;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Modules.Io;

/// <summary>
/// The OSError a failed file operation raises, its errno read from the .NET exception, filled through
/// <see cref="Modules.OsErrors.Fill"/> so that it reads as CPython's:
/// <c>FileNotFoundError: [Errno 2] No such file or directory: 'x'</c>.
/// </summary>
internal static class FileErrors
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
        Value exc = ctx.NewException(ctx.ExceptionType(type), []);
        Modules.OsErrors.Fill(ctx, (PyBaseException)exc.Obj!, [Value.Int(errno), Value.Str(text), filename is null ? Value.None : Value.Str(filename)]);
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
