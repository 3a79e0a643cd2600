using System.Text;
using Reclaim.Python.Execution;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Modules.Io;

/// <summary>
/// <c>sys.stdin</c>: a read-only text stream over the host's reader, with the reading methods of a text file
/// (<c>read</c>, <c>readline</c>, <c>readlines</c>, iteration). Line ends arrive as the reader gives them.
/// </summary>
internal sealed class PyStdin(PyType type, TextReader reader) : PyObject(type)
{
    /// <summary>Where the text comes from.</summary>
    public TextReader Reader { get; } = reader;

    /// <summary>Makes <c>sys.stdin</c> (owned) over the interpreter's reader.</summary>
    public static Value Create(PyContext ctx)
    {
        var type = ctx.Runtime.AdoptReference(new PyType(ctx.TypeType, "TextIOWrapper", isHeap: false));
        type.SetBases([ctx.ObjectType]);
        type.Module = "_io";
        ctx.DefMethod(type, "read", (a, k) => Value.Str(Self(a).Read(a.Length > 1 && !a[1].IsNone ? Ops.ToIndexBorrowed(a[1]) : -1)));
        ctx.DefMethod(type, "readline", (a, k) => Value.Str(Self(a).ReadLine()));
        ctx.DefMethod(type, "readlines", (a, k) =>
        {
            PyList lines = ctx.NewList();
            for (string line = Self(a).ReadLine(); line.Length > 0; line = Self(a).ReadLine())
            {
                lines.Append(Value.Str(line));
            }

            return Value.Steal(lines);
        });
        ctx.DefMethod(type, "__iter__", (a, k) => a[0].Dup());
        ctx.DefMethod(type, "__next__", (a, k) => Self(a).ReadLine() is { Length: > 0 } line ? Value.Str(line) : throw PyErr.StopIteration(Value.None));
        ctx.DefMethod(type, "readable", (a, k) => Value.True);
        ctx.DefMethod(type, "writable", (a, k) => Value.False);
        ctx.DefMethod(type, "isatty", (a, k) => Value.False);
        ctx.DefMethod(type, "fileno", (a, k) => Value.Int(0));
        ctx.DefMethod(type, "__repr__", (a, k) => Value.Str("<_io.TextIOWrapper name='<stdin>' mode='r' encoding='utf-8'>"));
        var stdin = new PyStdin(type, ctx.Stdin);
        type.Release();
        return Value.Steal(ctx.Runtime.AdoptReference(stdin));
    }

    /// <summary>The data attributes (<c>name</c>, <c>mode</c>…): a new reference, or null.</summary>
    public static Value Attribute(string name) => name switch
    {
        "name" => Value.Str("<stdin>"),
        "mode" => Value.Str("r"),
        "encoding" => Value.Str("utf-8"),
        "errors" => Value.Str("strict"),
        "closed" => Value.False,
        _ => default,
    };

    /// <summary>One line with its <c>\n</c>, or <c>""</c> at the end.</summary>
    public string ReadLine()
    {
        var sb = new StringBuilder();
        for (int c = Reader.Read(); c >= 0; c = Reader.Read())
        {
            sb.Append((char)c);
            if (c == '\n')
            {
                break;
            }
        }

        return sb.ToString();
    }

    private string Read(long count)
    {
        if (count < 0)
        {
            return Reader.ReadToEnd();
        }

        var buffer = new char[count];
        int total = 0;
        while (total < count)
        {
            int read = Reader.Read(buffer, total, (int)count - total);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return new string(buffer, 0, total);
    }

    private static PyStdin Self(ReadOnlySpan<Value> a) =>
        a.Length > 0 && a[0].Obj is PyStdin s ? s : throw PyErr.TypeError("descriptor requires a '_io.TextIOWrapper' object");
}
