using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Execution;

internal static partial class Ops
{
    /// <summary><c>len(x)</c>.</summary>
    public static long Len(Value v)
    {
        switch (v.Obj)
        {
            case string s:
                return Text.CodePoints.Length(s);
            case PySequence q when !q.Type.IsHeap || q.Type.Lookup("__len__").Obj is PyBuiltin:
                return q.Count;
            case PyDict d when !d.Type.IsHeap || d.Type.Lookup("__len__").Obj is PyBuiltin:
                return d.Count;
            case PyBox { Native: RangeState r }:
                return r.Length;
        }

        Value f = TypeOf(v).Lookup("__len__");
        if (f.IsNull)
        {
            throw PyErr.TypeError($"object of type '{TypeName(v)}' has no len()");
        }

        long n = ToIndex(CallMethod(f, v, []));
        if (n < 0)
        {
            throw PyErr.ValueError("__len__() should return >= 0");
        }

        return n;
    }

    /// <summary><c>x[key]</c>; returns a new reference.</summary>
    public static Value GetItem(Value obj, Value key)
    {
        PyContext ctx = PyContext.Current;
        switch (obj.Obj)
        {
            case PySequence q when !q.Type.IsHeap || q.Type.Lookup("__getitem__").Obj is PyBuiltin:
                return SequenceItem(q, obj, key);
            case PyDict d when d is not PySet && (!d.Type.IsHeap || d.Type.Lookup("__getitem__").Obj is PyBuiltin):
                return DictItem(d, obj, key);
            case string s when Text.CodePoints.HasSurrogates(s):
                return Text.StrItems.GetItem(s, key);
            case string s:
                if (key.IsSmallInt || key.IsBool)
                {
                    long i = key.Bits < 0 ? key.Bits + s.Length : key.Bits;
                    if (i < 0 || i >= s.Length)
                    {
                        throw PyErr.IndexError("string index out of range");
                    }

                    return Value.Str(s[(int)i].ToString());
                }

                if (key.Obj is PyBox sl2 && sl2.Type == ctx.SliceType)
                {
                    (long start, long _, long step, long n) = Slices.Indices(sl2, s.Length);
                    if (step == 1)
                    {
                        return Value.Str(s.Substring((int)start, (int)n));
                    }

                    var chars = new char[n];
                    for (long k = 0, j = start; k < n; k++, j += step)
                    {
                        chars[k] = s[(int)j];
                    }

                    return Value.Str(new string(chars));
                }

                if (TryIndexOf(key, out long at))
                {
                    return GetItem(obj, Value.Int(at));
                }

                throw PyErr.TypeError($"string indices must be integers, not '{TypeName(key)}'");
            case PyBox { Native: RangeState rs } when key.Obj is PyBox rangeSlice && rangeSlice.Type == ctx.SliceType:
                // A slice of a range is a range: CPython's compute_slice on the element positions.
                (long from, long to, long by, _) = Slices.Indices(rangeSlice, rs.Length);
                return Value.Steal(ctx.Runtime.AdoptReference(new PyBox(ctx.RangeType, 0)
                {
                    Native = new RangeState(rs.Start + (from * rs.Step), rs.Start + (to * rs.Step), by * rs.Step),
                }));
            case PyBox { Native: RangeState r } when key.IsSmallInt:
                long idx = key.Bits < 0 ? key.Bits + r.Length : key.Bits;
                if (idx < 0 || idx >= r.Length)
                {
                    throw PyErr.IndexError("range object index out of range");
                }

                return Value.Int(r.Start + (idx * r.Step));
            case PyType t:
                Value cg = t.Lookup("__class_getitem__");
                if (!cg.IsNull)
                {
                    return Call(cg.Obj is PyBox { Slots: var cs } cb && cb.Type == ctx.ClassMethodType ? cs[0] : cg, [obj, key], null);
                }

                return obj.Dup();
        }

        Value f = TypeOf(obj).Lookup("__getitem__");
        if (f.IsNull && obj.Obj is PyValueBox box)
        {
            // A str subclass without its own __getitem__ indexes its value.
            return GetItem(box.Inner, key);
        }

        if (f.IsNull)
        {
            throw PyErr.TypeError($"'{TypeName(obj)}' object is not subscriptable");
        }

        return CallMethod(f, obj, [key]);
    }

    /// <summary>
    /// <c>list.__getitem__</c> / <c>tuple.__getitem__</c> themselves: the built-in indexing whatever a subclass overrides,
    /// so that a subclass's <c>__getitem__</c> calling <c>list.__getitem__(self, key)</c> does not come back to itself.
    /// </summary>
    internal static Value SequenceItem(PySequence q, Value obj, Value key)
    {
        PyContext ctx = PyContext.Current;
        if (key.IsSmallInt || key.IsBool || TryIndexOf(key, out _))
        {
            long at = key.IsSmallInt || key.IsBool ? key.Bits : ToIndexBorrowed(key);
            long i = at < 0 ? at + q.Count : at;
            if (i < 0 || i >= q.Count)
            {
                throw PyErr.IndexError($"{(q is PyTuple ? "tuple" : "list")} index out of range");
            }

            return q.Items[i].Dup();
        }

        if (key.Obj is PyBox sl && sl.Type == ctx.SliceType)
        {
            (long start, long stop, long step, long n) = Slices.Indices(sl, q.Count);
            if (q is PyTuple && !q.Type.IsHeap && step == 1 && n == q.Count)
            {
                // A slice covering a built-in tuple is the tuple itself, as in CPython.
                return obj.Dup();
            }

            var items = new Value[n];
            for (long k = 0, j = start; k < n; k++, j += step)
            {
                items[k] = q.Items[j].Dup();
            }

            return NewSequenceLike(q, items);
        }

        throw PyErr.TypeError($"{(q is PyTuple ? "tuple" : "list")} indices must be integers or slices, not {TypeName(key)}");
    }

    /// <summary><c>dict.__getitem__</c> itself (a subclass's <c>__missing__</c> included), whatever a subclass overrides.</summary>
    internal static Value DictItem(PyDict d, Value obj, Value key)
    {
        Value v = d.Get(key);
        if (!v.IsNull)
        {
            return v.Dup();
        }

        if (d.Type.IsHeap && d.Type.Lookup("__missing__") is { IsNull: false } missing)
        {
            return CallMethod(missing, obj, [key]);
        }

        throw PyErr.KeyError(key);
    }

    /// <summary>
    /// An index from a key that is no small int: a big int (CPython: IndexError, it cannot fit an index) or an object
    /// with <c>__index__</c> (an int subclass, a user class), as CPython's sequence indexing takes it.
    /// </summary>
    private static bool TryIndexOf(Value key, out long index)
    {
        if (key.Obj is BigInt)
        {
            throw PyErr.IndexError($"cannot fit '{TypeName(key)}' into an index-sized integer");
        }

        if (key.IsNull || TypeOf(key).Lookup("__index__").IsNull)
        {
            index = 0;
            return false;
        }

        index = ToIndexBorrowed(key);
        return true;
    }

    /// <summary><c>x[key] = value</c> with borrowed operands.</summary>
    public static void SetItem(Value obj, Value key, Value value)
    {
        PyContext ctx = PyContext.Current;
        switch (obj.Obj)
        {
            case PyList q when !q.Type.IsHeap || q.Type.Lookup("__setitem__").Obj is PyBuiltin:
                if (key.IsSmallInt || key.IsBool)
                {
                    long i = key.Bits < 0 ? key.Bits + q.Count : key.Bits;
                    if (i < 0 || i >= q.Count)
                    {
                        throw PyErr.IndexError("list assignment index out of range");
                    }

                    Value old = q.Items[i];
                    q.Items[i] = value.Dup();
                    old.Drop();
                    return;
                }

                if (key.Obj is PyBox sl && sl.Type == ctx.SliceType)
                {
                    Slices.Assign(q, sl, value);
                    return;
                }

                throw PyErr.TypeError($"list indices must be integers or slices, not {TypeName(key)}");
            case PyDict d when d is not PySet && (!d.Type.IsHeap || d.Type.Lookup("__setitem__").Obj is PyBuiltin):
                d.Set(key, value);
                return;
        }

        Value f = TypeOf(obj).Lookup("__setitem__");
        if (f.IsNull)
        {
            throw PyErr.TypeError($"'{TypeName(obj)}' object does not support item assignment");
        }

        CallMethod(f, obj, [key, value]).Drop();
    }

    /// <summary><c>del x[key]</c>.</summary>
    public static void DelItem(Value obj, Value key)
    {
        PyContext ctx = PyContext.Current;
        switch (obj.Obj)
        {
            case PyList q when !q.Type.IsHeap:
                if (key.IsSmallInt || key.IsBool)
                {
                    long i = key.Bits < 0 ? key.Bits + q.Count : key.Bits;
                    if (i < 0 || i >= q.Count)
                    {
                        throw PyErr.IndexError("list assignment index out of range");
                    }

                    q.RemoveAt((int)i).Drop();
                    return;
                }

                if (key.Obj is PyBox sl && sl.Type == ctx.SliceType)
                {
                    Slices.Delete(q, sl);
                    return;
                }

                break;
            case PyDict d when d is not PySet && !d.Type.IsHeap:
                if (!d.Remove(key))
                {
                    throw PyErr.KeyError(key);
                }

                return;
        }

        Value f = TypeOf(obj).Lookup("__delitem__");
        if (f.IsNull)
        {
            throw PyErr.TypeError($"'{TypeName(obj)}' object doesn't support item deletion");
        }

        CallMethod(f, obj, [key]).Drop();
    }
}
