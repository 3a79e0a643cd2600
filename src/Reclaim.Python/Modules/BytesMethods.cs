using Reclaim.Python.Execution;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Modules;

/// <summary><c>bytes</c> and <c>bytearray</c>: construction and the object protocol (items, operators, comparison, repr).</summary>
internal static partial class BytesMethods
{
    /// <summary>Installs both types' methods.</summary>
    public static void Install(PyContext ctx)
    {
        PyType b = ctx.BytesType, ba = ctx.ByteArrayType;
        ctx.Builtins.Set(Value.Str("bytes"), Value.Steal(b));
        ctx.Builtins.Set(Value.Str("bytearray"), Value.Steal(ba));
        b.Factory = t => new PyBytes(t, []);
        ba.Factory = t => new PyBytes(t, []);
        b.SetMember("__new__", TypeMethods.StaticMethod(ctx, ctx.NewBuiltin("__new__", (a, k) => New(a, k, "bytes"))));
        ba.SetMember("__new__", TypeMethods.StaticMethod(ctx, ctx.NewBuiltin("__new__", (a, k) => New(a, k, "bytearray"))));
        ctx.DefMethod(ba, "__init__", (a, k) => Value.None);
        foreach (PyType t in new[] { b, ba })
        {
            ctx.DefMethod(t, "__repr__", (a, k) => Value.Str(Repr(a[0])));
            ctx.DefMethod(t, "__str__", (a, k) => Value.Str(Repr(a[0])));
            ctx.DefMethod(t, "__len__", (a, k) => Value.Int(Data(a[0]).Length));
            ctx.DefMethod(t, "__getitem__", (a, k) => GetItem(a[0], a[1]));
            ctx.DefMethod(t, "__iter__", (a, k) =>
            {
                PyList list = ctx.NewList(Data(a[0]).Length);
                foreach (byte x in Data(a[0]))
                {
                    list.Append(Value.Int(x));
                }

                Value it = Ops.NewIterator(IterKind.Sequence, Value.Steal(list));
                list.Release();
                return it;
            });
            ctx.DefMethod(t, "__contains__", (a, k) => Value.Bool(a[1].IsSmallInt || a[1].IsBool
                ? Data(a[0]).AsSpan().Contains(ByteValue(a[1]))
                : Data(a[0]).AsSpan().IndexOf(BytesLike(a[1])) >= 0));
            ctx.DefMethod(t, "__add__", (a, k) => a[1].Obj is PyBytes o ? Like(a[0], [.. Data(a[0]), .. o.Data]) : throw PyErr.TypeError($"can't concat {Ops.TypeName(a[1])} to {Ops.TypeName(a[0])}"));
            ctx.DefMethod(t, "__mul__", (a, k) => Repeat(a[0], a[1]));
            ctx.DefMethod(t, "__rmul__", (a, k) => Repeat(a[0], a[1]));
            ctx.DefMethod(t, "__mod__", (a, k) => Like(a[0], Codecs.Encode(Formatting.PercentFormat(Codecs.Decode(Data(a[0]), "latin-1", "strict"), a[1]), "latin-1", "strict")));
            ctx.DefMethod(t, "__eq__", (a, k) => Compare(a, c => c == 0));
            ctx.DefMethod(t, "__ne__", (a, k) => Compare(a, c => c != 0));
            ctx.DefMethod(t, "__lt__", (a, k) => Compare(a, c => c < 0));
            ctx.DefMethod(t, "__le__", (a, k) => Compare(a, c => c <= 0));
            ctx.DefMethod(t, "__gt__", (a, k) => Compare(a, c => c > 0));
            ctx.DefMethod(t, "__ge__", (a, k) => Compare(a, c => c >= 0));
            t.SetMember("fromhex", DataModel.NativeClassMethod(ctx, t, "fromhex", (a, k) => FromHex(a)));
        }

        ctx.DefMethod(b, "__hash__", (a, k) => Value.Int(Ops.Hash(Value.Str(Codecs.Decode(Data(a[0]), "latin-1", "strict")))));
        ctx.DefMethod(b, "__bytes__", (a, k) => a[0].Dup());
        ba.SetMember("__hash__", Value.None);
        InstallText(ctx, b, ba);
        InstallMutable(ctx, ba);
    }

    /// <summary>The bytes of a <c>bytes</c>/<c>bytearray</c> value.</summary>
    public static byte[] Data(Value v) => ((PyBytes)v.Obj!).Data;

    /// <summary>The bytes of a bytes-like argument, or TypeError.</summary>
    public static byte[] BytesLike(Value v) =>
        v.Obj is PyBytes pb ? pb.Data : throw PyErr.TypeError($"a bytes-like object is required, not '{Ops.TypeName(v)}'");

    /// <summary>A new <c>bytes</c> (owned).</summary>
    public static Value NewBytes(byte[] data) =>
        Value.Steal(PyContext.Current.Runtime.AdoptReference(new PyBytes(PyContext.Current.BytesType, data)));

    /// <summary>A new bytes or bytearray, as <paramref name="like"/> is (subclasses give the base type).</summary>
    public static Value Like(Value like, byte[] data)
    {
        PyContext ctx = PyContext.Current;
        PyType t = Ops.TypeOf(like).IsSubtypeOf(ctx.ByteArrayType) ? ctx.ByteArrayType : ctx.BytesType;
        return Value.Steal(ctx.Runtime.AdoptReference(new PyBytes(t, data)));
    }

    /// <summary>An int argument as a byte, with CPython's errors.</summary>
    public static byte ByteValue(Value v, string rangeMessage = "byte must be in range(0, 256)")
    {
        if (!(v.IsSmallInt || v.IsBool || v.Obj is BigInt))
        {
            throw PyErr.TypeError($"'{Ops.TypeName(v)}' object cannot be interpreted as an integer");
        }

        return v.IsSmallInt && v.Bits is >= 0 and < 256 || v.IsBool ? (byte)v.Bits : throw PyErr.ValueError(rangeMessage);
    }

    private static string Repr(Value v)
    {
        string body = PyBytes.Literal(Data(v));
        PyType t = Ops.TypeOf(v);
        return t.IsSubtypeOf(PyContext.Current.ByteArrayType) ? $"{t.Name}({body})" : body;
    }

    private static Value New(ReadOnlySpan<Value> a, PyDict? k, string name)
    {
        PyContext ctx = PyContext.Current;
        var type = (PyType)a[0].Obj!;
        Value source = a.Length > 1 ? a[1] : k?.Get("source") ?? default;
        Value encoding = a.Length > 2 ? a[2] : k?.Get("encoding") ?? default;
        Value errors = a.Length > 3 ? a[3] : k?.Get("errors") ?? default;
        byte[] data;
        if (source.IsNull)
        {
            data = [];
        }
        else if (source.Obj is string s)
        {
            if (encoding.IsNull)
            {
                throw PyErr.TypeError("string argument without an encoding");
            }

            data = Codecs.Encode(s, encoding.Obj as string ?? throw PyErr.TypeError($"{name}() argument 'encoding' must be str, not {Ops.TypeName(encoding)}"), errors.Obj as string ?? "strict");
        }
        else if (!encoding.IsNull)
        {
            throw PyErr.TypeError("encoding without a string argument");
        }
        else if (source.IsSmallInt || source.IsBool)
        {
            data = source.Bits >= 0 ? new byte[source.Bits] : throw PyErr.ValueError("negative count");
        }
        else if (source.Obj is PyBytes pb)
        {
            data = [.. pb.Data];
        }
        else if (!Ops.TypeOf(source).Lookup("__bytes__").IsNull && name == "bytes")
        {
            Value r = Ops.CallMethod(Ops.TypeOf(source).Lookup("__bytes__"), source, []);
            if (r.Obj is not PyBytes rb)
            {
                string n = Ops.TypeName(r);
                r.Drop();
                throw PyErr.TypeError($"__bytes__ returned non-bytes (type {n})");
            }

            data = rb.Data;
            r.Drop();
        }
        else
        {
            Value it;
            try
            {
                it = Ops.GetIter(source);
            }
            catch (PyException e) when (e.Object.Type == ctx.ExceptionType("TypeError"))
            {
                e.Exc.Drop();
                throw PyErr.TypeError($"cannot convert '{Ops.TypeName(source)}' object to {name}");
            }

            List<Value> items;
            try
            {
                items = Ops.ToList(it);
            }
            finally
            {
                it.Drop();
            }

            try
            {
                data = new byte[items.Count];
                for (int i = 0; i < data.Length; i++)
                {
                    data[i] = ByteValue(items[i], name == "bytes" ? "bytes must be in range(0, 256)" : "byte must be in range(0, 256)");
                }
            }
            finally
            {
                foreach (Value v in items)
                {
                    v.Drop();
                }
            }
        }

        PyObject? made = type.Factory?.Invoke(type);
        if (made is not PyBytes result)
        {
            throw PyErr.TypeError($"{type.Name} is not a subtype of {name}");
        }

        result.Data = data;
        if (type.IsHeap && type.HasInstanceDict)
        {
            result.EnableAttributes();
        }

        ctx.Runtime.AdoptReference(result);
        Finalizers.EnableDelIfDefined(result);
        return Value.Steal(result);
    }

    private static Value GetItem(Value self, Value key)
    {
        byte[] d = Data(self);
        if (key.IsSmallInt || key.IsBool)
        {
            long i = key.Bits < 0 ? key.Bits + d.Length : key.Bits;
            return i >= 0 && i < d.Length ? Value.Int(d[i]) : throw PyErr.IndexError($"{(Ops.TypeOf(self).IsSubtypeOf(PyContext.Current.ByteArrayType) ? "bytearray index" : "index")} out of range");
        }

        if (key.Obj is PyBox sl && sl.Type == PyContext.Current.SliceType)
        {
            (long start, _, long step, long n) = Slices.Indices(sl, d.Length);
            var r = new byte[n];
            for (long k = 0, j = start; k < n; k++, j += step)
            {
                r[k] = d[j];
            }

            return Like(self, r);
        }

        throw PyErr.TypeError($"byte indices must be integers or slices, not {Ops.TypeName(key)}");
    }

    private static Value Repeat(Value self, Value count)
    {
        if (!(count.IsSmallInt || count.IsBool))
        {
            return PyContext.Current.NotImplemented.Dup();
        }

        byte[] d = Data(self);
        long n = Math.Max(0, count.Bits);
        var r = new byte[d.Length * n];
        for (long i = 0; i < n; i++)
        {
            d.CopyTo(r, i * d.Length);
        }

        return Like(self, r);
    }

    private static Value Compare(ReadOnlySpan<Value> a, Func<int, bool> test) =>
        a[1].Obj is PyBytes other ? Value.Bool(test(Data(a[0]).AsSpan().SequenceCompareTo(other.Data))) : PyContext.Current.NotImplemented.Dup();

    private static Value FromHex(ReadOnlySpan<Value> a)
    {
        string s = a.Length > 1 && a[1].Obj is string str ? str : throw PyErr.TypeError("fromhex() argument must be str");
        var bytes = new List<byte>();
        int i = 0;
        while (i < s.Length)
        {
            if (char.IsWhiteSpace(s[i]))
            {
                i++;
                continue;
            }

            if (i + 1 >= s.Length || !Uri.IsHexDigit(s[i]) || !Uri.IsHexDigit(s[i + 1]))
            {
                int bad = i < s.Length && Uri.IsHexDigit(s[i]) ? i + 1 : i;
                throw PyErr.ValueError($"non-hexadecimal number found in fromhex() arg at position {bad}");
            }

            bytes.Add(Convert.ToByte(s.Substring(i, 2), 16));
            i += 2;
        }

        Value made = NewBytes([.. bytes]);
        if (a[0].Obj is PyType t && t == PyContext.Current.BytesType)
        {
            return made;
        }

        try
        {
            return Ops.Call(a[0], [made], null);
        }
        finally
        {
            made.Drop();
        }
    }
}
