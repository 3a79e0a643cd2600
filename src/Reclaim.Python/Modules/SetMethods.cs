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
            ctx.DefMethod(type, "union", (a, k) =>
            {
                PySet self = Self(a);
                return Multi(a, SetOps.Copy(self), (r, o) =>
                {
                    if (o.Obj != self)
                    {
                        SetOps.Update(r, o);
                    }

                    return r;
                });
            });
            ctx.DefMethod(type, "intersection", (a, k) => Intersection(a));
            ctx.DefMethod(type, "difference", (a, k) => Multi(a, a.Length == 1 ? SetOps.Copy(Self(a)) : SetOps.Difference(Self(a), a[1]), (r, o) =>
            {
                SetOps.DifferenceUpdate(r, o);
                return r;
            }, 2));
            ctx.DefMethod(type, "symmetric_difference", (a, k) => Value.Steal(SetOps.SymmetricDifference(Self(Exactly(a, 2, "symmetric_difference")), a[1])));
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
            foreach ((string name, BinaryOperator op) in new[] { ("or", BinaryOperator.BitOr), ("and", BinaryOperator.BitAnd), ("sub", BinaryOperator.Sub), ("xor", BinaryOperator.BitXor) })
            {
                // Only between two sets (NotImplemented otherwise); the reflected form puts the other operand first.
                ctx.DefMethod(type, "__" + name + "__", (a, k) => a[1].Obj is PySet b ? SetOps.Binary(op, Self(a), b) : ctx.NotImplemented.Dup());
                ctx.DefMethod(type, "__r" + name + "__", (a, k) => a[1].Obj is PySet b ? SetOps.Binary(op, b, Self(a)) : ctx.NotImplemented.Dup());
            }

            ctx.DefMethod(type, "copy", (a, k) => Self(a).Type == f ? a[0].Dup() : Value.Steal(SetOps.Copy(Self(a))));
            ctx.DefMethod(type, "__eq__", (a, k) => Compare(a, CompareOp.Eq));
            ctx.DefMethod(type, "__ne__", (a, k) => Compare(a, CompareOp.Ne));
            ctx.DefMethod(type, "__lt__", (a, k) => Compare(a, CompareOp.Lt));
            ctx.DefMethod(type, "__le__", (a, k) => Compare(a, CompareOp.Le));
            ctx.DefMethod(type, "__gt__", (a, k) => Compare(a, CompareOp.Gt));
            ctx.DefMethod(type, "__ge__", (a, k) => Compare(a, CompareOp.Ge));
        }

        ctx.DefMethod(f, "__hash__", (a, k) => Value.Int(Self(a).FrozenHash()));
        ctx.DefMethod(s, "update", (a, k) =>
        {
            PySet self = Self(a);
            return Each(a, o => SetOps.Update(self, o));
        });
        ctx.DefMethod(s, "intersection_update", (a, k) =>
        {
            Value result = Intersection(a);
            Self(a).SwapBodies((PySet)result.Obj!);
            result.Drop();
            return Value.None;
        });
        ctx.DefMethod(s, "difference_update", (a, k) =>
        {
            PySet self = Self(a);
            return Each(a, o => SetOps.DifferenceUpdate(self, o));
        });
        ctx.DefMethod(s, "symmetric_difference_update", (a, k) =>
        {
            SetOps.SymmetricDifferenceUpdate(Self(Exactly(a, 2, "symmetric_difference_update")), a[1]);
            return Value.None;
        });
        ctx.DefMethod(s, "__ior__", (a, k) => InPlace(a, SetOps.Update));
        ctx.DefMethod(s, "__iand__", (a, k) => InPlace(a, (so, o) =>
        {
            PySet r = SetOps.Intersection(so, o);
            so.SwapBodies(r);
            r.Release();
        }));
        ctx.DefMethod(s, "__isub__", (a, k) => InPlace(a, SetOps.DifferenceUpdate));
        ctx.DefMethod(s, "__ixor__", (a, k) => InPlace(a, SetOps.SymmetricDifferenceUpdate));
        ctx.DefMethod(s, "pop", (a, k) => Self(a).Pop());
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
        return SetOps.Build(set, r => SetOps.Update(r, iterable));
    }

    /// <summary>
    /// A method over any number of operands: <paramref name="first"/> is the result of the first step (owned), and
    /// <paramref name="step"/> folds each operand from <paramref name="from"/> on into the result.
    /// </summary>
    private static Value Multi(ReadOnlySpan<Value> a, PySet first, Func<PySet, Value, PySet> step, int from = 1)
    {
        PySet result = first;
        try
        {
            for (int i = from; i < a.Length; i++)
            {
                result = step(result, a[i]);
            }
        }
        catch
        {
            result.Release();
            throw;
        }

        return Value.Steal(result);
    }

    /// <summary><c>intersection(*others)</c>: each operand intersected with the result so far.</summary>
    private static Value Intersection(ReadOnlySpan<Value> a) =>
        Multi(a, a.Length == 1 ? SetOps.Copy(Self(a)) : SetOps.Intersection(Self(a), a[1]), (r, o) =>
        {
            PySet next = SetOps.Intersection(r, o);
            r.Release();
            return next;
        }, 2);

    private static Value Each(ReadOnlySpan<Value> a, Action<Value> body)
    {
        for (int i = 1; i < a.Length; i++)
        {
            body(a[i]);
        }

        return Value.None;
    }

    private static Value InPlace(ReadOnlySpan<Value> a, Action<PySet, Value> body)
    {
        if (a[1].Obj is not PySet)
        {
            return PyContext.Current.NotImplemented.Dup();
        }

        body(Self(a), a[1]);
        return a[0].Dup();
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
}
