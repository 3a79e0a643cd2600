using Reclaim.Python.Execution;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;
using Reclaim.Python.Syntax.Ast;

namespace Reclaim.Python.Modules;

/// <summary>set and frozenset: the named set algebra, comparisons, in-place operators and frozenset's hash.</summary>
internal static class SetMethods
{
    /// <summary>Installs them.</summary>
    public static void Install(PyContext ctx)
    {
        PyType s = ctx.SetType, f = ctx.FrozenSetType;
        foreach (PyType type in new[] { s, f })
        {
            ctx.DefMethod(type, "union", (a, k) => Algebra(a, BinaryOperator.BitOr));
            ctx.DefMethod(type, "intersection", (a, k) => Algebra(a, BinaryOperator.BitAnd));
            ctx.DefMethod(type, "difference", (a, k) => Algebra(a, BinaryOperator.Sub));
            ctx.DefMethod(type, "symmetric_difference", (a, k) => Algebra(Exactly(a, 2, "symmetric_difference"), BinaryOperator.BitXor));
            ctx.DefMethod(type, "issubset", (a, k) =>
            {
                PySet self = Self(Exactly(a, 2, "issubset"));
                return Value.Bool(WithSet(a[1], other => IsSubset(self, other)));
            });
            ctx.DefMethod(type, "issuperset", (a, k) =>
            {
                PySet self = Self(Exactly(a, 2, "issuperset"));
                return Value.Bool(WithSet(a[1], other => IsSubset(other, self)));
            });
            ctx.DefMethod(type, "isdisjoint", (a, k) =>
            {
                PySet self = Self(Exactly(a, 2, "isdisjoint"));
                return Value.Bool(WithSet(a[1], other => !Any(self, other, true)));
            });
            ctx.DefMethod(type, "copy", (a, k) => Copy(Self(a), ReferenceEquals(Self(a).Type, f) ? f : s));
            ctx.DefMethod(type, "__eq__", (a, k) => Compare(a, CompareOp.Eq));
            ctx.DefMethod(type, "__ne__", (a, k) => Compare(a, CompareOp.Ne));
            ctx.DefMethod(type, "__lt__", (a, k) => Compare(a, CompareOp.Lt));
            ctx.DefMethod(type, "__le__", (a, k) => Compare(a, CompareOp.Le));
            ctx.DefMethod(type, "__gt__", (a, k) => Compare(a, CompareOp.Gt));
            ctx.DefMethod(type, "__ge__", (a, k) => Compare(a, CompareOp.Ge));
        }

        ctx.DefMethod(f, "__hash__", (a, k) => Value.Int(FrozenHash(Self(a))));
        ctx.DefMethod(s, "update", (a, k) => Update(a, BinaryOperator.BitOr));
        ctx.DefMethod(s, "intersection_update", (a, k) => Update(a, BinaryOperator.BitAnd));
        ctx.DefMethod(s, "difference_update", (a, k) => Update(a, BinaryOperator.Sub));
        ctx.DefMethod(s, "symmetric_difference_update", (a, k) => Update(Exactly(a, 2, "symmetric_difference_update"), BinaryOperator.BitXor));
        ctx.DefMethod(s, "__ior__", (a, k) => InPlace(a, BinaryOperator.BitOr));
        ctx.DefMethod(s, "__iand__", (a, k) => InPlace(a, BinaryOperator.BitAnd));
        ctx.DefMethod(s, "__isub__", (a, k) => InPlace(a, BinaryOperator.Sub));
        ctx.DefMethod(s, "__ixor__", (a, k) => InPlace(a, BinaryOperator.BitXor));
        ctx.DefMethod(s, "pop", (a, k) =>
        {
            PySet set = Self(a);
            for (int i = 0; i < set.Used; i++)
            {
                if (!set.Keys[i].IsNull)
                {
                    Value key = set.Keys[i].Dup();
                    set.Remove(key);
                    return key;
                }
            }

            throw PyErr.KeyError(Value.Str("pop from an empty set"));
        });
    }

    private static PySet Self(ReadOnlySpan<Value> a) => (PySet)a[0].Obj!;

    private static ReadOnlySpan<Value> Exactly(ReadOnlySpan<Value> a, int n, string name) =>
        a.Length == n ? a : throw PyErr.TypeError($"set.{name}() takes exactly one argument ({a.Length - 1} given)");

    /// <summary>Runs <paramref name="body"/> with <paramref name="other"/> as a set (made from any iterable).</summary>
    private static bool WithSet(Value other, Func<PySet, bool> body)
    {
        if (other.Obj is PySet set)
        {
            return body(set);
        }

        PySet made = FromIterable(other);
        try
        {
            return body(made);
        }
        finally
        {
            made.Release();
        }
    }

    /// <summary>A new set holding the items of <paramref name="iterable"/> (owned).</summary>
    public static PySet FromIterable(Value iterable)
    {
        PySet set = SetOps.NewSet(PyContext.Current.SetType);
        try
        {
            foreach (Value v in Ops.ToList(iterable))
            {
                try
                {
                    SetOps.Add(set, v);
                }
                finally
                {
                    v.Drop();
                }
            }
        }
        catch
        {
            set.Release();
            throw;
        }

        return set;
    }

    private static Value Copy(PySet source, PyType type)
    {
        PySet r = SetOps.NewSet(type);
        for (int i = 0; i < source.Used; i++)
        {
            if (!source.Keys[i].IsNull)
            {
                SetOps.Add(r, source.Keys[i]);
            }
        }

        return Value.Steal(r);
    }

    private static Value Algebra(ReadOnlySpan<Value> a, BinaryOperator op)
    {
        PySet self = Self(a);
        Value result = Copy(self, self.Type.IsHeap ? PyContext.Current.SetType : self.Type);
        for (int i = 1; i < a.Length; i++)
        {
            Value other = a[i];
            bool ok = WithSet(other, o =>
            {
                Value next = SetOps.Binary(op, (PySet)result.Obj!, o);
                result.Drop();
                result = next;
                return true;
            });
            _ = ok;
        }

        return result;
    }

    private static Value Update(ReadOnlySpan<Value> a, BinaryOperator op)
    {
        PySet self = Self(a);
        for (int i = 1; i < a.Length; i++)
        {
            WithSet(a[i], o => Apply(self, o, op));
        }

        return Value.None;
    }

    private static Value InPlace(ReadOnlySpan<Value> a, BinaryOperator op)
    {
        if (a[1].Obj is not PySet other)
        {
            return PyContext.Current.NotImplemented.Dup();
        }

        Apply(Self(a), other, op);
        return a[0].Dup();
    }

    /// <summary>Changes <paramref name="self"/> in place by one operand.</summary>
    private static bool Apply(PySet self, PySet other, BinaryOperator op)
    {
        Value result = SetOps.Binary(op, self, other);
        try
        {
            var r = (PySet)result.Obj!;
            if (op == BinaryOperator.BitOr)
            {
                for (int i = 0; i < r.Used; i++)
                {
                    if (!r.Keys[i].IsNull)
                    {
                        SetOps.Add(self, r.Keys[i]);
                    }
                }

                return true;
            }

            // Keep the survivors in their order: remove what the result lacks, then add what it gained.
            var gone = new List<Value>();
            for (int i = 0; i < self.Used; i++)
            {
                if (!self.Keys[i].IsNull && !r.ContainsKey(self.Keys[i]))
                {
                    gone.Add(self.Keys[i].Dup());
                }
            }

            foreach (Value g in gone)
            {
                self.Remove(g);
                g.Drop();
            }

            for (int i = 0; i < r.Used; i++)
            {
                if (!r.Keys[i].IsNull)
                {
                    SetOps.Add(self, r.Keys[i]);
                }
            }

            return true;
        }
        finally
        {
            result.Drop();
        }
    }

    /// <summary>Whether every item of <paramref name="a"/> is in <paramref name="b"/>.</summary>
    public static bool IsSubset(PySet a, PySet b) => a.Count <= b.Count && !Any(a, b, false);

    /// <summary>Whether some item of <paramref name="a"/> is (or, with <paramref name="present"/> false, is not) in <paramref name="b"/>.</summary>
    private static bool Any(PySet a, PySet b, bool present)
    {
        for (int i = 0; i < a.Used; i++)
        {
            if (!a.Keys[i].IsNull && b.ContainsKey(a.Keys[i]) == present)
            {
                return true;
            }
        }

        return false;
    }

    private static Value Compare(ReadOnlySpan<Value> a, CompareOp op)
    {
        if (a[1].Obj is not PySet b)
        {
            return PyContext.Current.NotImplemented.Dup();
        }

        PySet x = Self(a);
        return Value.Bool(op switch
        {
            CompareOp.Eq => x.Count == b.Count && IsSubset(x, b),
            CompareOp.Ne => !(x.Count == b.Count && IsSubset(x, b)),
            CompareOp.Le => IsSubset(x, b),
            CompareOp.Lt => x.Count < b.Count && IsSubset(x, b),
            CompareOp.Ge => IsSubset(b, x),
            _ => b.Count < x.Count && IsSubset(b, x),
        });
    }

    /// <summary>An order-independent hash of the items, as frozenset's is.</summary>
    private static long FrozenHash(PySet set)
    {
        ulong h = 0;
        for (int i = 0; i < set.Used; i++)
        {
            if (!set.Keys[i].IsNull)
            {
                ulong x = (ulong)Ops.Hash(set.Keys[i]);
                h ^= ((x ^ (x << 16) ^ 89869747UL) * 3644798167UL);
            }
        }

        h ^= ((ulong)set.Count + 1) * 1927868237UL;
        h = (h * 69069UL) + 907133923UL;
        long r = (long)(h >> 1);
        return r == -1 ? 590923713 : r;
    }
}
