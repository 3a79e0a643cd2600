using Reclaim.Python.Objects;

namespace Reclaim.Python.Execution;

/// <summary>The str arguments built-in methods take, checked with CPython's messages before the method reads them.</summary>
internal static class ArgumentChecks
{
    /// <summary>An attribute name (<c>setattr</c>, <c>__getattribute__</c>, <c>__delattr__</c>...).</summary>
    public static string AttributeName(Value v) =>
        v.Obj is string s ? s : throw PyErr.TypeError($"attribute name must be string, not '{Ops.TypeName(v)}'");

    /// <summary>The format spec a <c>__format__</c> method receives.</summary>
    public static string FormatSpec(Value v) =>
        v.Obj is string s ? s : throw PyErr.TypeError($"__format__() argument must be str, not {NameForMessage(v)}");

    /// <summary>The characters of <c>str.strip</c>/<c>lstrip</c>/<c>rstrip</c>, or null for None or no argument.</summary>
    public static string? StripChars(ReadOnlySpan<Value> args, string method) =>
        args.Length < 2 || args[1].IsNone ? null
        : args[1].Obj is string s ? s : throw PyErr.TypeError($"{method} arg must be None or str");

    /// <summary>A separator that may be None (<c>str.split</c>, <c>str.rsplit</c>).</summary>
    public static string? OptionalSeparator(Value v) =>
        v.IsNone ? null : v.Obj is string s ? s : throw PyErr.TypeError($"must be str or None, not {NameForMessage(v)}");

    // CPython's argument errors name None as "None", any other value by its type.
    private static string NameForMessage(Value v) => v.IsNone ? "None" : Ops.TypeName(v);
}
