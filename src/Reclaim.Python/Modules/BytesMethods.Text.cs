using System.Text;
using Reclaim.Python.Execution;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Modules;

/// <summary>The str-like methods of bytes and bytearray (ASCII-only case rules, as CPython's) and bytearray's mutators.</summary>
internal static partial class BytesMethods
{
    private static readonly byte[] s_whitespace = " \t\n\r\x0b\x0c"u8.ToArray();

    private static void InstallText(PyContext ctx, params PyType[] types)
    {
        foreach (PyType t in types)
        {
            ctx.DefMethod(t, "decode", (a, k) =>
            {
                Value enc = a.Length > 1 ? a[1] : k?.Get("encoding") ?? default;
                Value err = a.Length > 2 ? a[2] : k?.Get("errors") ?? default;
                return Value.Str(Codecs.Decode(Data(a[0]), enc.Obj as string ?? "utf-8", err.Obj as string ?? "strict"));
            });
            ctx.DefMethod(t, "hex", (a, k) =>
            {
                string hex = Convert.ToHexStringLower(Data(a[0]));
                if (a.Length > 1 && a[1].Obj is string sep && sep.Length > 0 && hex.Length > 0)
                {
                    hex = string.Join(sep, Enumerable.Range(0, hex.Length / 2).Select(i => hex.Substring(i * 2, 2)));
                }

                return Value.Str(hex);
            });
            ctx.DefMethod(t, "upper", (a, k) => Like(a[0], [.. Data(a[0]).Select(x => x is >= (byte)'a' and <= (byte)'z' ? (byte)(x - 32) : x)]));
            ctx.DefMethod(t, "lower", (a, k) => Like(a[0], [.. Data(a[0]).Select(x => x is >= (byte)'A' and <= (byte)'Z' ? (byte)(x + 32) : x)]));
            ctx.DefMethod(t, "swapcase", (a, k) => Like(a[0], [.. Data(a[0]).Select(x => x is >= (byte)'a' and <= (byte)'z' ? (byte)(x - 32) : x is >= (byte)'A' and <= (byte)'Z' ? (byte)(x + 32) : x)]));
            ctx.DefMethod(t, "strip", (a, k) => Strip(a, true, true));
            ctx.DefMethod(t, "lstrip", (a, k) => Strip(a, true, false));
            ctx.DefMethod(t, "rstrip", (a, k) => Strip(a, false, true));
            ctx.DefMethod(t, "split", (a, k) => Split(ctx, a, k));
            ctx.DefMethod(t, "join", (a, k) =>
            {
                var sb = new List<byte>();
                int i = 0;
                foreach (Value item in Ops.ToList(a[1]))
                {
                    try
                    {
                        if (item.Obj is not PyBytes part)
                        {
                            throw PyErr.TypeError($"sequence item {i}: expected a bytes-like object, {Ops.TypeName(item)} found");
                        }

                        if (i++ > 0)
                        {
                            sb.AddRange(Data(a[0]));
                        }

                        sb.AddRange(part.Data);
                    }
                    finally
                    {
                        item.Drop();
                    }
                }

                return Like(a[0], [.. sb]);
            });
            ctx.DefMethod(t, "startswith", (a, k) => Value.Bool(Affix(a, true)));
            ctx.DefMethod(t, "endswith", (a, k) => Value.Bool(Affix(a, false)));
            ctx.DefMethod(t, "find", (a, k) => Value.Int(Find(a, false)));
            ctx.DefMethod(t, "rfind", (a, k) => Value.Int(Find(a, true)));
            ctx.DefMethod(t, "index", (a, k) => Find(a, false) is var i and >= 0 ? Value.Int(i) : throw PyErr.ValueError("subsection not found"));
            ctx.DefMethod(t, "rindex", (a, k) => Find(a, true) is var i and >= 0 ? Value.Int(i) : throw PyErr.ValueError("subsection not found"));
            ctx.DefMethod(t, "count", (a, k) =>
            {
                byte[] d = Data(a[0]);
                byte[] sub = Needle(a[1]);
                if (sub.Length == 0)
                {
                    return Value.Int(d.Length + 1);
                }

                int n = 0;
                for (int i = d.AsSpan().IndexOf(sub); i >= 0; i = d.AsSpan(i).IndexOf(sub) is var j and >= 0 ? i + j : -1)
                {
                    n++;
                    i += sub.Length;
                    if (i > d.Length)
                    {
                        break;
                    }
                }

                return Value.Int(n);
            });
            ctx.DefMethod(t, "replace", (a, k) =>
            {
                string s = Latin1(Data(a[0])), old = Latin1(BytesLike(a[1])), rep = Latin1(BytesLike(a[2]));
                long count = a.Length > 3 ? a[3].Bits : -1;
                return Like(a[0], Encoding.Latin1.GetBytes(Replace(s, old, rep, count)));
            });
            ctx.DefMethod(t, "isdigit", (a, k) => Value.Bool(Data(a[0]).Length > 0 && Data(a[0]).All(x => x is >= (byte)'0' and <= (byte)'9')));
            ctx.DefMethod(t, "isalpha", (a, k) => Value.Bool(Data(a[0]).Length > 0 && Data(a[0]).All(IsAsciiLetter)));
            ctx.DefMethod(t, "isalnum", (a, k) => Value.Bool(Data(a[0]).Length > 0 && Data(a[0]).All(x => IsAsciiLetter(x) || x is >= (byte)'0' and <= (byte)'9')));
            ctx.DefMethod(t, "isspace", (a, k) => Value.Bool(Data(a[0]).Length > 0 && Data(a[0]).All(x => s_whitespace.Contains(x))));
            ctx.DefMethod(t, "isupper", (a, k) => Value.Bool(Data(a[0]).Any(x => x is >= (byte)'A' and <= (byte)'Z') && !Data(a[0]).Any(x => x is >= (byte)'a' and <= (byte)'z')));
            ctx.DefMethod(t, "islower", (a, k) => Value.Bool(Data(a[0]).Any(x => x is >= (byte)'a' and <= (byte)'z') && !Data(a[0]).Any(x => x is >= (byte)'A' and <= (byte)'Z')));
        }
    }

    private static bool IsAsciiLetter(byte x) => x is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z';

    private static string Latin1(byte[] d) => Encoding.Latin1.GetString(d);

    /// <summary>str.replace's rule: an empty needle inserts between every character; a count limits replacements.</summary>
    public static string Replace(string s, string old, string rep, long count)
    {
        var sb = new StringBuilder();
        int i = 0, done = 0;
        if (old.Length == 0)
        {
            for (; i <= s.Length; i++)
            {
                if (count < 0 || done < count)
                {
                    sb.Append(rep);
                    done++;
                }

                if (i < s.Length)
                {
                    sb.Append(s[i]);
                }
            }

            return sb.ToString();
        }

        while (count < 0 || done < count)
        {
            int j = s.IndexOf(old, i, StringComparison.Ordinal);
            if (j < 0)
            {
                break;
            }

            sb.Append(s, i, j - i).Append(rep);
            i = j + old.Length;
            done++;
        }

        return sb.Append(s, i, s.Length - i).ToString();
    }

    private static byte[] Needle(Value v) =>
        v.IsSmallInt || v.IsBool ? [ByteValue(v)] : v.Obj is PyBytes pb ? pb.Data : throw PyErr.TypeError($"argument should be integer or bytes-like object, not '{Ops.TypeName(v)}'");

    private static int Find(ReadOnlySpan<Value> a, bool last)
    {
        byte[] d = Data(a[0]);
        byte[] sub = Needle(a[1]);
        return last ? d.AsSpan().LastIndexOf(sub) : d.AsSpan().IndexOf(sub);
    }

    private static bool Affix(ReadOnlySpan<Value> a, bool start)
    {
        byte[] d = Data(a[0]);
        if (a[1].Obj is PyTuple options)
        {
            foreach (Value o in options.Span)
            {
                if (start ? d.AsSpan().StartsWith(BytesLike(o)) : d.AsSpan().EndsWith(BytesLike(o)))
                {
                    return true;
                }
            }

            return false;
        }

        if (a[1].Obj is not PyBytes p)
        {
            throw PyErr.TypeError($"{(start ? "startswith" : "endswith")} first arg must be bytes or a tuple of bytes, not {Ops.TypeName(a[1])}");
        }

        return start ? d.AsSpan().StartsWith(p.Data) : d.AsSpan().EndsWith(p.Data);
    }

    private static Value Strip(ReadOnlySpan<Value> a, bool left, bool right)
    {
        byte[] d = Data(a[0]);
        byte[] chars = a.Length > 1 && !a[1].IsNone ? BytesLike(a[1]) : s_whitespace;
        int i = 0, j = d.Length;
        while (left && i < j && chars.Contains(d[i]))
        {
            i++;
        }

        while (right && j > i && chars.Contains(d[j - 1]))
        {
            j--;
        }

        return Like(a[0], d[i..j]);
    }

    private static Value Split(PyContext ctx, ReadOnlySpan<Value> a, PyDict? k)
    {
        byte[] d = Data(a[0]);
        Value sepArg = a.Length > 1 ? a[1] : k?.Get("sep") ?? default;
        Value maxArg = a.Length > 2 ? a[2] : k?.Get("maxsplit") ?? default;
        long max = maxArg.IsNull ? -1 : maxArg.Bits;
        PyList list = ctx.NewList();
        if (sepArg.IsNull || sepArg.IsNone)
        {
            int i = 0;
            while (true)
            {
                while (i < d.Length && s_whitespace.Contains(d[i]))
                {
                    i++;
                }

                if (i >= d.Length)
                {
                    break;
                }

                int j = i;
                if (max >= 0 && list.Count >= max)
                {
                    j = d.Length;
                    while (j > i && s_whitespace.Contains(d[j - 1]))
                    {
                        j--;
                    }
                }
                else
                {
                    while (j < d.Length && !s_whitespace.Contains(d[j]))
                    {
                        j++;
                    }
                }

                list.Append(Like(a[0], d[i..j]));
                i = j;
            }

            return Value.Steal(list);
        }

        byte[] sep = BytesLike(sepArg);
        if (sep.Length == 0)
        {
            list.Release();
            throw PyErr.ValueError("empty separator");
        }

        int start = 0;
        while (max < 0 || list.Count < max)
        {
            int j = d.AsSpan(start).IndexOf(sep);
            if (j < 0)
            {
                break;
            }

            list.Append(Like(a[0], d[start..(start + j)]));
            start += j + sep.Length;
        }

        list.Append(Like(a[0], d[start..]));
        return Value.Steal(list);
    }

    private static void InstallMutable(PyContext ctx, PyType ba)
    {
        ctx.DefMethod(ba, "append", (a, k) =>
        {
            byte v = ByteValue(a.Length > 1 ? a[1] : throw PyErr.TypeError("bytearray.append() takes exactly one argument (0 given)"));
            return Edit(a[0], d => d.Add(v));
        });
        ctx.DefMethod(ba, "extend", (a, k) =>
        {
            byte[] more = AnyBytes(ba, a[1]);
            return Edit(a[0], d => d.AddRange(more));
        });
        ctx.DefMethod(ba, "__iadd__", (a, k) =>
        {
            byte[] more = BytesLike(a[1]);
            Edit(a[0], d => d.AddRange(more));
            return a[0].Dup();
        });
        ctx.DefMethod(ba, "insert", (a, k) =>
        {
            long i = a[1].Bits;
            byte v = ByteValue(a[2]);
            return Edit(a[0], d => d.Insert((int)(i < 0 ? Math.Max(0, i + d.Count) : Math.Min(i, d.Count)), v));
        });
        ctx.DefMethod(ba, "pop", (a, k) =>
        {
            byte[] d = Data(a[0]);
            if (d.Length == 0)
            {
                throw PyErr.IndexError("pop from empty bytearray");
            }

            long i = a.Length > 1 ? a[1].Bits : -1;
            i = i < 0 ? i + d.Length : i;
            if (i < 0 || i >= d.Length)
            {
                throw PyErr.IndexError("pop index out of range");
            }

            byte v = d[i];
            Edit(a[0], l => l.RemoveAt((int)i));
            return Value.Int(v);
        });
        ctx.DefMethod(ba, "remove", (a, k) =>
        {
            int i = Array.IndexOf(Data(a[0]), ByteValue(a[1]));
            return i >= 0 ? Edit(a[0], l => l.RemoveAt(i)) : throw PyErr.ValueError("value not found in bytearray");
        });
        ctx.DefMethod(ba, "clear", (a, k) => Edit(a[0], l => l.Clear()));
        ctx.DefMethod(ba, "reverse", (a, k) => Edit(a[0], l => l.Reverse()));
        ctx.DefMethod(ba, "copy", (a, k) => Like(a[0], [.. Data(a[0])]));
        ctx.DefMethod(ba, "__setitem__", (a, k) =>
        {
            byte[] d = Data(a[0]);
            if (a[1].IsSmallInt || a[1].IsBool)
            {
                long i = a[1].Bits < 0 ? a[1].Bits + d.Length : a[1].Bits;
                d[i >= 0 && i < d.Length ? i : throw PyErr.IndexError("bytearray index out of range")] = ByteValue(a[2]);
                return Value.None;
            }

            if (a[1].Obj is PyBox sl && sl.Type == ctx.SliceType)
            {
                (long start, long stop, long step, long n) = Slices.Indices(sl, d.Length);
                byte[] repl = AnyBytes(ba, a[2]);
                if (step == 1)
                {
                    stop = Math.Max(start, stop);
                    ((PyBytes)a[0].Obj!).Data = [.. d[..(int)start], .. repl, .. d[(int)stop..]];
                    return Value.None;
                }

                if (repl.Length != n)
                {
                    throw PyErr.ValueError($"attempt to assign bytes of size {repl.Length} to extended slice of size {n}");
                }

                for (long i = 0, j = start; i < n; i++, j += step)
                {
                    d[j] = repl[i];
                }

                return Value.None;
            }

            throw PyErr.TypeError($"bytearray indices must be integers or slices, not {Ops.TypeName(a[1])}");
        });
        ctx.DefMethod(ba, "__delitem__", (a, k) =>
        {
            byte[] d = Data(a[0]);
            if (a[1].IsSmallInt)
            {
                long i = a[1].Bits < 0 ? a[1].Bits + d.Length : a[1].Bits;
                return i >= 0 && i < d.Length ? Edit(a[0], l => l.RemoveAt((int)i)) : throw PyErr.IndexError("bytearray index out of range");
            }

            if (a[1].Obj is PyBox sl && sl.Type == ctx.SliceType)
            {
                (long start, _, long step, long n) = Slices.Indices(sl, d.Length);
                var drop = new HashSet<long>();
                for (long i = 0, j = start; i < n; i++, j += step)
                {
                    drop.Add(j);
                }

                ((PyBytes)a[0].Obj!).Data = [.. d.Where((_, i) => !drop.Contains(i))];
                return Value.None;
            }

            throw PyErr.TypeError($"bytearray indices must be integers or slices, not {Ops.TypeName(a[1])}");
        });
    }

    /// <summary>The bytes of a bytes-like value or of any iterable of ints.</summary>
    private static byte[] AnyBytes(PyType ba, Value v)
    {
        if (v.Obj is PyBytes pb)
        {
            return pb.Data;
        }

        Value made = New([Value.Steal(ba), v], null, "bytearray");
        byte[] data = Data(made);
        made.Drop();
        return data;
    }

    private static Value Edit(Value self, Action<List<byte>> change)
    {
        var pb = (PyBytes)self.Obj!;
        var list = new List<byte>(pb.Data);
        change(list);
        pb.Data = [.. list];
        return Value.None;
    }
}
