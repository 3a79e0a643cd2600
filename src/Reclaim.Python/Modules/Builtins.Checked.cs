using Reclaim.Python.Execution;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Modules;

/// <summary>
/// Argument checks in front of the built-in functions: CPython's arity messages (<c>len() takes exactly one argument
/// (2 given)</c>, <c>divmod expected 2 arguments, got 1</c>) and the range checks that would otherwise reach .NET.
/// </summary>
internal static partial class Builtins
{
    private static void InstallChecked(PyContext ctx)
    {
        foreach (string name in new[] { "len", "abs", "callable", "hash", "id", "repr", "ascii", "hex", "oct", "bin", "any", "all" })
        {
            Wrap(ctx, name, (a, k, inner) => a.Length == 1 ? inner(a, k) : throw PyErr.TypeError($"{name}() takes exactly one argument ({a.Length} given)"));
        }

        foreach ((string name, int min, int max) in new[] { ("divmod", 2, 2), ("isinstance", 2, 2), ("issubclass", 2, 2), ("setattr", 3, 3), ("delattr", 2, 2), ("hasattr", 2, 2), ("getattr", 2, 3), ("next", 1, 2), ("iter", 1, 2), ("format", 1, 2), ("input", 0, 1), ("filter", 2, 2), ("vars", 0, 1) })
        {
            Wrap(ctx, name, (a, k, inner) =>
            {
                if (a.Length < min || a.Length > max)
                {
                    string plural = (a.Length < min ? min : max) == 1 ? "argument" : "arguments";
                    throw PyErr.TypeError(min == max ? $"{name} expected {min} {plural}, got {a.Length}"
                        : a.Length < min ? $"{name} expected at least {min} {plural}, got {a.Length}" : $"{name} expected at most {max} {plural}, got {a.Length}");
                }

                return inner(a, k);
            });
        }

        Wrap(ctx, "chr", (a, k, inner) =>
        {
            if (a.Length != 1)
            {
                throw PyErr.TypeError($"chr() takes exactly one argument ({a.Length} given)");
            }

            if (!(a[0].IsSmallInt || a[0].IsBool))
            {
                throw a[0].Obj is BigInt ? PyErr.Overflow("Python int too large to convert to C int") : PyErr.TypeError($"'{Ops.TypeName(a[0])}' object cannot be interpreted as an integer");
            }

            long cp = a[0].Bits;
            if (cp is < 0 or > 0x10FFFF)
            {
                throw PyErr.ValueError("chr() arg not in range(0x110000)");
            }

            return Value.Str(cp is >= 0xD800 and <= 0xDFFF ? ((char)cp).ToString() : char.ConvertFromUtf32((int)cp));
        });
        Wrap(ctx, "ord", (a, k, inner) =>
        {
            if (a.Length != 1)
            {
                throw PyErr.TypeError($"ord() takes exactly one argument ({a.Length} given)");
            }

            switch (a[0].Obj)
            {
                case string s:
                    int length = Execution.Text.CodePoints.Length(s);
                    return length == 1 ? Value.Int(s.Length == 1 ? s[0] : char.ConvertToUtf32(s, 0)) : throw PyErr.TypeError($"ord() expected a character, but string of length {length} found");
                case PyBytes b:
                    return b.Data.Length == 1 ? Value.Int(b.Data[0]) : throw PyErr.TypeError($"ord() expected a character, but string of length {b.Data.Length} found");
                default:
                    throw PyErr.TypeError($"ord() expected string of length 1, but {Ops.TypeName(a[0])} found");
            }
        });
        Wrap(ctx, "format", (a, k, inner) =>
            a.Length == 2 && a[1].Obj is not string ? throw PyErr.TypeError($"format() argument 2 must be str, not {Ops.TypeName(a[1])}") : inner(a, k));
        Wrap(ctx, "map", (a, k, inner) => a.Length >= 2 ? inner(a, k) : throw PyErr.TypeError("map() must have at least two arguments."));
        Wrap(ctx, "round", (a, k, inner) =>
        {
            if (a.Length == 0 || a.Length > 2)
            {
                throw PyErr.TypeError(a.Length == 0 ? "round() missing required argument 'number' (pos 1)" : $"round() takes at most 2 arguments ({a.Length} given)");
            }

            if (a[0].IsFloat && (a.Length == 1 || a[1].IsNone))
            {
                double d = a[0].AsFloat;
                if (double.IsNaN(d))
                {
                    throw PyErr.ValueError("cannot convert float NaN to integer");
                }

                if (double.IsInfinity(d))
                {
                    throw PyErr.Overflow("cannot convert float infinity to integer");
                }
            }

            return inner(a, k);
        });
        Wrap(ctx, "divmod", (a, k, inner) =>
        {
            if (a.Length == 2 && (a[0].IsFloat || a[1].IsFloat) && (a[1].IsFloat ? a[1].AsFloat == 0 : (a[1].IsSmallInt || a[1].IsBool) && a[1].Bits == 0))
            {
                throw PyErr.ZeroDivision("float divmod()");
            }

            return inner(a, k);
        });
        foreach (string name in new[] { "min", "max" })
        {
            Wrap(ctx, name, (a, k, inner) =>
            {
                if (a.Length == 0)
                {
                    throw PyErr.TypeError($"{name} expected at least 1 argument, got 0");
                }

                if (k is not null)
                {
                    for (int i = 0; i < k.Used; i++)
                    {
                        if (k.Keys[i].Obj is string key && key is not ("key" or "default"))
                        {
                            throw PyErr.TypeError($"'{key}' is an invalid keyword argument for {name}()");
                        }
                    }

                    if (a.Length > 1 && k.ContainsKey(Value.Str("default")))
                    {
                        throw PyErr.TypeError($"Cannot specify a default for {name}() with multiple positional arguments");
                    }
                }

                return inner(a, k);
            });
        }
    }

    /// <summary>A check that runs before a built-in (no copy of the arguments).</summary>
    private delegate Value CheckedFunction(ReadOnlySpan<Value> args, PyDict? kwargs, NativeFunction inner);

    private static void Wrap(PyContext ctx, string name, CheckedFunction check)
    {
        Value existing = ctx.Builtins.Get(name);
        if (existing.Obj is not PyBuiltin old)
        {
            return;
        }

        NativeFunction inner = old.Function;
        ctx.DefBuiltin(name, (a, k) => check(a, k, inner));
    }
}
