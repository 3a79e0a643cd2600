using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;
using Reclaim.Python.Syntax.Ast;

namespace Reclaim.Python.Execution;

/// <summary>
/// Set algebra for <c>set</c> and <c>frozenset</c>, each result built the way CPython builds it (which operand is
/// walked, which is copied first), since that decides the order of the result's table.
/// </summary>
internal static class SetOps
{
    /// <summary>A new empty set of <paramref name="type"/>.</summary>
    public static PySet NewSet(PyType type) => PyContext.Current.Runtime.AdoptReference(new PySet(type));

    /// <summary>Adds a borrowed value.</summary>
    public static void Add(PySet set, Value v) => set.AddEntry(v, Ops.Hash(v));

    /// <summary>The built-in type a result of an operation on <paramref name="s"/> has: set or frozenset.</summary>
    public static PyType BaseType(PySet s)
    {
        PyContext ctx = PyContext.Current;
        return !s.Type.IsHeap ? s.Type : s.Type.IsSubtypeOf(ctx.FrozenSetType) ? ctx.FrozenSetType : ctx.SetType;
    }

    /// <summary>A new set of the base type of <paramref name="s"/> holding its items (owned).</summary>
    public static PySet Copy(PySet s)
    {
        PySet r = NewSet(BaseType(s));
        r.Merge(s);
        return r;
    }

    /// <summary>Runs <paramref name="body"/> on a new set, releasing it if <paramref name="body"/> throws.</summary>
    public static PySet Build(PySet r, Action<PySet> body)
    {
        try
        {
            body(r);
        }
        catch
        {
            r.Release();
            throw;
        }

        return r;
    }

    /// <summary>Adds every item of <paramref name="other"/> (a set, a dict's keys or any iterable) to <paramref name="so"/>.</summary>
    public static void Update(PySet so, Value other)
    {
        if (other.Obj is PySet o)
        {
            so.Merge(o);
            return;
        }

        if (other.Obj is PyDict d && d.Type == PyContext.Current.DictType)
        {
            so.Presize(d.Count);
        }

        Each(other, v => Add(so, v));
    }

    /// <summary>Calls <paramref name="body"/> with each item of <paramref name="iterable"/> (borrowed), stopping when it returns false.</summary>
    public static void Each(Value iterable, Func<Value, bool> body)
    {
        Value it = Ops.GetIter(iterable);
        try
        {
            while (Ops.Next(it, out Value v))
            {
                try
                {
                    if (!body(v))
                    {
                        return;
                    }
                }
                finally
                {
                    v.Drop();
                }
            }
        }
        finally
        {
            it.Drop();
        }
    }

    /// <summary>Calls <paramref name="body"/> with each item of <paramref name="iterable"/> (borrowed).</summary>
    public static void Each(Value iterable, Action<Value> body) => Each(iterable, v =>
    {
        body(v);
        return true;
    });

    /// <summary>Calls <paramref name="body"/> with each key of <paramref name="s"/> and its hash in table order (held while in use).</summary>
    public static void EachEntry(PySet s, Action<Value, long> body)
    {
        for (int i = 0; i < s.Keys.Length; i++)
        {
            Value k = s.Keys[i];
            if (k.IsNull)
            {
                continue;
            }

            long h = s.HashAt(i);
            k.Dup();
            try
            {
                body(k, h);
            }
            finally
            {
                k.Drop();
            }
        }
    }

    /// <summary><c>|</c>, <c>&amp;</c>, <c>-</c>, <c>^</c> of two sets.</summary>
    public static Value Binary(BinaryOperator op, PySet a, PySet b)
    {
        Value other = Value.Steal(b); // borrowed: wrapped without a count, never dropped
        return Value.Steal(op switch
        {
            BinaryOperator.BitOr => Union(a, other),
            BinaryOperator.BitAnd => Intersection(a, other),
            BinaryOperator.Sub => Difference(a, other),
            _ => SymmetricDifference(a, other),
        });
    }

    /// <summary>A copy of <paramref name="so"/> updated by <paramref name="other"/>.</summary>
    public static PySet Union(PySet so, Value other) =>
        Build(Copy(so), r =>
        {
            if (other.Obj != so)
            {
                Update(r, other);
            }
        });

    /// <summary>The items of <paramref name="so"/> also in <paramref name="other"/>; between two sets the smaller is walked.</summary>
    public static PySet Intersection(PySet so, Value other)
    {
        if (other.Obj == so)
        {
            return Copy(so);
        }

        return Build(NewSet(BaseType(so)), r =>
        {
            if (other.Obj is PySet o)
            {
                (PySet big, PySet small) = o.Count > so.Count ? (o, so) : (so, o);
                EachEntry(small, (k, h) =>
                {
                    if (big.Lookup(k, h) >= 0)
                    {
                        r.AddEntry(k, h);
                    }
                });
                return;
            }

            Each(other, v =>
            {
                long h = Ops.Hash(v);
                if (so.Lookup(v, h) >= 0)
                {
                    r.AddEntry(v, h);
                    return r.Count < so.Count;
                }

                return true;
            });
        });
    }

    /// <summary>The items of <paramref name="so"/> not in <paramref name="other"/>.</summary>
    public static PySet Difference(PySet so, Value other)
    {
        PyDict? dict = other.Obj is PyDict d && (d is PySet || d.Type == PyContext.Current.DictType) ? d : null;
        if (dict is null || (so.Count >> 2) > dict.Count)
        {
            // Copying the big set and removing the few is cheaper, and the only way for other iterables.
            return Build(Copy(so), r => DifferenceUpdate(r, other));
        }

        return Build(NewSet(BaseType(so)), r => EachEntry(so, (k, h) =>
        {
            if (!dict.ContainsKey(k))
            {
                r.AddEntry(k, h);
            }
        }));
    }

    /// <summary>Removes the items of <paramref name="other"/> from <paramref name="so"/>.</summary>
    public static void DifferenceUpdate(PySet so, Value other)
    {
        if (other.Obj == so)
        {
            so.ClearTable();
            return;
        }

        if (other.Obj is PySet o)
        {
            // A much bigger operand: walk only the common part.
            PySet walked = (o.Count >> 3) > so.Count ? Intersection(so, other) : o;
            try
            {
                EachEntry(walked, (k, h) => Discard(so, k, h));
            }
            finally
            {
                if (walked != o)
                {
                    walked.Release();
                }
            }
        }
        else
        {
            Each(other, v => Discard(so, v, Ops.Hash(v)));
        }

        so.PurgeDeleted();
    }

    /// <summary>Toggles in <paramref name="so"/> each item of <paramref name="other"/>.</summary>
    public static void SymmetricDifferenceUpdate(PySet so, Value other)
    {
        if (other.Obj == so)
        {
            so.ClearTable();
            return;
        }

        if (other.Obj is PyDict d && d is not PySet && d.Type == PyContext.Current.DictType)
        {
            Each(other, v => Toggle(so, v, Ops.Hash(v)));
            return;
        }

        PySet otherSet = other.Obj as PySet ?? Build(NewSet(BaseType(so)), t => Update(t, other));
        try
        {
            EachEntry(otherSet, (k, h) => Toggle(so, k, h));
        }
        finally
        {
            if (otherSet != other.Obj)
            {
                otherSet.Release();
            }
        }
    }

    /// <summary>A set of the items of <paramref name="other"/> toggled by those of <paramref name="so"/>.</summary>
    public static PySet SymmetricDifference(PySet so, Value other) =>
        Build(NewSet(BaseType(so)), r =>
        {
            Update(r, other);
            SymmetricDifferenceUpdate(r, Value.Steal(so)); // borrowed
        });

    private static void Discard(PySet so, Value k, long h)
    {
        if (so.Discard(k, h, out Value removed))
        {
            removed.Drop();
        }
    }

    private static void Toggle(PySet so, Value k, long h)
    {
        if (so.Discard(k, h, out Value removed))
        {
            removed.Drop();
        }
        else
        {
            so.AddEntry(k, h);
        }
    }
}
