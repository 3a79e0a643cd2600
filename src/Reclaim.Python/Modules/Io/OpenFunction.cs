using Reclaim.Python.Execution;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Modules.Io;

/// <summary>
/// <c>open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None)</c>:
/// checks its arguments with CPython's messages, opens the .NET stream and wraps it in the class the mode asks for.
/// </summary>
internal static class OpenFunction
{
    private static readonly string[] s_parameters = ["file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"];

    /// <summary>The built-in.</summary>
    public static Value Open(ReadOnlySpan<Value> a, PyDict? kw)
    {
        PyContext ctx = PyContext.Current;
        Value[] args = Bind(a, kw);
        if (args[0].Obj is not string file)
        {
            throw args[0].Obj is PyBytes
                ? PyErr.TypeError("reclaim: open() takes a str path (bytes paths are not supported)")
                : PyErr.TypeError($"expected str, bytes or os.PathLike object, not {Ops.TypeName(args[0])}");
        }

        string modeText = Text(args[1], "mode", allowNone: false) ?? "r";
        long buffering = args[2].IsNull ? -1 : Ops.ToIndexBorrowed(args[2]);
        string? encoding = Text(args[3], "encoding", allowNone: true);
        string? errors = Text(args[4], "errors", allowNone: true);
        string? newline = Text(args[5], "newline", allowNone: true);
        OpenMode mode = OpenMode.Parse(modeText);
        if (mode.Binary)
        {
            if (encoding is not null)
            {
                throw PyErr.ValueError("binary mode doesn't take an encoding argument");
            }

            if (errors is not null)
            {
                throw PyErr.ValueError("binary mode doesn't take an errors argument");
            }

            if (newline is not null)
            {
                throw PyErr.ValueError("binary mode doesn't take a newline argument");
            }
        }
        else if (buffering == 0)
        {
            throw PyErr.ValueError("can't have unbuffered text I/O");
        }

        if (newline is not (null or "" or "\n" or "\r" or "\r\n"))
        {
            throw PyErr.ValueError($"illegal newline value: {newline}");
        }

        if (encoding is not null)
        {
            Codecs.Normalize(encoding);
        }

        if (!args[7].IsNull && !args[7].IsNone)
        {
            throw PyErr.TypeError("reclaim: open() does not support the 'opener' argument");
        }

        FileStream stream = OpenStream(ctx, file, mode);
        FileKind kind = !mode.Binary ? FileKind.Text
            : buffering == 0 ? FileKind.FileIO
            : mode.Updating ? FileKind.BufferedRandom
            : mode.Reading ? FileKind.BufferedReader
            : FileKind.BufferedWriter;
        string shown = kind == FileKind.Text ? modeText : mode.RawMode;
        var obj = new PyFile(IoTypes.Of(ctx).For(kind), kind, stream, file, shown, mode)
        {
            Encoding = encoding ?? "utf-8",
            Errors = errors ?? "strict",
            Newline = newline,
        };
        return Value.Steal(ctx.Runtime.AdoptReference(obj));
    }

    private static Value[] Bind(ReadOnlySpan<Value> a, PyDict? kw)
    {
        if (a.Length > s_parameters.Length)
        {
            throw PyErr.TypeError($"open() takes at most {s_parameters.Length} arguments ({a.Length} given)");
        }

        var args = new Value[s_parameters.Length];
        a.CopyTo(args);
        for (int i = 0; kw is not null && i < kw.Used; i++)
        {
            if (kw.Keys[i].Obj is not string name || kw.Values[i].IsNull)
            {
                continue;
            }

            int at = Array.IndexOf(s_parameters, name);
            if (at < 0)
            {
                throw PyErr.TypeError($"'{name}' is an invalid keyword argument for open()");
            }

            if (at < a.Length)
            {
                throw PyErr.TypeError($"argument for open() given by name ('{name}') and position ({at + 1})");
            }

            args[at] = kw.Values[i];
        }

        if (args[0].IsNull)
        {
            throw PyErr.TypeError("open() missing required argument 'file' (pos 1)");
        }

        return args;
    }

    private static string? Text(Value v, string name, bool allowNone)
    {
        if (v.IsNull || (allowNone && v.IsNone))
        {
            return null;
        }

        return v.Obj as string ?? throw PyErr.TypeError($"open() argument '{name}' must be str{(allowNone ? " or None" : "")}, not {Ops.TypeName(v)}");
    }

    private static FileStream OpenStream(PyContext ctx, string file, OpenMode mode)
    {
        string path = file.Length == 0 ? file : Path.Combine(ctx.WorkingDirectory ?? Environment.CurrentDirectory, file);
        if (file.Length == 0 || file.Contains('\0', StringComparison.Ordinal))
        {
            throw file.Length == 0 ? FileErrors.Make(FileErrors.NoSuchFile, file) : PyErr.ValueError("embedded null byte");
        }

        if (Directory.Exists(path))
        {
            throw FileErrors.Make(mode.Creating ? FileErrors.FileExists : FileErrors.IsADirectory, file);
        }

        (FileMode fileMode, FileAccess access) = mode switch
        {
            { Creating: true } => (FileMode.CreateNew, mode.Updating ? FileAccess.ReadWrite : FileAccess.Write),
            { Writing: true } => (FileMode.Create, mode.Updating ? FileAccess.ReadWrite : FileAccess.Write),
            { Appending: true } => (FileMode.OpenOrCreate, mode.Updating ? FileAccess.ReadWrite : FileAccess.Write),
            _ => (FileMode.Open, mode.Updating ? FileAccess.ReadWrite : FileAccess.Read),
        };
        try
        {
            var stream = new FileStream(path, fileMode, access, FileShare.ReadWrite | FileShare.Delete, bufferSize: 8192);
            if (mode.Appending)
            {
                stream.Seek(0, SeekOrigin.End);
            }

            return stream;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw FileErrors.Make(FileErrors.FromDotNet(e, path), file);
        }
    }
}
