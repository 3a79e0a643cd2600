using System.Text;
using Reclaim.Python.Execution;
using Reclaim.Python.Execution.Text;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Modules;

/// <summary>str's constructor and the methods programs use most.</summary>
internal static class StrMethods
{
    /// <summary>Installs them.</summary>
    public static void Install(PyContext ctx)
    {
        PyType s = ctx.StrType;
        s.SetMember("__new__", TypeMethods.StaticMethod(ctx, ctx.NewBuiltin("__new__", (a, k) => a.Length < 2 ? Value.Str(string.Empty) : Value.Str(Ops.StrOf(a[1])))));
        ctx.DefMethod(s, "__repr__", (a, k) => Value.Str(Ops.StrRepr(a[0].AsStr)));
        ctx.DefMethod(s, "__str__", (a, k) => a[0].Dup());
        ctx.DefMethod(s, "__format__", (a, k) => Value.Str(FormatSpec.Apply(a[0], ArgumentChecks.FormatSpec(a[1]))));
        ctx.DefMethod(s, "__len__", (a, k) => Value.Int(a[0].AsStr.Length));
        ctx.DefMethod(s, "__hash__", (a, k) => Value.Int(Ops.Hash(a[0])));
        ctx.DefMethod(s, "__contains__", (a, k) => Value.Bool(Ops.Contains(a[0], a[1])));
        ctx.DefMethod(s, "join", (a, k) =>
        {
            List<Value> items = Ops.ToList(a[1]);
            var sb = new StringBuilder();
            for (int i = 0; i < items.Count; i++)
            {
                if (ValueSubclasses.Unbox(items[i]).Obj is not string part)
                {
                    string n = Ops.TypeName(items[i]);
                    foreach (Value v in items)
                    {
                        v.Drop();
                    }

                    throw PyErr.TypeError($"sequence item {i}: expected str instance, {n} found");
                }

                if (i > 0)
                {
                    sb.Append(a[0].AsStr);
                }

                sb.Append(part);
            }

            return Value.Str(sb.ToString());
        });
        ctx.DefMethod(s, "split", (a, k) => Split(ctx, a[0].AsStr, a.Length > 1 ? ArgumentChecks.OptionalSeparator(a[1]) : k?.Get("sep") is { IsNull: false } ks ? ArgumentChecks.OptionalSeparator(ks) : null, a.Length > 2 ? (int)Ops.ToIndexBorrowed(a[2]) : -1));
        ctx.DefMethod(s, "strip", (a, k) => Value.Str(ArgumentChecks.StripChars(a, "strip") is { } chars ? a[0].AsStr.Trim(chars.ToCharArray()) : a[0].AsStr.Trim()));
        ctx.DefMethod(s, "lstrip", (a, k) => Value.Str(ArgumentChecks.StripChars(a, "lstrip") is { } chars ? a[0].AsStr.TrimStart(chars.ToCharArray()) : a[0].AsStr.TrimStart()));
        ctx.DefMethod(s, "rstrip", (a, k) => Value.Str(ArgumentChecks.StripChars(a, "rstrip") is { } chars ? a[0].AsStr.TrimEnd(chars.ToCharArray()) : a[0].AsStr.TrimEnd()));
        ctx.DefMethod(s, "upper", (a, k) => Value.Str(a[0].AsStr.ToUpperInvariant()));
        ctx.DefMethod(s, "lower", (a, k) => Value.Str(a[0].AsStr.ToLowerInvariant()));
        ctx.DefMethod(s, "title", (a, k) => Value.Str(System.Globalization.CultureInfo.InvariantCulture.TextInfo.ToTitleCase(a[0].AsStr.ToLowerInvariant())));
        ctx.DefMethod(s, "capitalize", (a, k) => Value.Str(a[0].AsStr.Length == 0 ? string.Empty : char.ToUpperInvariant(a[0].AsStr[0]) + a[0].AsStr[1..].ToLowerInvariant()));
        ctx.DefMethod(s, "replace", (a, k) => Value.Str(a[1].AsStr.Length == 0 ? a[0].AsStr : a[0].AsStr.Replace(a[1].AsStr, a[2].AsStr, StringComparison.Ordinal)));
        ctx.DefMethod(s, "startswith", (a, k) => Value.Bool(Affix(a[0].AsStr, a[1], a[2..], true)));
        ctx.DefMethod(s, "endswith", (a, k) => Value.Bool(Affix(a[0].AsStr, a[1], a[2..], false)));
        ctx.DefMethod(s, "find", (a, k) => Value.Int(StrSearch.Find(a[0].AsStr, Needle(a, "find"), a[2..], reverse: false)));
        ctx.DefMethod(s, "rfind", (a, k) => Value.Int(StrSearch.Find(a[0].AsStr, Needle(a, "rfind"), a[2..], reverse: true)));
        ctx.DefMethod(s, "index", (a, k) => Value.Int(StrSearch.Index(a[0].AsStr, Needle(a, "index"), a[2..], reverse: false)));
        ctx.DefMethod(s, "count", (a, k) => Value.Int(StrSearch.Count(a[0].AsStr, Needle(a, "count"), a[2..])));
        ctx.DefMethod(s, "isdigit", (a, k) => Value.Bool(a[0].AsStr.Length > 0 && a[0].AsStr.All(char.IsDigit)));
        ctx.DefMethod(s, "isalpha", (a, k) => Value.Bool(a[0].AsStr.Length > 0 && a[0].AsStr.All(char.IsLetter)));
        ctx.DefMethod(s, "isalnum", (a, k) => Value.Bool(a[0].AsStr.Length > 0 && a[0].AsStr.All(char.IsLetterOrDigit)));
        ctx.DefMethod(s, "isspace", (a, k) => Value.Bool(a[0].AsStr.Length > 0 && a[0].AsStr.All(char.IsWhiteSpace)));
        ctx.DefMethod(s, "isupper", (a, k) => Value.Bool(a[0].AsStr.Any(char.IsLetter) && !a[0].AsStr.Any(char.IsLower)));
        ctx.DefMethod(s, "islower", (a, k) => Value.Bool(a[0].AsStr.Any(char.IsLetter) && !a[0].AsStr.Any(char.IsUpper)));
        ctx.DefMethod(s, "ljust", (a, k) => Value.Str(StrPad.Pad(a[0].AsStr, a[1], a[2..], '<', "ljust")));
        ctx.DefMethod(s, "rjust", (a, k) => Value.Str(StrPad.Pad(a[0].AsStr, a[1], a[2..], '>', "rjust")));
        ctx.DefMethod(s, "center", (a, k) => Value.Str(StrPad.Pad(a[0].AsStr, a[1], a[2..], '^', "center")));
        ctx.DefMethod(s, "zfill", (a, k) => Value.Str(StrPad.ZFill(a[0].AsStr, a[1])));
        ctx.DefMethod(s, "splitlines", (a, k) => Split(ctx, a[0].AsStr.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n'), "\n", -1, emptyIsNone: true));
        ctx.DefMethod(s, "format", (a, k) => Value.Str(StrFormat.Format(a[0].AsStr, a[1..], k)));
        ctx.DefMethod(s, "encode", (a, k) =>
        {
            Value enc = a.Length > 1 ? a[1] : k?.Get("encoding") ?? default;
            Value err = a.Length > 2 ? a[2] : k?.Get("errors") ?? default;
            return BytesMethods.NewBytes(Codecs.Encode(a[0].AsStr, enc.Obj as string ?? "utf-8", err.Obj as string ?? "strict"));
        });
    }

    private static string Needle(ReadOnlySpan<Value> a, string name)
    {
        if (a.Length < 2 || a.Length > 4)
        {
            throw PyErr.TypeError($"{name} expected at least 1 argument, got {a.Length - 1}");
        }

        return a[1].Obj as string ?? throw PyErr.TypeError($"must be str, not {Ops.TypeName(a[1])}");
    }

    private static bool Affix(string s, Value arg, ReadOnlySpan<Value> bounds, bool start)
    {
        if (arg.Obj is PyTuple t)
        {
            foreach (Value v in t.Span)
            {
                if (Affix(s, v, bounds, start))
                {
                    return true;
                }
            }

            return false;
        }

        string x = arg.Obj as string ?? throw PyErr.TypeError($"{(start ? "startswith" : "endswith")} first arg must be str or a tuple of str, not {Ops.TypeName(arg)}");
        return StrSearch.Affix(s, x, bounds, start);
    }

    private static Value Split(PyContext ctx, string s, string? sep, int max, bool emptyIsNone = false)
    {
        PyList list = ctx.NewList();
        if (emptyIsNone && s.Length == 0)
        {
            return Value.Steal(list);
        }

        if (sep is null)
        {
            string[] parts = s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (max >= 0 && parts.Length > max + 1)
            {
                int idx = 0;
                var result = new List<string>();
                string rest = s.TrimStart();
                for (int i = 0; i < max; i++)
                {
                    int sp = rest.IndexOfAny([' ', '\t', '\n', '\r', '\f', '\v']);
                    result.Add(rest[..sp]);
                    rest = rest[sp..].TrimStart();
                }

                result.Add(rest);
                parts = [.. result];
                _ = idx;
            }

            foreach (string p in parts)
            {
                list.Append(Value.Str(p));
            }

            return Value.Steal(list);
        }

        if (sep.Length == 0)
        {
            list.Release();
            throw PyErr.ValueError("empty separator");
        }

        string[] pieces = max >= 0 ? s.Split(sep, max + 1) : s.Split(sep);
        foreach (string p in pieces)
        {
            list.Append(Value.Str(p));
        }

        return Value.Steal(list);
    }
}
