using System.Globalization;
using System.Text;
using Reclaim.Python.Execution;
using Reclaim.Python.Execution.Text;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;
using Reclaim.Python.Syntax.Tokenizing;

namespace Reclaim.Python.Modules;

/// <summary>The str methods beyond the basics: case (full mapping), classification, partition, rsplit, prefixes, tabs.</summary>
internal static class StrMethodsMore
{
    /// <summary>Installs them (replacing the simpler first versions).</summary>
    public static void Install(PyContext ctx)
    {
        PyType s = ctx.StrType;
        ctx.StrType.SetMember("__new__", TypeMethods.StaticMethod(ctx, ctx.NewBuiltin("__new__", (a, k) =>
        {
            if (a.Length > 4)
            {
                throw PyErr.TypeError($"str() takes at most 3 arguments ({a.Length - 1} given)");
            }

            Value obj = a.Length > 1 ? a[1] : k?.Get("object") ?? default;
            Value encoding = a.Length > 2 ? a[2] : k?.Get("encoding") ?? default;
            Value errors = a.Length > 3 ? a[3] : k?.Get("errors") ?? default;
            if (obj.IsNull)
            {
                return Value.Str(string.Empty);
            }

            if (encoding.IsNull && errors.IsNull)
            {
                return Value.Str(Ops.StrOf(obj));
            }

            return obj.Obj is PyBytes pb
                ? Value.Str(Codecs.Decode(pb.Data, encoding.Obj as string ?? "utf-8", errors.Obj as string ?? "strict"))
                : throw PyErr.TypeError($"decoding to str: need a bytes-like object, {Ops.TypeName(obj)} found");
        })));

        DefUnary(ctx, s, "upper", StrCase.Upper);
        DefUnary(ctx, s, "lower", StrCase.Lower);
        DefUnary(ctx, s, "casefold", StrCase.Casefold);
        DefUnary(ctx, s, "swapcase", StrCase.SwapCase);
        DefUnary(ctx, s, "title", StrCase.Title);
        DefUnary(ctx, s, "capitalize", StrCase.Capitalize);
        DefTest(ctx, s, "istitle", StrCase.IsTitle);
        DefTest(ctx, s, "isupper", x => CharClasses.Any(x, cp => CharClasses.IsUpperish(cp) || CharClasses.IsLowerish(cp)) && !CharClasses.Any(x, CharClasses.IsLowerish));
        DefTest(ctx, s, "islower", x => CharClasses.Any(x, cp => CharClasses.IsUpperish(cp) || CharClasses.IsLowerish(cp)) && !CharClasses.Any(x, CharClasses.IsUpperish));
        DefTest(ctx, s, "isdecimal", x => CharClasses.All(x, CharClasses.IsDecimal));
        DefTest(ctx, s, "isdigit", x => CharClasses.All(x, cp => CharClasses.IsDecimal(cp) || (cp <= 0xFFFF && "²³¹⁰⁴⁵⁶⁷⁸⁹₀₁₂₃₄₅₆₇₈₉①②③④⑤⑥⑦⑧⑨".Contains((char)cp))));
        DefTest(ctx, s, "isnumeric", x => CharClasses.All(x, CharClasses.IsNumeric));
        DefTest(ctx, s, "isalpha", x => CharClasses.All(x, CharClasses.IsAlpha));
        DefTest(ctx, s, "isalnum", x => CharClasses.All(x, cp => CharClasses.IsAlpha(cp) || CharClasses.IsNumeric(cp)));
        DefTest(ctx, s, "isspace", x => x.Length > 0 && x.All(c => char.IsWhiteSpace(c) || c is '\x1c' or '\x1d' or '\x1e' or '\x1f'));
        DefTest(ctx, s, "isascii", x => x.All(c => c < 128));
        DefTest(ctx, s, "isprintable", x => x.Length == 0 || CharClasses.All(x, Printable.IsPrintable));
        DefTest(ctx, s, "isidentifier", IsIdentifier);
        ctx.DefMethod(s, "partition", (a, k) => Partition(ctx, a, false));
        ctx.DefMethod(s, "rpartition", (a, k) => Partition(ctx, a, true));
        ctx.DefMethod(s, "removeprefix", (a, k) => Value.Str(Self(a).StartsWith(StrArg(a, 1, "removeprefix"), StringComparison.Ordinal) ? Self(a)[a[1].AsStr.Length..] : Self(a)));
        ctx.DefMethod(s, "removesuffix", (a, k) => Value.Str(StrArg(a, 1, "removesuffix").Length > 0 && Self(a).EndsWith(a[1].AsStr, StringComparison.Ordinal) ? Self(a)[..^a[1].AsStr.Length] : Self(a)));
        ctx.DefMethod(s, "rindex", (a, k) => Value.Int(StrSearch.Index(Self(a), StrArg(a, 1, "rindex"), a[2..], reverse: true)));
        ctx.DefMethod(s, "replace", (a, k) => Value.Str(BytesMethods.Replace(Self(a), StrArg(a, 1, "replace"), StrArg(a, 2, "replace"), a.Length > 3 ? a[3].Bits : -1)));
        ctx.DefMethod(s, "expandtabs", (a, k) =>
        {
            long size = a.Length > 1 ? a[1].Bits : k?.Get("tabsize") is { IsSmallInt: true } ts ? ts.Bits : 8;
            var sb = new StringBuilder();
            int column = 0;
            foreach (char c in Self(a))
            {
                if (c == '\t')
                {
                    int n = size > 0 ? (int)(size - (column % size)) : 0;
                    sb.Append(' ', n);
                    column += n;
                }
                else
                {
                    sb.Append(c);
                    column = c is '\n' or '\r' ? 0 : column + 1;
                }
            }

            return Value.Str(sb.ToString());
        });
        ctx.DefMethod(s, "splitlines", (a, k) =>
        {
            bool keep = a.Length > 1 ? Ops.IsTrue(a[1]) : k?.Get("keepends") is { IsNull: false } ke && Ops.IsTrue(ke);
            string str = Self(a);
            PyList list = ctx.NewList();
            int start = 0;
            for (int i = 0; i < str.Length; i++)
            {
                char c = str[i];
                if (c is '\n' or '\r' or '\v' or '\f' or '\x1c' or '\x1d' or '\x1e' or '\x85' or '\u2028' or '\u2029')
                {
                    int end = i;
                    if (c == '\r' && i + 1 < str.Length && str[i + 1] == '\n')
                    {
                        i++;
                    }

                    list.Append(Value.Str(str[start..(keep ? i + 1 : end)]));
                    start = i + 1;
                }
            }

            if (start < str.Length)
            {
                list.Append(Value.Str(str[start..]));
            }

            return Value.Steal(list);
        });
        ctx.DefMethod(s, "rsplit", (a, k) =>
        {
            Value sepArg = a.Length > 1 ? a[1] : k?.Get("sep") ?? default;
            Value maxArg = a.Length > 2 ? a[2] : k?.Get("maxsplit") ?? default;
            long max = maxArg.IsNull ? -1 : maxArg.Bits;
            string str = Self(a);
            var parts = new List<string>();
            if (sepArg.IsNull || sepArg.IsNone)
            {
                int j = str.Length;
                while (true)
                {
                    while (j > 0 && char.IsWhiteSpace(str[j - 1]))
                    {
                        j--;
                    }

                    if (j == 0)
                    {
                        break;
                    }

                    int i = j;
                    if (max >= 0 && parts.Count >= max)
                    {
                        i = 0;
                    }
                    else
                    {
                        while (i > 0 && !char.IsWhiteSpace(str[i - 1]))
                        {
                            i--;
                        }
                    }

                    parts.Add(str[i..j]);
                    j = i;
                }
            }
            else
            {
                string sep = sepArg.Obj as string ?? throw PyErr.TypeError($"must be str or None, not {Ops.TypeName(sepArg)}");
                if (sep.Length == 0)
                {
                    throw PyErr.ValueError("empty separator");
                }

                int end = str.Length;
                while (max < 0 || parts.Count < max)
                {
                    int i = end == 0 ? -1 : str.LastIndexOf(sep, end - 1, StringComparison.Ordinal);
                    if (i < 0 || i + sep.Length > end)
                    {
                        break;
                    }

                    parts.Add(str[(i + sep.Length)..end]);
                    end = i;
                }

                parts.Add(str[..end]);
            }

            parts.Reverse();
            PyList list = ctx.NewList();
            foreach (string p in parts)
            {
                list.Append(Value.Str(p));
            }

            return Value.Steal(list);
        });
        ctx.DefMethod(s, "format_map", (a, k) =>
        {
            PyDict kw = ctx.NewDict();
            try
            {
                Ops.Update(kw, a[1]);
                return Value.Str(StrFormat.Format(Self(a), [], kw));
            }
            finally
            {
                kw.Release();
            }
        });
    }

    private static string Self(ReadOnlySpan<Value> a) => a[0].AsStr;

    private static string StrArg(ReadOnlySpan<Value> a, int i, string name)
    {
        if (i >= a.Length)
        {
            throw PyErr.TypeError($"{name}() takes at least {i} argument{(i == 1 ? string.Empty : "s")} ({a.Length - 1} given)");
        }

        return a[i].Obj as string ?? throw PyErr.TypeError($"{name}() argument {i} must be str, not {Ops.TypeName(a[i])}");
    }

    private static void DefUnary(PyContext ctx, PyType s, string name, Func<string, string> f) =>
        ctx.DefMethod(s, name, (a, k) => a.Length == 1 ? Value.Str(f(a[0].AsStr)) : throw PyErr.TypeError($"str.{name}() takes no arguments ({a.Length - 1} given)"));

    private static void DefTest(PyContext ctx, PyType s, string name, Func<string, bool> f) =>
        ctx.DefMethod(s, name, (a, k) => a.Length == 1 ? Value.Bool(f(a[0].AsStr)) : throw PyErr.TypeError($"str.{name}() takes no arguments ({a.Length - 1} given)"));

    // CPython's rule, by code point: XID_Start or '_' first, then XID_Continue, in Unicode 14 (the tokenizer's tables),
    // so that str.isidentifier() and the tokenizer never disagree.
    private static bool IsIdentifier(string s)
    {
        for (int i = 0; i < s.Length;)
        {
            int code = CodePoints.PairAt(s, i) ? char.ConvertToUtf32(s[i], s[i + 1]) : s[i];
            bool valid = code < 0x80
                ? char.IsAsciiLetter((char)code) || code == '_' || (i > 0 && char.IsAsciiDigit((char)code))
                : i == 0 ? Unicode14Identifiers.IsStart(code) : Unicode14Identifiers.IsContinue(code);
            if (!valid)
            {
                return false;
            }

            i += code > 0xFFFF ? 2 : 1;
        }

        return s.Length > 0;
    }

    private static Value Partition(PyContext ctx, ReadOnlySpan<Value> a, bool last)
    {
        string str = Self(a);
        string sep = StrArg(a, 1, last ? "rpartition" : "partition");
        if (sep.Length == 0)
        {
            throw PyErr.ValueError("empty separator");
        }

        int i = last ? str.LastIndexOf(sep, StringComparison.Ordinal) : str.IndexOf(sep, StringComparison.Ordinal);
        if (i < 0)
        {
            return last ? ctx.NewTuple([Value.Str(string.Empty), Value.Str(string.Empty), Value.Str(str)]) : ctx.NewTuple([Value.Str(str), Value.Str(string.Empty), Value.Str(string.Empty)]);
        }

        return ctx.NewTuple([Value.Str(str[..i]), Value.Str(sep), Value.Str(str[(i + sep.Length)..])]);
    }
}
