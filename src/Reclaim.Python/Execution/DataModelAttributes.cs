using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Execution;

/// <summary>More built-in attributes: a class's <c>__dict__</c>, a function's <c>__closure__</c>, <c>__code__</c>,
/// <c>__kwdefaults__</c> and <c>__annotations__</c>, a cell's <c>cell_contents</c>, a code object's <c>co_*</c>.</summary>
internal static class DataModelAttributes
{
    /// <summary>A new reference to the attribute, or null.</summary>
    public static Value Get(Value obj, string name)
    {
        PyContext ctx = PyContext.Current;
        switch (obj.Obj)
        {
            case PyType t when name == "__dict__":
                return ClassDict(ctx, t);
            case PyFunction f:
                return name switch
                {
                    "__closure__" => f.Closure.Length == 0 ? Value.None : ctx.NewTupleOf([.. f.Closure.Select(c => Value.Steal(c))]),
                    "__code__" => Value.Steal(ctx.Runtime.AdoptReference(new PyCode(ctx.CodeType, f.Code, "function"))),
                    "__kwdefaults__" => f.KwDefaults is { Count: > 0 } kd ? Value.New(kd) : Value.None,
                    "__annotations__" => LazyDictAttribute(ctx, f, "__annotations__"),
                    _ => default,
                };
            case PyCell cell when name == "cell_contents":
                return cell.Contents.IsNull ? throw PyErr.ValueError("Cell is empty") : cell.Contents.Dup();
            case PyCode code:
                return CodeAttribute(ctx, code.Code, name);
            case PyBox box:
                return Modules.RangeSliceMethods.Attribute(ctx, box, name);
            case Value.Tag or BigInt when obj.IsSmallInt || obj.IsBool || obj.Obj is BigInt:
                return name switch
                {
                    "real" or "numerator" => obj.IsBool ? Value.Int(obj.Bits) : obj,
                    "imag" => Value.Int(0),
                    "denominator" => Value.Int(1),
                    _ => default,
                };
            case Value.Tag when obj.IsFloat:
                return name switch { "real" => obj, "imag" => Value.Float(0), _ => default };
        }

        return default;
    }

    /// <summary>A class's namespace as a new dict (CPython shows a read-only mappingproxy of the same entries).</summary>
    private static Value ClassDict(PyContext ctx, PyType t)
    {
        PyDict d = ctx.NewDict();
        foreach (KeyValuePair<string, Value> kv in t.Members)
        {
            d.Set(Value.Str(kv.Key), kv.Value);
        }

        if (t.IsHeap && !t.Defines("__doc__"))
        {
            d.Set(Value.Str("__doc__"), Value.None);
        }

        return Value.Steal(d);
    }

    private static Value LazyDictAttribute(PyContext ctx, PyObject o, string name)
    {
        o.EnableAttributes();
        Value existing = o.GetAttribute(name);
        if (!existing.IsNull)
        {
            return existing.Dup();
        }

        Value made = Value.Steal(ctx.NewDict());
        o.TrySetAttribute(name, made.Dup());
        return made;
    }

    private static Value Names(PyContext ctx, IEnumerable<string> names) => ctx.NewTuple([.. names.Select(Value.Str)]);

    private static Value CodeAttribute(PyContext ctx, Code code, string name)
    {
        int argCount = code.PositionalNames.Length;
        return name switch
        {
            "co_name" => Value.Str(code.Name),
            "co_qualname" => Value.Str(code.QualName),
            "co_filename" => Value.Str(code.FileName),
            "co_firstlineno" => Value.Int(Math.Max(1, code.FirstLine)),
            "co_argcount" => Value.Int(argCount),
            "co_posonlyargcount" => Value.Int(code.PositionalOnlyCount),
            "co_kwonlyargcount" => Value.Int(code.KeywordOnlyNames.Length),
            "co_nlocals" => Value.Int(VarNames(code).Count),
            "co_varnames" => Names(ctx, VarNames(code)),
            "co_cellvars" => Names(ctx, code.CellNames),
            "co_freevars" => Names(ctx, code.FreeNames),
            _ => default,
        };
    }

    // co_varnames: the parameters, then the other locals; parameters captured by inner functions stay listed.
    private static List<string> VarNames(Code code)
    {
        var names = new List<string>(code.PositionalNames);
        names.AddRange(code.KeywordOnlyNames);
        foreach (string n in code.LocalNames)
        {
            if (!names.Contains(n))
            {
                names.Add(n);
            }
        }

        return names;
    }
}
