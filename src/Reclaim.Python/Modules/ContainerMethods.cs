using System.Text;
using Reclaim.Python.Execution;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Modules;

/// <summary>list, tuple, dict and set: constructors, reprs and common methods.</summary>
internal static class ContainerMethods
{
    [ThreadStatic]
    private static HashSet<object>? t_reprActive;

    /// <summary>Installs them.</summary>
    public static void Install(PyContext ctx)
    {
        PyType l = ctx.ListType, t = ctx.TupleType, d = ctx.DictType, s = ctx.SetType;
        ctx.DefMethod(l, "__init__", (a, k) =>
        {
            AtMostOneArgument("list", a);
            var list = (PyList)a[0].Obj!;
            list.ClearItems();
            if (a.Length > 1)
            {
                Ops.Extend(list, a[1]);
            }

            return Value.None;
        });
        t.SetMember("__new__", TypeMethods.StaticMethod(ctx, ctx.NewBuiltin("__new__", (a, k) => ValueSubclasses.TupleOf(ctx, a.Length > 0 ? a[0] : default,
            a.Length < 2 ? ctx.NewTuple([]) : a.Length > 2 ? throw TooManyArguments("tuple", a) : a[1].Obj is PyTuple && !((PyTuple)a[1].Obj!).Type.IsHeap ? a[1].Dup() : ctx.NewTuple([.. Ops.ToList(a[1])])))));
        ctx.DefMethod(d, "__init__", (a, k) =>
        {
            AtMostOneArgument("dict", a);
            var dict = (PyDict)a[0].Obj!;
            if (a.Length > 1)
            {
                Ops.Update(dict, a[1]);
            }

            if (k is not null)
            {
                Ops.Update(dict, Value.Steal(k));
            }

            return Value.None;
        });
        ctx.DefMethod(s, "__init__", (a, k) =>
        {
            AtMostOneArgument("set", a);
            var set = (PySet)a[0].Obj!;
            set.ClearTable();
            if (a.Length > 1)
            {
                SetOps.Update(set, a[1]);
            }

            return Value.None;
        });
        ctx.FrozenSetType.SetMember("__new__", TypeMethods.StaticMethod(ctx, ctx.NewBuiltin("__new__", (a, k) =>
        {
            AtMostOneArgument("frozenset", a);
            if (a.Length > 1 && a[1].Obj is PySet { } given && given.Type == ctx.FrozenSetType && (a[0].IsNull || a[0].Obj == ctx.FrozenSetType))
            {
                // frozenset(f) of an exact frozenset is f itself.
                return a[1].Dup();
            }

            // A subclass's instance is laid out as object.__new__ lays out any instance (its dict, its slots).
            PySet set = a[0].Obj is PyType { IsHeap: true } cls && cls.IsSubtypeOf(ctx.FrozenSetType)
                ? (PySet)Ops.ObjectNew(cls, [], null).Obj!
                : SetOps.NewSet(ctx.FrozenSetType);
            Value iterable = a.Length > 1 ? a[1] : default;
            return Value.Steal(iterable.IsNull ? set : SetOps.Build(set, r => SetOps.Update(r, iterable)));
        })));
        foreach (PyType type in new[] { l, t, d, s, ctx.FrozenSetType })
        {
            ctx.DefMethod(type, "__repr__", (a, k) => Value.Str(Repr(a[0])));
            ctx.DefMethod(type, "__len__", (a, k) => Value.Int(Ops.Len(a[0])));
            ctx.DefMethod(type, "__contains__", (a, k) => Value.Bool(Ops.Contains(a[0], a[1])));
            ctx.DefMethod(type, "__iter__", (a, k) => Ops.GetIter(a[0]));
        }

        // Sets are not subscriptable: a set __getitem__ would send Ops.GetItem back to itself without end.
        // The built-in indexing itself, never the receiver's type's __getitem__: a subclass's override calling
        // list.__getitem__(self, key) must not come back to itself.
        foreach (PyType type in new[] { l, t })
        {
            ctx.DefMethod(type, "__getitem__", (a, k) => a[0].Obj is PySequence q ? Ops.SequenceItem(q, a[0], a[1]) : Ops.GetItem(a[0], a[1]));
        }

        ctx.DefMethod(l, "__setitem__", (a, k) =>
        {
            Ops.SetItem(a[0], a[1], a[2]);
            return Value.None;
        });
        ctx.DefMethod(d, "__setitem__", (a, k) =>
        {
            ((PyDict)a[0].Obj!).Set(a[1], a[2]);
            return Value.None;
        });
        ctx.DefMethod(d, "__getitem__", (a, k) => Ops.DictItem((PyDict)a[0].Obj!, a[0], a[1]));
        ctx.DefMethod(l, "__hash__", (a, k) => throw PyErr.TypeError("unhashable type: 'list'"));
        l.SetMember("__hash__", Value.None);
        d.SetMember("__hash__", Value.None);
        s.SetMember("__hash__", Value.None);
        ctx.DefMethod(l, "__reversed__", (a, k) => Ops.NewIterator(IterKind.Reversed, a[0]));
        ctx.DefMethod(l, "append", (a, k) =>
        {
            ((PyList)a[0].Obj!).Append(a[1].Dup());
            return Value.None;
        });
        ctx.DefMethod(l, "extend", (a, k) =>
        {
            Ops.Extend((PyList)a[0].Obj!, a[1]);
            return Value.None;
        });
        ctx.DefMethod(l, "insert", (a, k) =>
        {
            var list = (PyList)a[0].Obj!;
            long i = Ops.ToIndexBorrowed(a[1]);
            i = i < 0 ? Math.Max(0, i + list.Count) : Math.Min(i, list.Count);
            list.Insert((int)i, a[2].Dup());
            return Value.None;
        });
        ctx.DefMethod(l, "pop", (a, k) =>
        {
            var list = (PyList)a[0].Obj!;
            if (list.Count == 0)
            {
                throw PyErr.IndexError("pop from empty list");
            }

            long i = a.Length > 1 ? Ops.ToIndexBorrowed(a[1]) : -1;
            i = i < 0 ? i + list.Count : i;
            if (i < 0 || i >= list.Count)
            {
                throw PyErr.IndexError("pop index out of range");
            }

            return list.RemoveAt((int)i);
        });
        ctx.DefMethod(l, "remove", (a, k) =>
        {
            var list = (PyList)a[0].Obj!;
            for (int i = 0; i < list.Count; i++)
            {
                if (list.Items[i].Is(a[1]) || Ops.RichBool(list.Items[i], a[1], CompareOp.Eq))
                {
                    list.RemoveAt(i).Drop();
                    return Value.None;
                }
            }

            throw PyErr.ValueError("list.remove(x): x not in list");
        });
        foreach (PyType seq in new[] { l, t })
        {
            ctx.DefMethod(seq, "index", (a, k) =>
            {
                var q = (PySequence)a[0].Obj!;
                for (int i = 0; i < q.Count; i++)
                {
                    if (q.Items[i].Is(a[1]) || Ops.RichBool(q.Items[i], a[1], CompareOp.Eq))
                    {
                        return Value.Int(i);
                    }
                }

                throw PyErr.ValueError(q is PyTuple ? "tuple.index(x): x not in tuple" : $"{Ops.Repr(a[1])} is not in list");
            });
            ctx.DefMethod(seq, "count", (a, k) =>
            {
                var q = (PySequence)a[0].Obj!;
                int n = 0;
                for (int i = 0; i < q.Count; i++)
                {
                    if (q.Items[i].Is(a[1]) || Ops.RichBool(q.Items[i], a[1], CompareOp.Eq))
                    {
                        n++;
                    }
                }

                return Value.Int(n);
            });
        }

        ctx.DefMethod(l, "reverse", (a, k) =>
        {
            var list = (PyList)a[0].Obj!;
            Array.Reverse(list.Items, 0, list.Count);
            return Value.None;
        });
        ctx.DefMethod(l, "clear", (a, k) =>
        {
            ((PyList)a[0].Obj!).ClearItems();
            return Value.None;
        });
        ctx.DefMethod(l, "copy", (a, k) => Ops.NewSequenceLike((PyList)a[0].Obj!, [.. ((PyList)a[0].Obj!).Span.ToArray().Select(v => v.Dup())]));
        ctx.DefMethod(l, "sort", (a, k) =>
        {
            TypeMethods.SortList((PyList)a[0].Obj!, k);
            return Value.None;
        });
        DictMethods(ctx, d);
        ctx.DefMethod(s, "add", (a, k) =>
        {
            SetOps.Add((PySet)a[0].Obj!, a[1]);
            return Value.None;
        });
        ctx.DefMethod(s, "discard", (a, k) =>
        {
            ((PySet)a[0].Obj!).Remove(a[1]);
            return Value.None;
        });
        ctx.DefMethod(s, "remove", (a, k) => ((PySet)a[0].Obj!).Remove(a[1]) ? Value.None : throw PyErr.KeyError(a[1]));
        ctx.DefMethod(s, "clear", (a, k) =>
        {
            ((PySet)a[0].Obj!).ClearEntries();
            return Value.None;
        });
    }

    private static void DictMethods(PyContext ctx, PyType d)
    {
        ctx.DefMethod(d, "get", (a, k) => ((PyDict)a[0].Obj!).Get(a[1]) is { IsNull: false } v ? v.Dup() : a.Length > 2 ? a[2].Dup() : Value.None);
        ctx.DefMethod(d, "keys", (a, k) => Snapshot(ctx, (PyDict)a[0].Obj!, 'k'));
        ctx.DefMethod(d, "values", (a, k) => Snapshot(ctx, (PyDict)a[0].Obj!, 'v'));
        ctx.DefMethod(d, "items", (a, k) => Snapshot(ctx, (PyDict)a[0].Obj!, 'i'));
        ctx.DefMethod(d, "pop", (a, k) =>
        {
            var dict = (PyDict)a[0].Obj!;
            if (dict.Remove(a[1], out Value key, out Value v))
            {
                key.Drop();
                return v;
            }

            return a.Length > 2 ? a[2].Dup() : throw PyErr.KeyError(a[1]);
        });
        ctx.DefMethod(d, "setdefault", (a, k) =>
        {
            var dict = (PyDict)a[0].Obj!;
            Value v = dict.Get(a[1]);
            if (v.IsNull)
            {
                v = a.Length > 2 ? a[2] : Value.None;
                dict.Set(a[1], v);
            }

            return v.Dup();
        });
        ctx.DefMethod(d, "update", (a, k) =>
        {
            if (a.Length > 1)
            {
                Ops.Update((PyDict)a[0].Obj!, a[1]);
            }

            if (k is not null)
            {
                Ops.Update((PyDict)a[0].Obj!, Value.Steal(k));
            }

            return Value.None;
        });
        ctx.DefMethod(d, "clear", (a, k) =>
        {
            ((PyDict)a[0].Obj!).ClearEntries();
            return Value.None;
        });
        ctx.DefMethod(d, "copy", (a, k) =>
        {
            PyDict c = ctx.NewDict();
            Ops.Update(c, a[0]);
            return Value.Steal(c);
        });
        ctx.DefMethod(d, "popitem", (a, k) =>
        {
            var dict = (PyDict)a[0].Obj!;
            for (int i = dict.Used - 1; i >= 0; i--)
            {
                if (!dict.Keys[i].IsNull)
                {
                    Value key = dict.Keys[i].Dup();
                    dict.Remove(key, out Value k2, out Value v);
                    key.Drop();
                    return ctx.NewTuple([k2, v]);
                }
            }

            throw PyErr.KeyError(Value.Str("popitem(): dictionary is empty"));
        });
    }

    private static Value Snapshot(PyContext ctx, PyDict d, char what)
    {
        PyList list = ctx.NewList();
        for (int i = 0; i < d.Used; i++)
        {
            if (d.Keys[i].IsNull)
            {
                continue;
            }

            list.Append(what switch
            {
                'k' => d.Keys[i].Dup(),
                'v' => d.Values[i].Dup(),
                _ => ctx.NewTupleOf([d.Keys[i], d.Values[i]]),
            });
        }

        return Value.Steal(list);
    }

    /// <summary>The repr of a built-in container, with <c>[...]</c> for recursion.</summary>
    public static string Repr(Value v)
    {
        t_reprActive ??= new HashSet<object>(ReferenceEqualityComparer.Instance);
        object o = v.Obj!;
        if (!t_reprActive.Add(o))
        {
            return v.Obj is PyList ? "[...]" : v.Obj is PyDict and not PySet ? "{...}" : "(...)";
        }

        try
        {
            var sb = new StringBuilder();
            switch (o)
            {
                case PyList list:
                    sb.Append('[').AppendJoin(", ", list.Span.ToArray().Select(Ops.Repr)).Append(']');
                    break;
                case PyTuple tuple:
                    sb.Append('(').AppendJoin(", ", tuple.Span.ToArray().Select(Ops.Repr)).Append(tuple.Count == 1 ? ",)" : ")");
                    break;
                case PySet set:
                    var keys = set.Keys.Where(k => !k.IsNull).Select(Ops.Repr).ToList();
                    string name = set.Type.Name;
                    if (keys.Count == 0)
                    {
                        return name + "()";
                    }

                    string body = "{" + string.Join(", ", keys) + "}";
                    return set.Type == PyContext.Current.SetType ? body : $"{name}({body})";
                case PyDict dict:
                    sb.Append('{');
                    bool first = true;
                    for (int i = 0; i < dict.Used; i++)
                    {
                        if (dict.Keys[i].IsNull)
                        {
                            continue;
                        }

                        if (!first)
                        {
                            sb.Append(", ");
                        }

                        first = false;
                        sb.Append(Ops.Repr(dict.Keys[i])).Append(": ").Append(Ops.Repr(dict.Values[i]));
                    }

                    sb.Append('}');
                    break;
            }

            return sb.ToString();
        }
        finally
        {
            t_reprActive.Remove(o);
        }
    }

    /// <summary>
    /// The constructors of list, tuple, dict, set and frozenset take one optional argument after the instance or
    /// class in <paramref name="a"/>; more is CPython's TypeError (it is what <c>class A([]): pass</c> meets).
    /// </summary>
    private static void AtMostOneArgument(string name, ReadOnlySpan<Value> a)
    {
        if (a.Length > 2)
        {
            throw TooManyArguments(name, a);
        }
    }

    private static PyException TooManyArguments(string name, ReadOnlySpan<Value> a) =>
        PyErr.TypeError($"{name} expected at most 1 argument, got {a.Length - 1}");
}
