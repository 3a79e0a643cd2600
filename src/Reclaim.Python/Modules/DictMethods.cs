using Reclaim.Python.Execution;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Modules;

/// <summary>The dict methods beyond the basics of <see cref="ContainerMethods"/>: fromkeys, equality, reversal, <c>|=</c>.</summary>
internal static class DictMethods
{
    /// <summary>Installs them.</summary>
    public static void Install(PyContext ctx)
    {
        PyType d = ctx.DictType;
        d.SetMember("fromkeys", DataModel.NativeClassMethod(ctx, d, "fromkeys", (a, k) =>
        {
            if (a.Length < 2 || a.Length > 3)
            {
                throw PyErr.TypeError($"fromkeys expected at least 1 argument, got {a.Length - 1}");
            }

            Value target = a[0].Obj is PyType t && t == ctx.DictType ? Value.Steal(ctx.NewDict()) : Ops.Call(a[0], [], null);
            Value fill = a.Length > 2 ? a[2] : Value.None;
            try
            {
                foreach (Value key in Ops.ToList(a[1]))
                {
                    try
                    {
                        Ops.SetItem(target, key, fill);
                    }
                    finally
                    {
                        key.Drop();
                    }
                }
            }
            catch
            {
                target.Drop();
                throw;
            }

            return target;
        }));
        ctx.DefMethod(d, "__eq__", (a, k) => a[1].Obj is PyDict other and not PySet ? Value.Bool(Equal((PyDict)a[0].Obj!, other)) : ctx.NotImplemented.Dup());
        ctx.DefMethod(d, "__ne__", (a, k) => a[1].Obj is PyDict other and not PySet ? Value.Bool(!Equal((PyDict)a[0].Obj!, other)) : ctx.NotImplemented.Dup());
        ctx.DefMethod(d, "__reversed__", (a, k) =>
        {
            Value keys = Ops.CallMethod(ctx.DictKeysType.Lookup("__reversed__"), Ops.CallMethod(d.Lookup("keys"), a[0], []), []);
            return keys;
        });
        ctx.DefMethod(d, "__ior__", (a, k) =>
        {
            Ops.Update((PyDict)a[0].Obj!, a[1]);
            return a[0].Dup();
        });
        ctx.DefMethod(d, "__or__", (a, k) =>
        {
            if (a[1].Obj is not PyDict or PySet)
            {
                return ctx.NotImplemented.Dup();
            }

            Value copy = Ops.CallMethod(d.Lookup("copy"), a[0], []);
            Ops.Update((PyDict)copy.Obj!, a[1]);
            return copy;
        });
    }

    /// <summary>Dict equality: same size and every key mapping to an equal value.</summary>
    public static bool Equal(PyDict a, PyDict b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        for (int i = 0; i < a.Used; i++)
        {
            Value key = a.Keys[i];
            if (key.IsNull)
            {
                continue;
            }

            // Hold the key and value: a comparison may mutate either dict.
            key.Dup();
            Value mine = a.Values[i].Dup();
            try
            {
                Value theirs = b.Get(key);
                if (theirs.IsNull)
                {
                    return false;
                }

                theirs.Dup();
                bool eq = mine.Is(theirs) || Ops.RichBool(mine, theirs, CompareOp.Eq);
                theirs.Drop();
                if (!eq)
                {
                    return false;
                }
            }
            finally
            {
                key.Drop();
                mine.Drop();
            }

            if (i >= a.Used)
            {
                break;
            }
        }

        return true;
    }
}
