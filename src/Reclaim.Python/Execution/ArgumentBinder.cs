using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Execution;

/// <summary>Binds call arguments to a function's parameter slots with CPython's error messages.</summary>
internal static class ArgumentBinder
{
    /// <summary>Fills <paramref name="frame"/>'s parameter slots with new references.</summary>
    public static void Bind(PyFunction f, Frame frame, ReadOnlySpan<Value> args, PyDict? kwargs)
    {
        PyContext ctx = PyContext.Current;
        Code code = f.Code;
        Value[] locals = frame.Locals;
        int npos = code.PositionalNames.Length;
        string name = f.Name;
        if (args.Length > npos && code.VarArgsSlot < 0)
        {
            int given = args.Length;
            string takes = f.Defaults.Length > 0 ? $"from {npos - f.Defaults.Length} to {npos}" : npos.ToString(System.Globalization.CultureInfo.InvariantCulture);
            throw PyErr.TypeError($"{f.QualName}() takes {takes} positional argument{(npos == 1 && f.Defaults.Length == 0 ? "" : "s")} but {given} {(given == 1 ? "was" : "were")} given");
        }

        int n = Math.Min(args.Length, npos);
        for (int i = 0; i < n; i++)
        {
            locals[i] = args[i].Dup();
        }

        if (code.VarArgsSlot >= 0)
        {
            locals[code.VarArgsSlot] = args.Length > npos ? ctx.NewTupleOf(args[npos..]) : ctx.NewTuple([]);
        }

        PyDict? extra = null;
        if (code.VarKeywordsSlot >= 0)
        {
            extra = ctx.NewDict();
            locals[code.VarKeywordsSlot] = Value.Steal(extra);
        }

        if (kwargs is not null)
        {
            for (int i = 0; i < kwargs.Used; i++)
            {
                Value k = kwargs.Keys[i];
                if (k.IsNull)
                {
                    continue;
                }

                string kn = k.AsStr;
                int slot = Array.IndexOf(code.PositionalNames, kn);
                if (slot >= 0 && slot < code.PositionalOnlyCount)
                {
                    slot = -1;
                }

                if (slot < 0)
                {
                    int ko = Array.IndexOf(code.KeywordOnlyNames, kn);
                    slot = ko >= 0 ? npos + ko : -1;
                }

                if (slot < 0)
                {
                    if (extra is null)
                    {
                        string[] positionalOnly = [.. code.PositionalNames.Take(code.PositionalOnlyCount).Where(n => kwargs.ContainsKey(Value.Str(n)))];
                        if (positionalOnly.Length > 0)
                        {
                            throw PyErr.TypeError($"{f.QualName}() got some positional-only arguments passed as keyword arguments: '{string.Join(", ", positionalOnly)}'");
                        }

                        throw PyErr.TypeError($"{f.QualName}() got an unexpected keyword argument '{kn}'");
                    }

                    extra.Set(k, kwargs.Values[i]);
                    continue;
                }

                if (!locals[slot].IsNull)
                {
                    throw PyErr.TypeError($"{f.QualName}() got multiple values for argument '{kn}'");
                }

                locals[slot] = kwargs.Values[i].Dup();
            }
        }

        int firstDefault = npos - f.Defaults.Length;
        List<string>? missing = null;
        for (int i = 0; i < npos; i++)
        {
            if (locals[i].IsNull)
            {
                if (i >= firstDefault)
                {
                    locals[i] = f.Defaults[i - firstDefault].Dup();
                }
                else
                {
                    (missing ??= []).Add(code.PositionalNames[i]);
                }
            }
        }

        if (missing is not null)
        {
            throw PyErr.TypeError($"{f.QualName}() missing {missing.Count} required positional argument{(missing.Count == 1 ? "" : "s")}: {Join(missing)}");
        }

        for (int i = 0; i < code.KeywordOnlyNames.Length; i++)
        {
            if (locals[npos + i].IsNull)
            {
                Value d = f.KwDefaults?.Get(code.KeywordOnlyNames[i]) ?? default;
                if (d.IsNull)
                {
                    (missing ??= []).Add(code.KeywordOnlyNames[i]);
                }
                else
                {
                    locals[npos + i] = d.Dup();
                }
            }
        }

        if (missing is not null)
        {
            throw PyErr.TypeError($"{f.QualName}() missing {missing.Count} required keyword-only argument{(missing.Count == 1 ? "" : "s")}: {Join(missing)}");
        }

        _ = name;
    }

    private static string Join(List<string> names)
    {
        var quoted = names.Select(n => "'" + n + "'").ToList();
        return quoted.Count switch
        {
            1 => quoted[0],
            2 => quoted[0] + " and " + quoted[1],
            _ => string.Join(", ", quoted.Take(quoted.Count - 1)) + ", and " + quoted[^1],
        };
    }
}
