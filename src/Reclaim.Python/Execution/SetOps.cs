using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;
using Reclaim.Python.Syntax.Ast;

namespace Reclaim.Python.Execution;

/// <summary>Set algebra for <c>set</c> and <c>frozenset</c>.</summary>
internal static class SetOps
{
    /// <summary>A new empty set of <paramref name="type"/>.</summary>
    public static PySet NewSet(PyType type) => PyContext.Current.Runtime.AdoptReference(new PySet(type));

    /// <summary>Adds a borrowed value.</summary>
    public static void Add(PySet set, Value v)
    {
        if (!set.ContainsKey(v))
        {
            set.Set(v, Value.None);
        }
    }

    /// <summary><c>|</c>, <c>&amp;</c>, <c>-</c>, <c>^</c>.</summary>
    public static Value Binary(BinaryOperator op, PySet a, PySet b)
    {
        PySet r = NewSet(a.Type.IsHeap ? PyContext.Current.SetType : a.Type);
        for (int i = 0; i < a.Used; i++)
        {
            Value k = a.Keys[i];
            if (k.IsNull)
            {
                continue;
            }

            bool inB = b.ContainsKey(k);
            if (op == BinaryOperator.BitOr || (op == BinaryOperator.BitAnd && inB) || (op is BinaryOperator.Sub or BinaryOperator.BitXor && !inB))
            {
                Add(r, k);
            }
        }

        if (op is BinaryOperator.BitOr or BinaryOperator.BitXor)
        {
            for (int i = 0; i < b.Used; i++)
            {
                Value k = b.Keys[i];
                if (!k.IsNull && !a.ContainsKey(k))
                {
                    Add(r, k);
                }
            }
        }

        return Value.Steal(r);
    }
}
