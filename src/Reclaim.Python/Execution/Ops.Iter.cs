using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Execution;

/// <summary>What a built-in iterator walks.</summary>
internal enum IterKind
{
    Sequence, DictKeys, DictValues, DictItems, Range, Str, Callable, Reversed,
}

/// <summary>A range's numbers (never references, so plain .NET state).</summary>
internal sealed record RangeState(long Start, long Stop, long Step)
{
    /// <summary>Number of elements.</summary>
    public long Length => Step > 0 ? Math.Max(0, (Stop - Start + Step - 1) / Step) : Math.Max(0, (Start - Stop - Step - 1) / -Step);
}

internal static partial class Ops
{
    /// <summary><c>iter(x)</c>; returns a new reference.</summary>
    public static Value GetIter(Value v)
    {
        PyContext ctx = PyContext.Current;
        switch (v.Obj)
        {
            case string:
                return NewIterator(IterKind.Str, v);
            case PySequence q when !q.Type.IsHeap || q.Type.Lookup("__iter__").Obj is PyBuiltin:
                return NewIterator(IterKind.Sequence, v);
            case PyDict d when !d.Type.IsHeap || d.Type.Lookup("__iter__").Obj is PyBuiltin:
                return NewIterator(IterKind.DictKeys, v);
            case PyBox b when b.Type == ctx.RangeType:
                return NewIterator(IterKind.Range, v);
            case PyBox b when b.Type == ctx.IteratorType:
                return v.Dup();
            case PyGenerator:
                return v.Dup();
        }

        Value f = TypeOf(v).Lookup("__iter__");
        if (!f.IsNull && !f.IsNone)
        {
            Value it = CallMethod(f, v, []);
            if (TypeOf(it).Lookup("__next__").IsNull && it.Obj is not PyBox { Native: IterKind })
            {
                string n = TypeName(it);
                it.Drop();
                throw PyErr.TypeError($"iter() returned non-iterator of type '{n}'");
            }

            return it;
        }

        if (!TypeOf(v).Lookup("__getitem__").IsNull)
        {
            return NewIterator(IterKind.Callable, v);
        }

        if (v.Obj is PyValueBox box)
        {
            // A str subclass without its own __iter__ or __getitem__ iterates its value.
            return GetIter(box.Inner);
        }

        throw PyErr.TypeError($"'{TypeName(v)}' object is not iterable");
    }

    /// <summary>A built-in iterator of the given kind over <paramref name="source"/> (new reference taken).</summary>
    public static Value NewIterator(IterKind kind, Value source)
    {
        PyContext ctx = PyContext.Current;
        var it = new PyBox(ctx.IteratorType, 1) { Native = kind };
        it.Slots[0] = source.Dup();
        if (kind == IterKind.Range)
        {
            it.Index = 0;
        }

        if (kind == IterKind.Reversed && source.Obj is PySequence reversedSequence)
        {
            // As CPython's reverse iterators: the last index is fixed now, so items appended later are not seen.
            it.Index = reversedSequence.Count - 1;
        }

        if (kind is IterKind.DictKeys or IterKind.DictItems or IterKind.DictValues && source.Obj is PyDict d)
        {
            it.Native = (kind, d.Count);
        }

        return Value.Steal(ctx.Runtime.AdoptReference(it));
    }

    /// <summary><c>next(it)</c> without a .NET exception at the end: false when exhausted.</summary>
    public static bool Next(Value it, out Value item)
    {
        PyContext ctx = PyContext.Current;
        if (it.Obj is PyBox box && box.Type == ctx.IteratorType)
        {
            return NextBuiltin(box, out item);
        }

        if (it.Obj is PyGenerator gen)
        {
            return GeneratorOps.Next(gen, out item);
        }

        if (it.Obj is Modules.Io.PyFile { Closed: false } file && !file.Type.IsHeap)
        {
            // A file's lines come without a StopIteration per file.
            return Modules.Io.FileMethods.TryNextLine(file, out item);
        }

        Value f = TypeOf(it).Lookup("__next__");
        if (f.IsNull)
        {
            throw PyErr.TypeError($"'{TypeName(it)}' object is not an iterator");
        }

        if (f.Obj is PyFunction pf && pf.Code.BindsDirectly(1, pf.Defaults.Length) && ctx.InFlight is null)
        {
            // A hand-written __next__ ends with `raise StopIteration`: have it handed back rather than thrown, since a
            // .NET throw costs microseconds per frame under Native AOT and every such loop ends with one. (With an
            // exception already in flight the call would throw instead, so that case keeps the catch below.)
            item = Evaluator.CallWithSelf(pf, it, [], raising: true);
            if (!item.IsNull)
            {
                return true;
            }

            PyException raised = ctx.TakeInFlight();
            if (!raised.Object.Type.IsSubtypeOf(ctx.ExceptionType("StopIteration")))
            {
                throw raised;
            }

            raised.Exc.Drop();
            return false;
        }

        try
        {
            item = CallMethod(f, it, []);
            return true;
        }
        catch (PyException e) when (e.Object.Type.IsSubtypeOf(ctx.ExceptionType("StopIteration")))
        {
            e.Exc.Drop();
            item = default;
            return false;
        }
    }

    private static bool NextBuiltin(PyBox box, out Value item)
    {
        Value src = box.Slots[0];
        item = default;
        if (src.IsNull)
        {
            return false;
        }

        long i = box.Index;
        switch (box.Native)
        {
            case IterKind.Sequence when src.Obj is PySequence q:
                if (i < q.Count)
                {
                    box.Index++;
                    item = q.Items[i].Dup();
                    return true;
                }

                break;
            case IterKind.Reversed when src.Obj is PySequence q:
                // Index counts down from the last index at creation; a sequence that shrank below it ends the iteration.
                if (i >= 0 && i < q.Count)
                {
                    box.Index--;
                    item = q.Items[i].Dup();
                    return true;
                }

                break;
            case IterKind.Str when src.Obj is string s:
                if (i < s.Length)
                {
                    // A surrogate pair is one character: both units go out together.
                    bool pair = Text.CodePoints.PairAt(s, (int)i);
                    box.Index += pair ? 2 : 1;
                    item = Value.Str(pair ? s.Substring((int)i, 2) : s[(int)i].ToString());
                    return true;
                }

                break;
            case IterKind.Range when src.Obj is PyBox { Native: RangeState r }:
                if (i < r.Length)
                {
                    box.Index++;
                    item = Value.Int(r.Start + (i * r.Step));
                    return true;
                }

                break;
            case (IterKind kind, int size) when src.Obj is PyDict d:
                if (d.Count != size)
                {
                    box.Index = long.MaxValue;
                    throw PyErr.Make("RuntimeError", d is PySet ? "Set changed size during iteration" : "dictionary changed size during iteration");
                }

                while (i < d.Used && d.Keys[i].IsNull)
                {
                    i++;
                }

                if (i < d.Used)
                {
                    box.Index = i + 1;
                    item = kind switch
                    {
                        IterKind.DictKeys => d.Keys[i].Dup(),
                        IterKind.DictValues => d.Values[i].Dup(),
                        _ => PyContext.Current.NewTupleOf([d.Keys[i], d.Values[i]]),
                    };
                    return true;
                }

                break;
            case IterKind.Callable:
                try
                {
                    item = GetItem(src, Value.Int(i));
                    box.Index++;
                    return true;
                }
                catch (PyException e) when (e.Object.Type.IsSubtypeOf(PyContext.Current.ExceptionType("IndexError"))
                    || e.Object.Type.IsSubtypeOf(PyContext.Current.ExceptionType("StopIteration")))
                {
                    e.Exc.Drop();
                }

                break;
        }

        // Exhausted: drop the source as CPython's iterators do.
        box.Slots[0] = default;
        src.Drop();
        return false;
    }

    /// <summary>Collects an iterable into a new array of owned values.</summary>
    public static List<Value> ToList(Value iterable)
    {
        var result = new List<Value>();
        if (iterable.Obj is PySequence q && !q.Type.IsHeap)
        {
            foreach (Value v in q.Span)
            {
                result.Add(v.Dup());
            }

            return result;
        }

        Value it = GetIter(iterable);
        try
        {
            while (Next(it, out Value v))
            {
                result.Add(v);
            }
        }
        catch
        {
            foreach (Value v in result)
            {
                v.Drop();
            }

            throw;
        }
        finally
        {
            it.Drop();
        }

        return result;
    }

    /// <summary><c>list.extend</c>.</summary>
    public static void Extend(PySequence list, Value iterable)
    {
        foreach (Value v in ToList(iterable))
        {
            list.Append(v);
        }
    }

    /// <summary><c>dict.update</c> from a mapping or an iterable of pairs.</summary>
    public static void Update(PyDict d, Value source)
    {
        if (source.Obj is PyDict sd && source.Obj is not PySet)
        {
            for (int i = 0; i < sd.Used; i++)
            {
                if (!sd.Keys[i].IsNull)
                {
                    d.Set(sd.Keys[i], sd.Values[i]);
                }
            }

            return;
        }

        Value keysFn = TryGetAttr(source, "keys");
        if (!keysFn.IsNull)
        {
            Value keys = Call(keysFn, [], null);
            keysFn.Drop();
            foreach (Value k in ToList(keys))
            {
                Value v = GetItem(source, k);
                d.SetOwned(k, v);
            }

            keys.Drop();
            return;
        }

        int n = 0;
        foreach (Value pair in ToList(source))
        {
            List<Value> kv = ToList(pair);
            pair.Drop();
            if (kv.Count != 2)
            {
                foreach (Value x in kv)
                {
                    x.Drop();
                }

                throw PyErr.ValueError($"dictionary update sequence element #{n} has length {kv.Count}; 2 is required");
            }

            d.SetOwned(kv[0], kv[1]);
            n++;
        }
    }
}
