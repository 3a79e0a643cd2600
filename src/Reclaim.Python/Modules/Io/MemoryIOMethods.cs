using Reclaim.Python.Execution;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Modules.Io;

/// <summary>
/// The classes <c>io.StringIO</c> and <c>io.BytesIO</c> and their methods. The two differ where CPython's differ:
/// StringIO only seeks relative to the start, accepts str and leaves the full stop off most closed-file errors;
/// BytesIO seeks anywhere, accepts any bytes-like object and iterates even when closed.
/// </summary>
internal static class MemoryIOMethods
{
    /// <summary>Makes the class <c>_io.StringIO</c> (<paramref name="text"/>) or <c>_io.BytesIO</c>.</summary>
    public static PyType Create(PyContext ctx, bool text)
    {
        var t = ctx.Runtime.AdoptReference(new PyType(ctx.TypeType, text ? "StringIO" : "BytesIO", isHeap: false));
        t.SetBases([ctx.ObjectType]);
        t.Module = "_io";
        t.WeakReferenceable = true;
        t.Factory = type => new PyMemoryIO(type, text);
        bool stop = !text; // whether this class's own closed-file errors end with a full stop
        ctx.DefMethod(t, "__init__", (a, k) => Init(Self(a), a, k));
        ctx.DefMethod(t, "getvalue", (a, k) => Open(a, stop).ToValue(Self(a).All()));
        ctx.DefMethod(t, "read", (a, k) => Open(a, stop).ToValue(Self(a).Read(Size(a, 1))));
        ctx.DefMethod(t, "read1", (a, k) => Open(a, stop).ToValue(Self(a).Read(Size(a, 1))));
        ctx.DefMethod(t, "readline", (a, k) => Open(a, stop).ToValue(Self(a).ReadLine(Size(a, 1))));
        ctx.DefMethod(t, "readlines", (a, k) => ReadLines(ctx, Open(a, stop), Size(a, 1)));
        ctx.DefMethod(t, "write", (a, k) => Write(Open(a, stop), Builtins.Arg(a, 1, "write")));
        ctx.DefMethod(t, "writelines", (a, k) => WriteLines(Open(a, stop), Builtins.Arg(a, 1, "writelines")));
        ctx.DefMethod(t, "seek", (a, k) => Value.Int(Seek(Open(a, stop), Ops.ToIndexBorrowed(Builtins.Arg(a, 1, "seek")), a.Length > 2 ? Ops.ToIndexBorrowed(a[2]) : 0)));
        ctx.DefMethod(t, "tell", (a, k) => Value.Int(Open(a, stop).Position));
        ctx.DefMethod(t, "truncate", (a, k) => Value.Int(Truncate(Open(a, stop), a.Length > 1 && !a[1].IsNone ? TruncateSize(a[1]) : null)));
        ctx.DefMethod(t, "close", (a, k) =>
        {
            Self(a).Close();
            return Value.None;
        });
        ctx.DefMethod(t, "flush", (a, k) =>
        {
            // StringIO's flush is the base class's no-op; BytesIO's checks first.
            if (!text)
            {
                Open(a, true);
            }

            return Value.None;
        });
        foreach (string name in new[] { "readable", "writable", "seekable" })
        {
            ctx.DefMethod(t, name, (a, k) => Bool(Open(a, stop), true));
        }

        ctx.DefMethod(t, "isatty", (a, k) => Bool(Open(a, true), false));
        ctx.DefMethod(t, "fileno", (a, k) => throw IoModule.Unsupported("fileno"));
        ctx.DefMethod(t, "__enter__", (a, k) => Value.New(Open(a, true)));
        ctx.DefMethod(t, "__exit__", (a, k) =>
        {
            Self(a).Close();
            return Value.None;
        });
        ctx.DefMethod(t, "__iter__", (a, k) => text ? Value.New(Open(a, true)) : a[0].Dup());
        ctx.DefMethod(t, "__next__", (a, k) => Next(Open(a, stop)));
        ctx.DefMethod(t, "__repr__", (a, k) => Value.Str($"<_io.{t.Name} object at {Ops.Address(a[0])}>"));
        DefGetter(ctx, t, "closed", m => Value.Bool(m.Closed));
        if (text)
        {
            DefGetter(ctx, t, "line_buffering", m => Bool(Open(m, false), false));
            DefGetter(ctx, t, "newlines", m => Value.None);
        }

        return t;
    }

    // A read-only data attribute, made as a property whose getter is a built-in, so lookup goes the usual way.
    private static void DefGetter(PyContext ctx, PyType t, string name, Func<PyMemoryIO, Value> get)
    {
        var p = new PyBox(ctx.PropertyType, 4);
        p.Slots[0] = ctx.NewBuiltin(name, (a, k) => get(Self(a)));
        p.Slots[1] = Value.None;
        p.Slots[2] = Value.None;
        p.Slots[3] = Value.None;
        t.SetMember(name, Value.Steal(ctx.Runtime.AdoptReference(p)));
    }

    // truncate's size: an int (or int subclass), refused with the io classes' own message otherwise.
    private static long TruncateSize(Value borrowed)
    {
        if (!(borrowed.IsSmallInt || borrowed.IsBool || borrowed.Obj is BigInt || borrowed.Obj is PyValueBox { Inner.IsSmallInt: true }))
        {
            throw PyErr.TypeError($"argument should be integer or None, not '{Ops.TypeName(borrowed)}'");
        }

        return Ops.ToIndexBorrowed(borrowed);
    }

    private static PyMemoryIO Self(ReadOnlySpan<Value> a) =>
        a.Length > 0 && a[0].Obj is PyMemoryIO m ? m : throw PyErr.TypeError("descriptor requires an '_io.StringIO' or '_io.BytesIO' object");

    private static PyMemoryIO Open(ReadOnlySpan<Value> a, bool fullStop) => Open(Self(a), fullStop);

    private static PyMemoryIO Open(PyMemoryIO m, bool fullStop)
    {
        m.CheckOpen(fullStop);
        return m;
    }

    private static Value Bool(PyMemoryIO m, bool value) => Value.Bool(value);

    private static Value Init(PyMemoryIO m, ReadOnlySpan<Value> a, PyDict? k)
    {
        Value initial = a.Length > 1 ? a[1] : k?.Get(Value.Str(m.IsText ? "initial_value" : "initial_bytes")) ?? default;
        m.Truncate(0);
        m.Position = 0;
        if (!initial.IsNull && !initial.IsNone)
        {
            if (m.IsText && initial.Obj is not string)
            {
                throw PyErr.TypeError($"initial_value must be str or None, not {Ops.TypeName(initial)}");
            }

            m.Write(Units(m, initial));
            m.Position = 0;
        }

        return Value.None;
    }

    private static List<int> Units(PyMemoryIO m, Value data)
    {
        if (m.IsText)
        {
            string s = data.Obj as string ?? throw PyErr.TypeError($"string argument expected, got '{Ops.TypeName(data)}'");
            return PyMemoryIO.CodePoints(s);
        }

        byte[] bytes = BytesMethods.BytesLike(data);
        var units = new List<int>(bytes.Length);
        foreach (byte b in bytes)
        {
            units.Add(b);
        }

        return units;
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

    private static Value Write(PyMemoryIO m, Value data)
    {
        List<int> units = Units(m, data);
        m.Write(units);
        return Value.Int(units.Count);
    }

    private static Value WriteLines(PyMemoryIO m, Value lines) => Io.WriteLines.Each(lines, line => Write(m, line));

    private static Value ReadLines(PyContext ctx, PyMemoryIO m, long hint)
    {
        PyList lines = ctx.NewList();
        long total = 0;
        for (List<int> line = m.ReadLine(-1); line.Count > 0; line = m.ReadLine(-1))
        {
            lines.Append(m.ToValue(line));
            total += line.Count;
            if (hint > 0 && total >= hint)
            {
                break;
            }
        }

        return Value.Steal(lines);
    }

    private static Value Next(PyMemoryIO m)
    {
        List<int> line = m.ReadLine(-1);
        return line.Count > 0 ? m.ToValue(line) : throw PyErr.StopIteration(Value.None);
    }

    private static long Seek(PyMemoryIO m, long offset, long whence)
    {
        if (whence is < 0 or > 2)
        {
            throw PyErr.ValueError($"{(m.IsText ? "Invalid" : "invalid")} whence ({whence}, should be 0, 1 or 2)");
        }

        if (m.IsText)
        {
            if (whence == 0 && offset < 0)
            {
                throw PyErr.ValueError($"Negative seek position {offset}");
            }

            if (whence != 0 && offset != 0)
            {
                throw PyErr.Make("OSError", "Can't do nonzero cur-relative seeks");
            }

            m.Position = whence switch { 0 => offset, 1 => m.Position, _ => m.Length };
            return m.Position;
        }

        if (whence == 0 && offset < 0)
        {
            throw PyErr.ValueError($"negative seek value {offset}");
        }

        // Relative seeks that would land before the start stop at the start, as CPython's BytesIO does.
        long target = whence switch { 0 => offset, 1 => m.Position + offset, _ => m.Length + offset };
        m.Position = Math.Max(0, target);
        return m.Position;
    }

    private static long Truncate(PyMemoryIO m, long? size)
    {
        long n = size ?? m.Position;
        if (n < 0)
        {
            throw PyErr.ValueError($"{(m.IsText ? "Negative" : "negative")} size value {n}");
        }

        return m.Truncate(n);
    }
}
