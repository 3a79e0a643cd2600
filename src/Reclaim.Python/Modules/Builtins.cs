using System.Globalization;
using System.Numerics;
using System.Text;
using Reclaim.Python.Execution;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Modules;

/// <summary>The <c>builtins</c> module's functions.</summary>
internal static partial class Builtins
{
    /// <summary>Fills <c>builtins</c> and the built-in types' methods.</summary>
    public static void Install(PyContext ctx)
    {
        TypeMethods.Install(ctx);
        PyDict b = ctx.Builtins;
        foreach (PyType t in new[] { ctx.ObjectType, ctx.TypeType, ctx.IntType, ctx.BoolType, ctx.FloatType, ctx.StrType, ctx.ListType, ctx.TupleType, ctx.DictType, ctx.SetType, ctx.FrozenSetType, ctx.RangeType, ctx.SliceType, ctx.PropertyType, ctx.StaticMethodType, ctx.ClassMethodType, ctx.SuperType })
        {
            b.Set(Value.Str(t.Name), Value.Steal(t));
        }

        foreach (PyType t in ctx.ExceptionTypes)
        {
            b.Set(Value.Str(t.Name), Value.Steal(t));
        }

        b.Set(Value.Str("None"), Value.None);
        b.Set(Value.Str("True"), Value.True);
        b.Set(Value.Str("False"), Value.False);
        b.Set(Value.Str("NotImplemented"), ctx.NotImplemented);
        b.Set(Value.Str("Ellipsis"), ctx.Ellipsis);
        b.SetOwned(Value.Str("__name__"), Value.Str("builtins"));
        ctx.DefBuiltin("print", Print);
        ctx.DefBuiltin("len", (a, k) => Value.Int(Ops.Len(Arg(a, 0, "len"))));
        ctx.DefBuiltin("repr", (a, k) => Value.Str(Ops.Repr(Arg(a, 0, "repr"))));
        ctx.DefBuiltin("ascii", (a, k) => Value.Str(StrCase.Ascii(Ops.Repr(Arg(a, 0, "ascii")))));
        ctx.DefBuiltin("id", (a, k) => Value.Int(Ops.Id(Arg(a, 0, "id"))));
        ctx.DefBuiltin("hash", (a, k) => Value.Int(Ops.Hash(Arg(a, 0, "hash"))));
        ctx.DefBuiltin("iter", (a, k) => Ops.GetIter(Arg(a, 0, "iter")));
        ctx.DefBuiltin("next", Next);
        ctx.DefBuiltin("isinstance", (a, k) => Value.Bool(IsInstance(a[0], a[1])));
        ctx.DefBuiltin("issubclass", (a, k) => Value.Bool(IsSubclass(a[0], a[1])));
        ctx.DefBuiltin("callable", (a, k) => Value.Bool(a[0].Obj is PyFunction or PyBuiltin or PyType || (a[0].Obj is PyBox m && m.Type == ctx.MethodType) || !Ops.TypeOf(a[0]).Lookup("__call__").IsNull));
        ctx.DefBuiltin("getattr", GetAttr);
        ctx.DefBuiltin("setattr", (a, k) =>
        {
            Ops.SetAttr(a[0], AttrName(a[1]), a[2]);
            return Value.None;
        });
        ctx.DefBuiltin("delattr", (a, k) =>
        {
            Ops.DelAttr(a[0], AttrName(a[1]));
            return Value.None;
        });
        ctx.DefBuiltin("hasattr", (a, k) =>
        {
            try
            {
                Value v = Ops.TryGetAttr(a[0], AttrName(a[1]));
                v.Drop();
                return Value.Bool(!v.IsNull);
            }
            catch (PyException e) when (e.Object.Type.IsSubtypeOf(ctx.ExceptionType("AttributeError")))
            {
                e.Exc.Drop();
                return Value.False;
            }
        });
        ctx.DefBuiltin("abs", (a, k) => Abs(a[0]));
        ctx.DefBuiltin("min", (a, k) => MinMax(a, k, -1, "min"));
        ctx.DefBuiltin("max", (a, k) => MinMax(a, k, 1, "max"));
        ctx.DefBuiltin("sum", Sum);
        ctx.DefBuiltin("any", (a, k) => AnyAll(a[0], true));
        ctx.DefBuiltin("all", (a, k) => AnyAll(a[0], false));
        ctx.DefBuiltin("sorted", Sorted);
        ctx.DefBuiltin("reversed", Reversed);
        ctx.DefBuiltin("enumerate", Enumerate);
        ctx.DefBuiltin("zip", Zip);
        ctx.DefBuiltin("map", Map);
        ctx.DefBuiltin("filter", Filter);
        ctx.DefBuiltin("divmod", (a, k) => ctx.NewTuple([Ops.Binary(Syntax.Ast.BinaryOperator.FloorDiv, a[0], a[1]), Ops.Binary(Syntax.Ast.BinaryOperator.Mod, a[0], a[1])]));
        ctx.DefBuiltin("pow", (a, k) => a.Length == 3 && !a[2].IsNone ? IntMethods.PowMod(a[0], a[1], a[2]) : Ops.Binary(Syntax.Ast.BinaryOperator.Pow, a[0], a[1]));
        ctx.DefBuiltin("round", Round);
        ctx.DefBuiltin("chr", (a, k) => Value.Str(char.ConvertFromUtf32((int)Ops.ToIndexBorrowed(a[0]))));
        ctx.DefBuiltin("ord", (a, k) => a[0].Obj is string s && s.Length >= 1 ? Value.Int(char.ConvertToUtf32(s, 0)) : throw PyErr.TypeError($"ord() expected a character, but string of length {Ops.Len(a[0])} found"));
        ctx.DefBuiltin("format", (a, k) => Value.Str(Ops.Format(a[0], a.Length > 1 ? a[1].AsStr : string.Empty)));
        ctx.DefBuiltin("vars", (a, k) => a.Length == 0 ? Value.Steal(LocalsOf(ctx, ctx.TopFrame!)) : a.Length > 1 ? throw PyErr.TypeError($"vars expected at most 1 argument, got {a.Length}")
            : Ops.TryGetAttr(a[0], "__dict__") is { IsNull: false } d ? d : throw PyErr.TypeError("vars() argument must have __dict__ attribute"));
        ctx.DefBuiltin("globals", (a, k) => Value.New(ctx.TopFrame!.Globals));
        ctx.DefBuiltin("locals", (a, k) => Value.Steal(LocalsOf(ctx, ctx.TopFrame!)));
        ctx.DefBuiltin("dir", Dir);
        ctx.DefBuiltin("hex", (a, k) => Value.Str(IntToBase(a[0], 16, "0x")));
        ctx.DefBuiltin("oct", (a, k) => Value.Str(IntToBase(a[0], 8, "0o")));
        ctx.DefBuiltin("bin", (a, k) => Value.Str(IntToBase(a[0], 2, "0b")));
        ctx.DefBuiltin("input", Input);
        ctx.DefBuiltin("open", Io.OpenFunction.Open);
        ctx.DefBuiltin("exec", (a, k) => Exec(a, k, false));
        ctx.DefBuiltin("eval", (a, k) => Exec(a, k, true));
        ctx.DefBuiltin("compile", Compile);
        ctx.DefBuiltin("__build_class__", (a, k) => throw PyErr.TypeError("__build_class__ is internal"));
        InstallChecked(ctx);

        // Last, once every method of int, float and str is in place.
        ValueSubclasses.Install(ctx);
    }

    /// <summary>Argument <paramref name="i"/> or TypeError.</summary>
    public static Value Arg(ReadOnlySpan<Value> a, int i, string fn)
    {
        if (i >= a.Length)
        {
            throw PyErr.TypeError($"{fn}() takes exactly one argument ({a.Length} given)");
        }

        return a[i];
    }

    private static string AttrName(Value v) => ArgumentChecks.AttributeName(v);

    private static Value Print(ReadOnlySpan<Value> args, PyDict? kw)
    {
        PyContext ctx = PyContext.Current;
        string sep = " ", end = "\n";
        Value file = default;
        bool flush = false;
        if (kw is not null)
        {
            Value s = kw.Get("sep");
            if (!s.IsNull && !s.IsNone)
            {
                sep = s.Obj as string ?? throw PyErr.TypeError($"sep must be None or a string, not {Ops.TypeName(s)}");
            }

            Value e = kw.Get("end");
            if (!e.IsNull && !e.IsNone)
            {
                end = e.Obj as string ?? throw PyErr.TypeError($"end must be None or a string, not {Ops.TypeName(e)}");
            }

            file = kw.Get("file");
            flush = kw.Get("flush") is { IsNull: false } f && Ops.IsTrue(f);
        }

        var sb = new StringBuilder();
        for (int i = 0; i < args.Length; i++)
        {
            if (i > 0)
            {
                sb.Append(sep);
            }

            sb.Append(Ops.StrOf(args[i]));
        }

        sb.Append(end);
        if (file.IsNull || file.IsNone)
        {
            file = ctx.SysStdout;
        }

        if (file.Obj is PyStream stream)
        {
            stream.Writer.Write(Codecs.Printable(sb.ToString()));
            if (flush)
            {
                stream.Writer.Flush();
            }
        }
        else
        {
            Value w = Ops.GetAttr(file, "write");
            try
            {
                Ops.Call(w, [Value.Str(sb.ToString())], null).Drop();
            }
            finally
            {
                w.Drop();
            }
        }

        return Value.None;
    }

    private static Value Next(ReadOnlySpan<Value> a, PyDict? kw)
    {
        Value it = a[0];
        if (it.Obj is not PyBox && it.Obj is not PyGenerator && Ops.TypeOf(it).Lookup("__next__").IsNull)
        {
            throw PyErr.TypeError($"'{Ops.TypeName(it)}' object is not an iterator");
        }

        if (it.Obj is PyGenerator gen)
        {
            // next() on a generator that returns raises StopIteration carrying the return value.
            if (GeneratorOps.Step(gen, Value.None, null, out Value r) == GeneratorStep.Yielded)
            {
                return r;
            }

            if (a.Length > 1)
            {
                r.Drop();
                return a[1].Dup();
            }

            throw GeneratorOps.StopWith(r);
        }

        if (Ops.Next(it, out Value v))
        {
            return v;
        }

        if (a.Length > 1)
        {
            return a[1].Dup();
        }

        throw PyErr.StopIteration(default);
    }

    /// <summary><c>isinstance</c>.</summary>
    public static bool IsInstance(Value obj, Value cls)
    {
        if (cls.Obj is PyTuple t)
        {
            foreach (Value c in t.Span)
            {
                if (IsInstance(obj, c))
                {
                    return true;
                }
            }

            return false;
        }

        if (cls.Obj is not PyType type)
        {
            throw PyErr.TypeError("isinstance() arg 2 must be a type, a tuple of types, or a union");
        }

        return Ops.TypeOf(obj).IsSubtypeOf(type);
    }

    private static bool IsSubclass(Value sub, Value cls)
    {
        if (cls.Obj is PyTuple t)
        {
            foreach (Value c in t.Span)
            {
                if (IsSubclass(sub, c))
                {
                    return true;
                }
            }

            return false;
        }

        if (sub.Obj is not PyType s)
        {
            throw PyErr.TypeError("issubclass() arg 1 must be a class");
        }

        if (cls.Obj is not PyType type)
        {
            throw PyErr.TypeError("issubclass() arg 2 must be a class, a tuple of classes, or a union");
        }

        return s.IsSubtypeOf(type);
    }

    private static Value GetAttr(ReadOnlySpan<Value> a, PyDict? kw)
    {
        string name = AttrName(a[1]);
        if (a.Length < 3)
        {
            return Ops.GetAttr(a[0], name);
        }

        try
        {
            Value v = Ops.TryGetAttr(a[0], name);
            return v.IsNull ? a[2].Dup() : v;
        }
        catch (PyException e) when (e.Object.Type.IsSubtypeOf(PyContext.Current.ExceptionType("AttributeError")))
        {
            e.Exc.Drop();
            return a[2].Dup();
        }
    }

    private static Value Abs(Value v)
    {
        if (v.IsSmallInt || v.IsBool || v.Obj is BigInt)
        {
            Ops.TryBig(v, out BigInteger b);
            return Value.Int(BigInteger.Abs(b));
        }

        if (v.IsFloat)
        {
            return Value.Float(Math.Abs(v.AsFloat));
        }

        Value r = Ops.CallSpecial(v, "__abs__", []);
        return r.IsNull ? throw PyErr.TypeError($"bad operand type for abs(): '{Ops.TypeName(v)}'") : r;
    }

    private static Value MinMax(ReadOnlySpan<Value> a, PyDict? kw, int sign, string name)
    {
        Value key = kw?.Get("key") ?? default;
        Value dflt = kw?.Get("default") ?? default;
        List<Value> items = a.Length == 1 ? Ops.ToList(a[0]) : [.. a.ToArray().Select(v => v.Dup())];
        try
        {
            if (items.Count == 0)
            {
                if (!dflt.IsNull)
                {
                    return dflt.Dup();
                }

                throw PyErr.ValueError($"{name}() arg is an empty sequence");
            }

            Value best = items[0];
            Value bestKey = key.IsNull || key.IsNone ? best.Dup() : Ops.Call(key, [best], null);
            for (int i = 1; i < items.Count; i++)
            {
                Value k = key.IsNull || key.IsNone ? items[i].Dup() : Ops.Call(key, [items[i]], null);
                if (Ops.RichBool(k, bestKey, sign > 0 ? CompareOp.Gt : CompareOp.Lt))
                {
                    best = items[i];
                    bestKey.Drop();
                    bestKey = k;
                }
                else
                {
                    k.Drop();
                }
            }

            bestKey.Drop();
            return best.Dup();
        }
        finally
        {
            foreach (Value v in items)
            {
                v.Drop();
            }
        }
    }

    private static Value Sum(ReadOnlySpan<Value> a, PyDict? kw)
    {
        Value total = a.Length > 1 ? a[1].Dup() : kw?.Get("start") is { IsNull: false } s ? s.Dup() : Value.Int(0);
        if (total.IsStr)
        {
            throw PyErr.TypeError("sum() can't sum strings [use ''.join(seq) instead]");
        }

        Value it = Ops.GetIter(a[0]);
        try
        {
            while (Ops.Next(it, out Value v))
            {
                Value t;
                try
                {
                    t = Ops.Binary(Syntax.Ast.BinaryOperator.Add, total, v);
                }
                finally
                {
                    v.Drop();
                }

                total.Drop();
                total = t;
            }
        }
        finally
        {
            it.Drop();
        }

        return total;
    }

    private static Value AnyAll(Value iterable, bool any)
    {
        Value it = Ops.GetIter(iterable);
        try
        {
            while (Ops.Next(it, out Value v))
            {
                bool t;
                try
                {
                    t = Ops.IsTrue(v);
                }
                finally
                {
                    v.Drop();
                }

                if (t == any)
                {
                    return Value.Bool(any);
                }
            }

            return Value.Bool(!any);
        }
        finally
        {
            it.Drop();
        }
    }

    private static Value Sorted(ReadOnlySpan<Value> a, PyDict? kw)
    {
        PyContext ctx = PyContext.Current;
        PyList list = ctx.NewList();
        Value result = Value.Steal(list);
        try
        {
            Ops.Extend(list, a[0]);
            TypeMethods.SortList(list, kw);
        }
        catch
        {
            result.Drop();
            throw;
        }

        return result;
    }

    private static Value Reversed(ReadOnlySpan<Value> a, PyDict? kw)
    {
        if (a[0].Obj is PySequence q && !q.Type.IsHeap)
        {
            return Ops.NewIterator(IterKind.Reversed, a[0]);
        }

        Value r = Ops.CallSpecial(a[0], "__reversed__", []);
        if (!r.IsNull)
        {
            return r;
        }

        List<Value> items = Ops.ToList(a[0]);
        items.Reverse();
        Value list = Ops.NewSequenceLike(PyContext.Current.NewList(), [.. items]);
        Value it = Ops.NewIterator(IterKind.Sequence, list);
        list.Drop();
        return it;
    }

    private static Value Materialize(List<Value> owned)
    {
        PyContext ctx = PyContext.Current;
        PyList list = ctx.NewList();
        list.Items = [.. owned];
        list.Count = owned.Count;
        Value lv = Value.Steal(list);
        Value it = Ops.NewIterator(IterKind.Sequence, lv);
        lv.Drop();
        return it;
    }

    private static Value Enumerate(ReadOnlySpan<Value> a, PyDict? kw)
    {
        PyContext ctx = PyContext.Current;
        long start = a.Length > 1 ? Ops.ToIndexBorrowed(a[1]) : kw?.Get("start") is { IsNull: false } s ? Ops.ToIndexBorrowed(s) : 0;
        List<Value> items = Ops.ToList(a[0]);
        var pairs = new List<Value>(items.Count);
        for (int i = 0; i < items.Count; i++)
        {
            pairs.Add(ctx.NewTuple([Value.Int(start + i), items[i]]));
        }

        return Materialize(pairs);
    }

    private static Value Zip(ReadOnlySpan<Value> a, PyDict? kw)
    {
        PyContext ctx = PyContext.Current;
        var lists = new List<List<Value>>();
        foreach (Value v in a)
        {
            lists.Add(Ops.ToList(v));
        }

        int n = lists.Count == 0 ? 0 : lists.Min(l => l.Count);
        var tuples = new List<Value>(n);
        for (int i = 0; i < n; i++)
        {
            tuples.Add(ctx.NewTuple([.. lists.Select(l => l[i].Dup())]));
        }

        foreach (List<Value> l in lists)
        {
            foreach (Value v in l)
            {
                v.Drop();
            }
        }

        return Materialize(tuples);
    }

    private static Value Map(ReadOnlySpan<Value> a, PyDict? kw)
    {
        var lists = new List<List<Value>>();
        for (int i = 1; i < a.Length; i++)
        {
            lists.Add(Ops.ToList(a[i]));
        }

        int n = lists.Count == 0 ? 0 : lists.Min(l => l.Count);
        var results = new List<Value>(n);
        try
        {
            for (int i = 0; i < n; i++)
            {
                results.Add(Ops.Call(a[0], [.. lists.Select(l => l[i])], null));
            }
        }
        finally
        {
            foreach (List<Value> l in lists)
            {
                foreach (Value v in l)
                {
                    v.Drop();
                }
            }
        }

        return Materialize(results);
    }

    private static Value Filter(ReadOnlySpan<Value> a, PyDict? kw)
    {
        List<Value> items = Ops.ToList(a[1]);
        var kept = new List<Value>();
        foreach (Value v in items)
        {
            bool keep;
            if (a[0].IsNone)
            {
                keep = Ops.IsTrue(v);
            }
            else
            {
                Value r = Ops.Call(a[0], [v], null);
                keep = Ops.IsTrue(r);
                r.Drop();
            }

            if (keep)
            {
                kept.Add(v);
            }
            else
            {
                v.Drop();
            }
        }

        return Materialize(kept);
    }

    /// <summary><c>int.__round__</c>/<c>float.__round__</c>: <c>round()</c> of a built-in number (receiver, then ndigits).</summary>
    internal static Value RoundNumber(ReadOnlySpan<Value> a) => Round(a, null);

    private static Value Round(ReadOnlySpan<Value> a, PyDict? kw)
    {
        Value v = a[0];
        bool hasDigits = a.Length > 1 && !a[1].IsNone;
        if (v.IsFloat)
        {
            double d = v.AsFloat;
            if (!hasDigits)
            {
                double r = Math.Round(d, MidpointRounding.ToEven);
                return Value.Int(new BigInteger(r));
            }

            return Value.Float(FloatFormat.Round(d, a[1].IsSmallInt || a[1].IsBool ? a[1].Bits : Ops.ToIndexBorrowed(a[1])));
        }

        if (v.IsSmallInt || v.IsBool || v.Obj is BigInt)
        {
            Ops.TryBig(v, out BigInteger bi);
            long digits = hasDigits ? (a[1].IsSmallInt || a[1].IsBool ? a[1].Bits : Ops.ToIndexBorrowed(a[1])) : 0;
            if (digits >= 0)
            {
                return Value.Int(bi);
            }

            // Half to even at 10**-digits, as int.__round__ does.
            if (-digits > BigInteger.Abs(bi).ToString(CultureInfo.InvariantCulture).Length)
            {
                return Value.Int(0);
            }

            BigInteger unit = BigInteger.Pow(10, (int)-digits);
            BigInteger q = BigInteger.DivRem(BigInteger.Abs(bi), unit, out BigInteger rem);
            if (rem * 2 > unit || (rem * 2 == unit && !q.IsEven))
            {
                q += 1;
            }

            return Value.Int(q * unit * bi.Sign);
        }

        Value rr = Ops.CallSpecial(v, "__round__", a.Length > 1 ? [a[1]] : []);
        if (rr.IsNull && v.Obj is PyValueBox box)
        {
            // A subclass of int or float rounds its value.
            Value[] unboxed = a.ToArray();
            unboxed[0] = box.Inner;
            return Round(unboxed, kw);
        }

        return rr.IsNull ? throw PyErr.TypeError($"type {Ops.TypeName(v)} doesn't define __round__ method") : rr;
    }

    internal static Value Dir(ReadOnlySpan<Value> a, PyDict? kw)
    {
        PyContext ctx = PyContext.Current;
        var names = new SortedSet<string>(StringComparer.Ordinal);
        if (a.Length == 0)
        {
            PyDict ns = ctx.TopFrame!.Namespace ?? ctx.TopFrame.Globals;
            for (int i = 0; i < ns.Used; i++)
            {
                if (ns.Keys[i].Obj is string s)
                {
                    names.Add(s);
                }
            }
        }
        else
        {
            Value o = a[0];
            if (o.Obj is PyObject { HasAttributeStorage: true } holder)
            {
                PyDict d = holder.MaterializeDict();
                for (int i = 0; i < d.Used; i++)
                {
                    if (d.Keys[i].Obj is string s)
                    {
                        names.Add(s);
                    }
                }
            }

            PyType t = o.Obj as PyType ?? Ops.TypeOf(o);
            foreach (PyType m in t.Mro)
            {
                foreach (KeyValuePair<string, Value> kv in m.Members)
                {
                    names.Add(kv.Key);
                }
            }
        }

        PyList list = ctx.NewList();
        foreach (string n in names)
        {
            list.Append(Value.Str(n));
        }

        return Value.Steal(list);
    }

    private static string IntToBase(Value v, int b, string prefix)
    {
        if (!Ops.TryBig(v, out BigInteger n))
        {
            throw PyErr.TypeError($"'{Ops.TypeName(v)}' object cannot be interpreted as an integer");
        }

        string sign = n.Sign < 0 ? "-" : string.Empty;
        n = BigInteger.Abs(n);
        string digits = b == 16 ? n.ToString("x", CultureInfo.InvariantCulture).TrimStart('0') : ToBase(n, b);
        return sign + prefix + (digits.Length == 0 ? "0" : digits);
    }

    private static string ToBase(BigInteger n, int b)
    {
        var sb = new StringBuilder();
        while (n > 0)
        {
            sb.Insert(0, (char)('0' + (int)(n % b)));
            n /= b;
        }

        return sb.ToString();
    }

    private static Value Input(ReadOnlySpan<Value> a, PyDict? kw)
    {
        PyContext ctx = PyContext.Current;
        if (a.Length > 0)
        {
            ctx.Stdout.Write(Ops.StrOf(a[0]));
            ctx.Stdout.Flush();
        }

        // input() reads through sys.stdin's reader, so it and sys.stdin.readline() share their place in the stream.
        string line = ctx.Modules.Get("sys").Obj is PyModule { Dict: { } sys } && sys.Get("stdin").Obj is Io.PyStdin stdin
            ? stdin.ReadLine() : ctx.Stdin.ReadLine() is { } raw ? raw + "\n" : "";
        if (line.Length == 0)
        {
            throw PyErr.Make("EOFError", "EOF when reading a line");
        }

        return Value.Str(line.EndsWith('\n') ? line[..^1] : line);
    }
}
