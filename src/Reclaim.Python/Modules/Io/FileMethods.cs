using Reclaim.Python.Execution;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Modules.Io;

/// <summary>The methods of the <c>_io</c> file classes: reading, writing, positions, closing, iteration, context management.</summary>
internal static class FileMethods
{
    /// <summary>Installs them on every file class.</summary>
    public static void Install(PyContext ctx, IoTypes types)
    {
        foreach (PyType t in types.FileTypes)
        {
            ctx.DefMethod(t, "read", (a, k) => Read(Self(a), Size(a, 1)));
            ctx.DefMethod(t, "readline", (a, k) => ReadLine(Self(a), Size(a, 1)));
            ctx.DefMethod(t, "readlines", (a, k) => ReadLines(ctx, Self(a), Size(a, 1)));
            ctx.DefMethod(t, "write", (a, k) => Write(Self(a), Builtins.Arg(a, 1, "write")));
            ctx.DefMethod(t, "writelines", (a, k) => WriteLines(Self(a), Builtins.Arg(a, 1, "writelines")));
            ctx.DefMethod(t, "seek", (a, k) => Value.Int(Self(a).Seek(Ops.ToIndexBorrowed(Builtins.Arg(a, 1, "seek")), a.Length > 2 ? (int)Ops.ToIndexBorrowed(a[2]) : 0)));
            ctx.DefMethod(t, "tell", (a, k) => Value.Int(Self(a).Tell()));
            ctx.DefMethod(t, "truncate", (a, k) => Value.Int(Self(a).Truncate(a.Length > 1 && !a[1].IsNone ? Ops.ToIndexBorrowed(a[1]) : null)));
            ctx.DefMethod(t, "flush", (a, k) => Done(Self(a).Flush));
            ctx.DefMethod(t, "close", (a, k) => Done(Self(a).Close));
            ctx.DefMethod(t, "fileno", (a, k) => Value.Int(Open(a, fullStop: false).Stream.SafeFileHandle.DangerousGetHandle().ToInt64()));
            // A buffered layer that cannot read (or write) at all says so even when closed; FileIO checks first.
            ctx.DefMethod(t, "readable", (a, k) => Value.Bool(Capability(a, f => f.Parsed.Readable)));
            ctx.DefMethod(t, "writable", (a, k) => Value.Bool(Capability(a, f => f.Parsed.Writable)));
            ctx.DefMethod(t, "seekable", (a, k) => Value.Bool(Open(a, fullStop: false).Stream.CanSeek));
            ctx.DefMethod(t, "isatty", (a, k) =>
            {
                Open(a, fullStop: false);
                return Value.False;
            });
            ctx.DefMethod(t, "__enter__", (a, k) => Value.New(Open(a, fullStop: true)));
            ctx.DefMethod(t, "__exit__", (a, k) => Done(Self(a).Close));
            ctx.DefMethod(t, "__iter__", (a, k) => Value.New(Open(a, fullStop: true)));
            ctx.DefMethod(t, "__next__", (a, k) => Next(Self(a)));
            ctx.DefMethod(t, "__repr__", (a, k) => Value.Str(Repr(Self(a))));
        }
    }

    /// <summary>The data attributes of a file object (<c>name</c>, <c>mode</c>, <c>closed</c>…): a new reference, or null.</summary>
    public static Value Attribute(PyFile f, string name) => name switch
    {
        "name" => Value.Str(f.Name),
        "mode" => Value.Str(f.Mode),
        "closed" => Value.Bool(f.Closed),
        "encoding" when f.IsText => Value.Str(f.Encoding),
        "errors" when f.IsText => Value.Str(f.Errors),
        "newlines" when f.IsText => Value.None,
        "line_buffering" when f.IsText => Value.False,
        "closefd" when f.Kind == FileKind.FileIO => Value.True,
        _ => default,
    };

    /// <summary>The next line for iteration; false at the end.</summary>
    public static bool TryNextLine(PyFile f, out Value line)
    {
        _ = f.Stream;
        line = f.IsText ? Value.Str(f.ReadTextLine()) : BytesMethods.NewBytes(f.ReadBytesLine());
        bool more = f.IsText ? line.AsStr.Length > 0 : ((PyBytes)line.Obj!).Data.Length > 0;
        if (!more)
        {
            line.Drop();
            line = default;
        }

        return more;
    }

    private static PyFile Self(ReadOnlySpan<Value> a) =>
        a.Length > 0 && a[0].Obj is PyFile f ? f : throw PyErr.TypeError("descriptor requires an '_io' file object");

    private static PyFile Open(ReadOnlySpan<Value> a, bool fullStop)
    {
        PyFile f = Self(a);
        return f.Closed ? throw f.ClosedError(fullStop) : f;
    }

    private static bool Capability(ReadOnlySpan<Value> a, Func<PyFile, bool> has)
    {
        PyFile f = Self(a);
        return f.Kind != FileKind.FileIO && !f.Parsed.Updating && !has(f) ? false : has(Open(a, fullStop: false));
    }

    private static Value Done(Action action)
    {
        action();
        return Value.None;
    }

    private static long Size(ReadOnlySpan<Value> a, int at)
    {
        if (a.Length <= at || a[at].IsNone)
        {
            return -1;
        }

        return a[at].IsSmallInt || a[at].IsBool
            ? a[at].Bits
            : throw PyErr.TypeError($"argument should be integer or None, not '{Ops.TypeName(a[at])}'");
    }

    private static Value Read(PyFile f, long size) =>
        f.IsText ? Value.Str(f.ReadText(size)) : BytesMethods.NewBytes(f.ReadBytes(size));

    private static Value ReadLine(PyFile f, long size) =>
        f.IsText ? Value.Str(f.ReadTextLine(size)) : BytesMethods.NewBytes(f.ReadBytesLine(size));

    private static Value ReadLines(PyContext ctx, PyFile f, long hint)
    {
        PyList lines = ctx.NewList();
        long total = 0;
        while (TryNextLine(f, out Value line))
        {
            total += line.Obj is string s ? s.Length : ((PyBytes)line.Obj!).Data.Length;
            lines.Append(line);
            if (hint > 0 && total >= hint)
            {
                break;
            }
        }

        return Value.Steal(lines);
    }

    private static Value Write(PyFile f, Value data)
    {
        if (f.IsText)
        {
            string s = data.Obj as string ?? throw PyErr.TypeError($"write() argument must be str, not {Ops.TypeName(data)}");
            f.WriteText(s);
            return Value.Int(CodePoints(s));
        }

        byte[] bytes = BytesMethods.BytesLike(data);
        f.WriteBytes(bytes);
        return Value.Int(bytes.Length);
    }

    // write() counts characters as Python does: a surrogate pair of the .NET string is one.
    private static int CodePoints(string s)
    {
        int count = s.Length;
        for (int i = 1; i < s.Length; i++)
        {
            if (char.IsLowSurrogate(s[i]) && char.IsHighSurrogate(s[i - 1]))
            {
                count--;
            }
        }

        return count;
    }

    private static Value WriteLines(PyFile f, Value lines)
    {
        _ = f.Stream;
        return Io.WriteLines.Each(lines, line => Write(f, line));
    }

    private static Value Next(PyFile f)
    {
        if (f.Closed)
        {
            throw f.ClosedError();
        }

        return TryNextLine(f, out Value line) ? line : throw PyErr.StopIteration(Value.None);
    }

    private static string Repr(PyFile f)
    {
        string name = Ops.Repr(Value.Str(f.Name));
        return f.Kind switch
        {
            FileKind.Text => $"<_io.TextIOWrapper name={name} mode={Ops.Repr(Value.Str(f.Mode))} encoding={Ops.Repr(Value.Str(f.Encoding))}>",
            FileKind.FileIO when f.Closed => "<_io.FileIO [closed]>",
            FileKind.FileIO => $"<_io.FileIO name={name} mode={Ops.Repr(Value.Str(f.Mode))} closefd=True>",
            _ => $"<_io.{f.Type.Name} name={name}>",
        };
    }
}
